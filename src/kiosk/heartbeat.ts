// The page's side of the kiosk supervisor (`npm run kiosk`, src/supervisor/): every 10 s the
// station tells the supervisor which screen it shows, how much heap it uses and its last error,
// through the CDP binding `window.percorsoHeartbeat` the supervisor installs. Silence means a
// hung page (the supervisor reloads it, then relaunches Chromium). Without a supervisor (a dev
// server, a test browser) the binding is absent and nothing is sent.
// The supervisor hands back what it did through `window.percorsoSupervisorLog`; the newest 50
// entries stay in localStorage for the staff panel and the register's kiosk view.

import {
  HEARTBEAT_BINDING,
  HEARTBEAT_INTERVAL_MS,
  type PageHeartbeat,
  parseSupervisorEntries,
  SUPERVISOR_LOG_FUNCTION,
  type SupervisorEntry,
  validSupervisorEntries,
} from '../contracts/supervisor.ts';
import type { KeyValueStore } from './error-log.ts';

export const SUPERVISOR_LOG_KEY = 'percorso.supervisorLog';
export const SUPERVISOR_LOG_CAPACITY = 50;

type HeartbeatWindow = Pick<Window, 'setInterval' | 'clearInterval'> & {
  [HEARTBEAT_BINDING]?: unknown;
  [SUPERVISOR_LOG_FUNCTION]?: unknown;
};

export interface HeartbeatSource {
  /** `percorso-app`'s `data-screen`, read at each beat. */
  screen(): string | undefined;
  /** The shell's error log (src/kiosk/error-log.ts), newest last. */
  errors(): readonly { message: string }[];
  /** `performance.memory.usedJSHeapSize` where the browser exposes it. */
  heapUsed(): number | undefined;
  now(): number;
  /**
   * Calls back whenever the screen changes, so the supervisor hears of a return to the attract
   * loop at once (recovery times, the nightly restart) rather than at the next beat. Returns a
   * function that stops watching.
   */
  watchScreen?(changed: () => void): () => void;
}

/** One beat's payload: small, and only what staff need to see at a glance. */
export function heartbeatPayload(source: HeartbeatSource): PageHeartbeat {
  const errors = source.errors();
  const heap = source.heapUsed();
  return {
    screen: source.screen()?.slice(0, 40) ?? null,
    heapUsed: typeof heap === 'number' && Number.isFinite(heap) && heap >= 0 ? heap : null,
    lastError: errors.at(-1)?.message.slice(0, 2000) ?? null,
    at: new Date(source.now()).toISOString(),
  };
}

/** The supervisor's entries kept by this profile, oldest first; anything malformed is dropped. */
export function readSupervisorLog(store: KeyValueStore): SupervisorEntry[] {
  return parseSupervisorEntries(store.getItem(SUPERVISOR_LOG_KEY));
}

/** Adds entries from the supervisor (checked one by one) and keeps the newest 50. */
export function appendSupervisorLog(store: KeyValueStore, incoming: unknown): number {
  // A relaunched supervisor hands its recent entries over again: each is kept once, in time order.
  const key = (entry: SupervisorEntry) => `${entry.at}|${entry.action}|${entry.reason}`;
  const stored = readSupervisorLog(store);
  const known = new Set(stored.map(key));
  const fresh = validSupervisorEntries(incoming).filter((entry) => {
    if (known.has(key(entry))) return false;
    known.add(key(entry));
    return true;
  });
  const kept = [...stored, ...fresh]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .slice(-SUPERVISOR_LOG_CAPACITY);
  try {
    store.setItem(SUPERVISOR_LOG_KEY, JSON.stringify(kept));
  } catch {
    // A full store must not break the heartbeat: the supervisor's own file has every entry.
  }
  return fresh.length;
}

/**
 * Beats now, every `intervalMs` and at each change of screen while the supervisor's binding
 * exists (looked up at each beat: a supervisor may attach later), and answers the supervisor's
 * log deliveries. Returns a function that stops all of it.
 */
export function startHeartbeat(
  win: HeartbeatWindow,
  source: HeartbeatSource,
  store: KeyValueStore,
  intervalMs = HEARTBEAT_INTERVAL_MS,
): () => void {
  const beat = () => {
    const binding = win[HEARTBEAT_BINDING];
    if (typeof binding !== 'function') return;
    try {
      binding(JSON.stringify(heartbeatPayload(source)));
    } catch {
      // Never let the watchdog's probe become the page's error: silence says enough.
    }
  };
  // The supervisor checks the return value: true means "stored, do not send these again".
  win[SUPERVISOR_LOG_FUNCTION] = (entries: unknown) => {
    appendSupervisorLog(store, entries);
    return true;
  };
  beat();
  const timer = win.setInterval(beat, intervalMs);
  const unwatch = source.watchScreen?.(beat);
  return () => {
    win.clearInterval(timer);
    unwatch?.();
    delete win[SUPERVISOR_LOG_FUNCTION];
  };
}

/** The browser's sources for a station: its shell element, its error log, Chromium's heap figure. */
export function browserHeartbeatSource(
  element: HTMLElement,
  errors: () => readonly { message: string }[],
): HeartbeatSource {
  return {
    screen: () => element.dataset.screen,
    errors,
    heapUsed: () =>
      (performance as Performance & { memory?: { usedJSHeapSize?: number } }).memory?.usedJSHeapSize,
    now: () => Date.now(),
    watchScreen: (changed) => {
      let last = element.dataset.screen;
      const observer = new MutationObserver(() => {
        if (element.dataset.screen === last) return;
        last = element.dataset.screen;
        changed();
      });
      observer.observe(element, { attributes: true, attributeFilter: ['data-screen'] });
      return () => observer.disconnect();
    },
  };
}
