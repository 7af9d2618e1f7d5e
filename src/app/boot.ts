// The composition root: the one place that creates I/O clients (fetch, localStorage, Howler,
// the service worker) and hands them to the shell. Boot order follows DESIGN.md's data flow:
// error boundary → lockdown → config → languages and sound → attract loop.

import { AUDIO_CACHE } from '../contracts/caches.ts';
import { isLanguageCode, type LanguageCode } from '../contracts/languages.ts';
import { applyDocumentLanguage, createI18n, loadShellStrings } from '../i18n/i18n.ts';
import { resolutionOrder } from '../i18n/languages.ts';
import type { CompiledInstallation } from '../journeys/compiled.ts';
import { CLOCK_CHECK_MS, ClockWatch, describeClockJump } from '../kiosk/clock-watch.ts';
import { describeThrown, ErrorLog } from '../kiosk/error-log.ts';
import { installLockdown } from '../kiosk/lockdown.ts';
import { readStorageState } from '../records/storage-watch.ts';
import { LazySpeaker } from '../sound/lazy-speaker.ts';
import './config-error-screen.ts';
import { StaffAlerts } from './alerts.ts';
import { RecordsAnalytics } from './analytics.ts';
import { kioskName, loadKioskConfig } from './config-loader.ts';
import { fetchConfig } from './prefetch-config.ts';
import { createRecordsService, STORAGE_CHECK_MS } from './records-service.ts';
import './percorso-app.ts';
import type { PercorsoApp } from './percorso-app.ts';

/** A reload is the last resort when the shell itself cannot recover. */
const RELOAD_AFTER_BROKEN_SHELL_MS = 2000;

export async function boot(win: Window): Promise<void> {
  const doc = win.document;
  // Storage opens on first use, not on the attract loop's critical path.
  const errorLog = new ErrorLog({
    getItem: (key) => win.localStorage.getItem(key),
    setItem: (key, value) => win.localStorage.setItem(key, value),
  });
  let app: PercorsoApp | undefined;

  const onError = (kind: 'error' | 'unhandledrejection', thrown: unknown) => {
    if (!app?.isConnected) {
      errorLog.append({ kind: 'boot', message: String((thrown as Error)?.message ?? thrown) });
      return;
    }
    try {
      app.recover(kind, thrown);
    } catch {
      setTimeout(() => win.location.reload(), RELOAD_AFTER_BROKEN_SHELL_MS);
    }
  };
  win.addEventListener('error', (event) => onError('error', event.error ?? event.message));
  win.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    onError('unhandledrejection', event.reason);
  });
  doc.addEventListener('securitypolicyviolation', (event) =>
    errorLog.append({ kind: 'csp', message: `${event.violatedDirective} blocked ${event.blockedURI}` }),
  );
  installLockdown(win);

  const params = new URLSearchParams(win.location.search);
  const loaded = await loadKioskConfig(
    kioskName(win.location.search, import.meta.env.VITE_KIOSK),
    fetchConfig,
    import.meta.env.BASE_URL,
  );

  if (!loaded.ok) {
    const i18n = await createI18n('it');
    await loadShellStrings(i18n, ['en']); // the error screen speaks Italian and English
    applyDocumentLanguage(doc, 'it');
    const screen = doc.createElement('percorso-config-error');
    screen.failure = loaded.failure;
    screen.i18n = i18n;
    screen.dataset.screen = 'error';
    doc.body.replaceChildren(screen);
    errorLog.append({ kind: 'boot', message: `kiosk config ${loaded.failure.kind}: ${loaded.failure.file}` });
    // Alive with a bad config: the supervisor must not relaunch Chromium over what a reload cannot fix.
    startHeartbeat(win, screen, errorLog);
    return;
  }

  const { config } = loaded;
  const requested = params.get('lang');
  const homeLanguage: LanguageCode =
    requested && isLanguageCode(requested) ? requested : config.languages.default;
  // ?lang= (for staff and tests) puts a language first even where the config does not offer it.
  if (!config.languages.offered.includes(homeLanguage)) config.languages.offered.unshift(homeLanguage);
  const i18n = await createI18n(homeLanguage);
  // Howler, the audio manifest, XState and workbox-window load after the attract loop is drawn.
  const speaker = new LazySpeaker(
    () =>
      import('./speaker-loader.ts').then((m) =>
        m.createSpeaker(import.meta.env.BASE_URL, config.audio.volume),
      ),
    config.audio.volume,
    (error) => errorLog.append({ kind: 'boot', ...describeThrown(error) }),
  );

  const alerts = new StaffAlerts();
  const { records, checkStorage } = createRecordsService(config, alerts);
  errorLog.sink = (entry) => {
    records()
      .then((r) => r.logError(entry))
      .catch(() => {});
  };
  win.setInterval(() => void checkStorage(), STORAGE_CHECK_MS);
  watchClock(win, alerts, errorLog);

  app = doc.createElement('percorso-app');
  app.services = { config, i18n, speaker, analytics: new RecordsAnalytics(records), records, alerts };
  app.errorLog = errorLog;
  app.homeLanguage = homeLanguage;
  doc.body.replaceChildren(app);
  await app.updateComplete;
  win.requestAnimationFrame(() =>
    win.setTimeout(() => {
      afterFirstFrame(app as PercorsoApp, speaker, errorLog);
      // Open the records (and ask for persistent storage) once the attract loop is on screen.
      records().then(checkStorage, () => {});
    }, 0),
  );
}

/**
 * Puts this station's clips in the service worker's audio cache (offered languages and their
 * fallbacks, the shell and this installation); `data-audio` on the app says how far it got.
 */
async function cacheStationAudio(app: PercorsoApp): Promise<void> {
  const { config } = app.services;
  const [{ stationClips }, { default: journeys }] = await Promise.all([
    import('./speaker-loader.ts'),
    import('virtual:percorso-journeys'),
  ]);
  const load = journeys[config.installation];
  const installation: CompiledInstallation | undefined = load ? (await load()).default : undefined;
  const lines = new Set<string>(installation?.journeys.flatMap((j) => Object.keys(j.lines)) ?? []);
  const languages = [...new Set(config.languages.offered.flatMap((lang) => resolutionOrder(lang)))];
  const beds = new Set(Object.values(installation?.ambience ?? {}));
  const urls = stationClips(import.meta.env.BASE_URL, lines, languages, beds);
  const { warmAudio } = await import('./audio-warmup.ts');
  // Clips already in the audio cache are skipped: after the first boot nothing is read again.
  const cache = 'caches' in globalThis ? await caches.open(AUDIO_CACHE) : undefined;
  const result = await warmAudio(
    urls,
    (url) => fetch(url),
    (done, total) => {
      app.dataset.audio = `${done}/${total}`;
    },
    async (url) => (await cache?.match(url)) !== undefined,
  );
  app.dataset.audio = result.failed.length === 0 ? 'cached' : `${result.failed.length} missing`;
}

/**
 * Starts this profile's uploader to the events register (src/sync/) when the config names one.
 * It idles until staff enter the kiosk's token in the staff panel.
 */
async function startSync(app: PercorsoApp): Promise<void> {
  const { config } = app.services;
  if (!config.register) return;
  const [{ SyncUploader }, { readSupervisorLog }, records] = await Promise.all([
    import('../sync/uploader.ts'),
    import('../kiosk/heartbeat.ts'),
    app.services.records(),
  ]);
  const uploader = new SyncUploader({
    records,
    url: config.register.url,
    appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev',
    storageRatio: async () => (await readStorageState(navigator.storage))?.ratio ?? null,
    // What `npm run kiosk` did on this station reaches the register's kiosk view.
    supervisorLog: () => readSupervisorLog(localStorage),
  });
  app.services.sync = uploader;
  uploader.start();
  // Back on the network: try at once rather than at the end of a backoff.
  window.addEventListener('online', () => uploader.syncNow());
}

/** Tells staff (an alert, the error log the supervisor and the register see) when the clock jumps. */
function watchClock(win: Window, alerts: StaffAlerts, errorLog: ErrorLog): void {
  const watch = new ClockWatch();
  win.setInterval(() => {
    const jump = watch.check();
    if (jump === 0) return;
    const text = describeClockJump(jump, new Date());
    alerts.raise('clock-jump', text);
    errorLog.append({ kind: 'clock', message: text.en });
  }, CLOCK_CHECK_MS);
}

/** Reports to the kiosk supervisor (`npm run kiosk`) when it runs this page; see src/kiosk/heartbeat.ts. */
function startHeartbeat(win: Window, element: HTMLElement, errorLog: ErrorLog): void {
  import('../kiosk/heartbeat.ts').then(
    (m) =>
      m.startHeartbeat(
        win,
        m.browserHeartbeatSource(element, () => errorLog.entries()),
        win.localStorage,
      ),
    (error: unknown) => errorLog.append({ kind: 'boot', ...describeThrown(error) }),
  );
}

/** Work the attract loop does not need on screen: loaded once the first frame is out. */
function afterFirstFrame(app: PercorsoApp, speaker: LazySpeaker, errorLog: ErrorLog): void {
  void speaker.preload();
  // The attract loop cycles through the offered languages: their strings load now, not at boot.
  loadShellStrings(app.services.i18n, app.services.config.languages.offered).catch((error: unknown) =>
    errorLog.append({ kind: 'boot', ...describeThrown(error) }),
  );
  app.preloadVisit();
  startHeartbeat(window, app, errorLog);
  startSync(app).catch((error: unknown) => errorLog.append({ kind: 'boot', ...describeThrown(error) }));
  if (import.meta.env.PROD) {
    cacheStationAudio(app).catch((error: unknown) =>
      errorLog.append({ kind: 'boot', ...describeThrown(error) }),
    );
    import('../kiosk/updates.ts').then(
      ({ registerServiceWorker }) => {
        app.updates = registerServiceWorker(`${import.meta.env.BASE_URL}sw.js`, () => {
          app.dataset.update = 'waiting';
        });
      },
      (error: unknown) => errorLog.append({ kind: 'boot', ...describeThrown(error) }),
    );
  }
}
