/**
 * @summary The staff panel, over any station: a PIN pad (with a lockout that survives reloads),
 * then the day's event, attendance (group check-in, tally, corrections), totals, moderation of
 * reflections (public and private queues), the station's health, and exports. Locks itself
 * after 2 minutes without a touch. Staff read Italian; visitor text is only ever text.
 * @event pc-staff-close - the panel was closed or locked itself
 * @event pc-teacher-start - teacher mode: a class (counted once here) is guided through the
 *   station; detail: group, size, language
 */
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffAlert } from '../app/alerts.ts';
import { type StationServices, servicesContext } from '../app/context.ts';
import { verifyPin } from '../contracts/pin.ts';
import {
  AUDIENCES,
  type Audience,
  EVENT_TYPES,
  type EventType,
  PROVINCES,
  type Province,
} from '../contracts/register.ts';
import type { SupervisorAction, SupervisorEntry } from '../contracts/supervisor.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { readSupervisorLog } from '../kiosk/heartbeat.ts';
import type { AttendanceBody, AttendanceRecord } from '../records/attendance.ts';
import { openRecordsChannel } from '../records/broadcast.ts';
import type { ErrorRecord } from '../records/error-entry.ts';
import type { EventSetup } from '../records/event-setup.ts';
import type { Records } from '../records/records.ts';
import type { ModerationStatus, ReflectionRecord } from '../records/reflection.ts';
import { SETTING_KEYS } from '../records/settings.ts';
import { formatBytes, readStorageState, type StorageState } from '../records/storage-watch.ts';
import { computeTotals, type EventTotals } from '../records/totals.ts';
import { uuid7 } from '../records/uuid.ts';
import { SYNC_SETTINGS, type SyncPhase, type SyncState } from '../sync/uploader.ts';
import {
  afterFailure,
  afterSuccess,
  type LockoutState,
  parseLockout,
  remainingMs,
  UNLOCKED,
} from './lockout.ts';
import { staffStyles } from './staff-panel.styles.ts';

/** The panel locks itself after this long without a touch or a key. */
export const AUTO_LOCK_MS = 2 * 60_000;

type Tab = 'event' | 'attendance' | 'totals' | 'moderation' | 'private' | 'health' | 'export';
const TABS: [Tab, string][] = [
  ['event', 'Evento'],
  ['attendance', 'Presenze'],
  ['totals', 'Totali'],
  ['moderation', 'Pensieri'],
  ['private', 'Riservati'],
  ['health', 'Stato'],
  ['export', 'Esporta'],
];

/** A write the panel waits for: "saved" is shown only when the transaction committed. */
interface Pending {
  label: string;
  state: 'saving' | 'saved' | 'failed';
  error?: string;
  retry?: () => void;
}

export interface HealthInfo {
  storage: StorageState | null;
  unsynced: number | null;
  errors: ErrorRecord[];
  audio: { missing: { line: string; language: string }[]; drafts: number; recorded: number } | null;
}

const today = (now = new Date()): string => {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};

const dateTime = (iso: string): string =>
  new Intl.DateTimeFormat('it-IT', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));

/** What the kiosk supervisor (`npm run kiosk`) did, in the staff's words. */
const SUPERVISOR_ACTIONS_IT: Record<SupervisorAction, string> = {
  launch: 'avvio del browser',
  reload: 'pagina ricaricata',
  relaunch: 'browser riavviato',
  crash: 'la pagina si è bloccata (crash)',
  'missed-heartbeats': 'la pagina non rispondeva',
  'nightly-restart': 'riavvio notturno',
  'server-restart': 'server locale riavviato',
  exit: 'postazione spenta',
};

const PHASES: Record<SyncPhase, string> = {
  off: 'spento',
  'no-token': 'manca il codice della postazione',
  idle: 'in attesa',
  sending: 'invio in corso',
  waiting: 'nuovo tentativo più tardi',
  refused: 'codice rifiutato dal registro',
};

/** The 3D quality tier, as staff read it (the stage sets it on the page: stage/quality.ts). */
const TIER_LABELS: Record<string, string> = {
  flat: '2D (WebGL non disponibile)',
  minimal: 'minima: luce precalcolata, risoluzione ridotta (grafica lenta o senza scheda video)',
  low: 'bassa',
  medium: 'media',
  high: 'alta',
};

/** One line on the uploader for the health view. */
function syncLine(sync: SyncState | null): string {
  if (!sync) return 'in avvio…';
  const next =
    sync.nextAttemptAt && sync.phase === 'waiting'
      ? ` (prossimo tentativo ${dateTime(sync.nextAttemptAt)})`
      : '';
  return `${PHASES[sync.phase]}${sync.message ? `: ${sync.message}` : ''}${next}`;
}

@customElement('percorso-staff')
export class StaffPanel extends LitElement {
  static override styles = staffStyles;

  @consume({ context: servicesContext }) @property({ attribute: false }) services?: StationServices;

  @state() private unlocked = false;
  @state() private pin = '';
  @state() private checking = false;
  @state() private pinError = '';
  @state() private lock: LockoutState = { ...UNLOCKED };
  @state() private lockLeft = 0;
  @state() private tab: Tab = 'attendance';
  @state() private pending: Pending | null = null;
  @state() private events: EventSetup[] = [];
  @state() private current: EventSetup | null = null;
  @state() private attendance: AttendanceRecord[] = [];
  @state() private totals: EventTotals | null = null;
  @state() private reflections: ReflectionRecord[] = [];
  @state() private health: HealthInfo | null = null;
  /** The supervisor's newest entries, newest first: read when the "Stato" tab opens, not per render. */
  @state() private supervisorLog: SupervisorEntry[] = [];
  @state() private alerts: StaffAlert[] = [];
  @state() private exportProgress: { label: string; done: number; total: number } | null = null;
  @state() private correcting: string | null = null;
  @state() private storageError = '';
  @state() private sync: SyncState | null = null;
  @state() private tokenSet = false;

  private records?: Records;
  private autoLock?: ReturnType<typeof setTimeout>;
  private lockTimer?: ReturnType<typeof setInterval>;
  private unsubscribeAlerts?: () => void;
  private exportAbort?: AbortController;
  private syncOff?: () => void;
  private readonly channel = openRecordsChannel((message) => {
    if (message.type.startsWith('reflection') && this.unlocked) void this.loadReflections();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerdown', this.touch);
    this.addEventListener('keydown', this.touch);
    this.unsubscribeAlerts = this.services?.alerts.subscribe((alerts) => {
      this.alerts = alerts;
    });
    this.alerts = this.services?.alerts.list ?? [];
    this.touch();
    void this.openRecords();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerdown', this.touch);
    this.removeEventListener('keydown', this.touch);
    clearTimeout(this.autoLock);
    clearInterval(this.lockTimer);
    this.unsubscribeAlerts?.();
    this.exportAbort?.abort();
    this.channel.close();
    this.syncOff?.();
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    this.renderRoot.querySelector<HTMLElement>('.pad button, .pin-display')?.focus();
  }

  private readonly touch = (): void => {
    clearTimeout(this.autoLock);
    this.autoLock = setTimeout(() => this.close(), AUTO_LOCK_MS);
  };

  close(): void {
    this.unlocked = false;
    this.pin = '';
    this.dispatchEvent(new CustomEvent('pc-staff-close', { bubbles: true, composed: true }));
  }

  private async openRecords(): Promise<void> {
    try {
      this.records = await this.services?.records();
      this.lock = parseLockout(await this.records?.setting(SETTING_KEYS.lockout));
    } catch (error) {
      this.storageError = (error as Error).message;
    }
    this.tickLock();
  }

  // ── PIN ─────────────────────────────────────────────────────────────────────

  private tickLock(): void {
    clearInterval(this.lockTimer);
    const update = () => {
      this.lockLeft = Math.ceil(remainingMs(this.lock, Date.now()) / 1000);
      if (this.lockLeft === 0) clearInterval(this.lockTimer);
    };
    update();
    if (this.lockLeft > 0) this.lockTimer = setInterval(update, 250);
  }

  private async saveLock(next: LockoutState): Promise<void> {
    this.lock = next;
    this.tickLock();
    // Kept in IndexedDB so a reload does not reset the count; the panel works without it.
    await this.records?.setSetting(SETTING_KEYS.lockout, next).catch(() => {});
  }

  private press(digit: string): void {
    if (this.checking || this.lockLeft > 0) return;
    this.pinError = '';
    if (digit === 'back') this.pin = this.pin.slice(0, -1);
    else if (this.pin.length < 6) this.pin += digit;
  }

  private onPinKey(event: KeyboardEvent): void {
    if (/^\d$/.test(event.key)) this.press(event.key);
    else if (event.key === 'Backspace') this.press('back');
    else if (event.key === 'Enter') void this.submitPin();
    else if (event.key === 'Escape') this.close();
  }

  private async submitPin(): Promise<void> {
    const config = this.services?.config;
    if (!config || this.checking || this.lockLeft > 0 || this.pin.length < 4) return;
    this.checking = true;
    // Read the stored state again: another tab (or a reload) may have counted failures.
    if (this.records)
      this.lock = parseLockout(await this.records.setting(SETTING_KEYS.lockout).catch(() => this.lock));
    this.tickLock();
    if (this.lockLeft > 0) {
      this.checking = false;
      this.pin = '';
      return;
    }
    const ok = await verifyPin(this.pin, config.staff.pinHash).catch(() => false);
    this.checking = false;
    this.pin = '';
    if (ok) {
      await this.saveLock(afterSuccess());
      this.unlocked = true;
      await this.refresh();
      return;
    }
    const next = afterFailure(this.lock, Date.now());
    await this.saveLock(next);
    const left = 5 - next.failures;
    this.pinError =
      remainingMs(next, Date.now()) > 0
        ? 'PIN errato. Pannello bloccato.'
        : `PIN errato. Tentativi rimasti: ${left}.`;
  }

  // ── data ────────────────────────────────────────────────────────────────────

  private async refresh(): Promise<void> {
    const records = this.records;
    if (!records) return;
    await this.importScheduledEvents(records);
    [this.events, this.current] = await Promise.all([records.events(), records.currentEvent()]);
    await Promise.all([this.loadAttendance(), this.loadReflections()]);
  }

  /** Events scheduled in the kiosk config appear in the list the first time the panel opens. */
  private async importScheduledEvents(records: Records): Promise<void> {
    const scheduled = this.services?.config.events ?? [];
    if (scheduled.length === 0) return;
    const known = new Set((await records.events()).map((e) => e.id));
    for (const event of scheduled) {
      if (!known.has(event.id)) await records.saveEvent({ ...event, source: 'config' }).catch(() => {});
    }
  }

  private async loadAttendance(): Promise<void> {
    const records = this.records;
    if (!records) return;
    this.attendance = await records.attendance(this.current?.id);
    this.totals = computeTotals(this.attendance);
  }

  private async loadReflections(): Promise<void> {
    if (this.records) this.reflections = await this.records.reflections();
  }

  private async loadHealth(): Promise<void> {
    const records = this.records;
    this.supervisorLog = readSupervisorLog(localStorage).slice(-20).reverse();
    const [storage, unsynced, errors, audio] = await Promise.all([
      readStorageState(navigator.storage).catch(() => null),
      records?.unsyncedCount().catch(() => null) ?? null,
      records?.errors(10).catch(() => []) ?? [],
      this.services
        ? import('../app/audio-gaps.ts')
            .then((m) => m.stationAudioGaps(this.services as StationServices))
            .catch(() => null)
        : null,
    ]);
    this.health = { storage, unsynced, errors, audio };
    this.watchSync();
    this.tokenSet = Boolean(await records?.setting<string>(SYNC_SETTINGS.token).catch(() => null));
  }

  /** Follows the uploader's state once it has started (after the attract loop's first frame). */
  private watchSync(): void {
    if (this.syncOff || !this.services?.sync) return;
    this.syncOff = this.services.sync.subscribe((state) => {
      this.sync = state;
    });
  }

  private async onToken(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const token = String(new FormData(form).get('token') ?? '').trim();
    if (token.length < 20) {
      this.pending = {
        label: 'Codice postazione',
        state: 'failed',
        error: 'Il codice è troppo corto: copialo intero dal registro.',
      };
      return;
    }
    const saved = await this.write('Codice postazione', () =>
      (this.records as Records).setSetting(SYNC_SETTINGS.token, token),
    );
    if (saved) {
      form.reset();
      this.tokenSet = true;
      this.services?.sync?.syncNow();
    }
  }

  /**
   * The sync bundle for a kiosk with no network: every record the register has not
   * acknowledged, with a checksum, as a file for a USB stick (the dashboard imports it).
   */
  private async exportBundle(): Promise<void> {
    const records = this.records;
    const config = this.services?.config;
    if (!records || !config || this.exportProgress) return;
    const label = 'Pacchetto USB';
    this.exportProgress = { label, done: 0, total: 0 };
    try {
      const [{ makeBundle }, items] = await Promise.all([
        import('../sync/bundle.ts'),
        records.unsynced(Number.MAX_SAFE_INTEGER),
      ]);
      this.exportProgress = { label, done: items.length, total: items.length };
      const now = new Date();
      const bundle = await makeBundle({
        createdAt: now.toISOString(),
        device: records.deviceId,
        kioskName: config.station.name,
        station: config.station.id,
        appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev',
        items,
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(bundle)], { type: 'application/json' }));
      link.download = `percorso-sync_${config.station.id}_${today(now)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      this.pending = { label: `${label}: ${link.download} (${items.length} record)`, state: 'saved' };
    } catch (error) {
      this.pending = { label, state: 'failed', error: (error as Error).message };
    } finally {
      this.exportProgress = null;
    }
  }

  private show(tab: Tab): void {
    this.tab = tab;
    this.pending = null;
    if (tab === 'health') void this.loadHealth();
    if (tab === 'moderation' || tab === 'private') void this.loadReflections();
    if (tab === 'totals' || tab === 'attendance') void this.loadAttendance();
  }

  /** Runs a write, says "saved" only after it committed, and offers a retry on failure. */
  private async write(label: string, work: () => Promise<unknown>): Promise<boolean> {
    this.pending = { label, state: 'saving' };
    try {
      await work();
      this.pending = { label, state: 'saved' };
      return true;
    } catch (error) {
      this.pending = {
        label,
        state: 'failed',
        error: (error as Error).message,
        retry: () => void this.write(label, work),
      };
      return false;
    }
  }

  /** Appends an attendance record with an id made once, so a retry can never count twice. */
  private count(label: string, body: AttendanceBody): Promise<boolean> {
    const id = uuid7();
    return this.write(label, async () => {
      const records = this.records ?? (await this.services?.records());
      if (!records) throw new Error('archivio non disponibile');
      await records.addAttendance(body, { id }).catch(async (error: unknown) => {
        // A retry after a write that did commit (but timed out) finds the record there: saved.
        const stored = (await records.attendance(this.current?.id).catch(() => [])).some((r) => r.id === id);
        if (!stored) throw error;
      });
      this.channel.post({ type: 'attendance-added', id });
      await this.loadAttendance();
    });
  }

  // ── actions ─────────────────────────────────────────────────────────────────

  private async onCheckIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const group = String(data.get('group') ?? '').trim();
    const size = Number(data.get('size'));
    if (!Number.isInteger(size) || size < 1 || size > 500) {
      this.pending = { label: 'Gruppo', state: 'failed', error: 'Indica quante persone: da 1 a 500.' };
      return;
    }
    if (await this.count(`Gruppo ${group || 'senza nome'}: ${size}`, { kind: 'check-in', group, size }))
      form.reset();
  }

  /** Teacher mode: the class is counted once, then the station runs a visit that waits for them. */
  private async onTeacher(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const group = String(data.get('class-group') ?? '').trim();
    const size = Number(data.get('class-size'));
    const language = String(data.get('class-language') ?? 'it');
    if (!Number.isInteger(size) || size < 1 || size > 500) {
      this.pending = { label: 'Classe', state: 'failed', error: 'Indica quante persone: da 1 a 500.' };
      return;
    }
    if (!(await this.count(`Classe ${group || 'senza nome'}: ${size}`, { kind: 'check-in', group, size })))
      return;
    this.dispatchEvent(
      new CustomEvent('pc-teacher-start', {
        detail: { group, size, language },
        bubbles: true,
        composed: true,
      }),
    );
    this.close();
  }

  private tally(delta: number): void {
    void this.count(delta > 0 ? `+${delta}` : `${delta}`, {
      kind: 'tally',
      delta,
      reason: delta < 0 ? 'correzione del conteggio' : '',
    });
  }

  private async onCorrect(event: SubmitEvent, original: AttendanceRecord): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = Number(data.get('value'));
    const reason = String(data.get('reason') ?? '').trim();
    if (!Number.isInteger(value) || value < 0 || value > 500) {
      this.pending = { label: 'Correzione', state: 'failed', error: 'Scrivi il numero giusto, da 0 a 500.' };
      return;
    }
    const signed = original.kind === 'tally' && original.delta < 0 ? -value : value;
    if (
      await this.count('Correzione', { kind: 'correction', corrects: original.id, value: signed, reason })
    ) {
      this.correcting = null;
    }
  }

  private async onEventForm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    await this.write('Evento', async () => {
      const records = this.records;
      if (!records) throw new Error('archivio non disponibile');
      const saved = await records.saveEvent({
        title: text('title'),
        type: text('type') as EventType,
        audience: text('audience') as Audience,
        venue: text('venue'),
        municipality: text('municipality'),
        province: text('province') as Province,
        startDate: text('startDate'),
        endDate: text('endDate') || text('startDate'),
        source: 'kiosk',
      });
      await records.setCurrentEvent(saved.id);
      await this.refresh();
    });
  }

  private async pickEvent(id: string | null): Promise<void> {
    await this.write('Evento corrente', async () => {
      await this.records?.setCurrentEvent(id);
      this.current = this.events.find((e) => e.id === id) ?? null;
      await this.loadAttendance();
    });
  }

  private async moderate(reflection: ReflectionRecord, status: ModerationStatus): Promise<void> {
    await this.write(status === 'approved' ? 'Approvato' : 'Nascosto', async () => {
      const saved = await this.records?.setModeration(reflection.id, status);
      if (saved) this.channel.post({ type: 'reflection-moderated', id: saved.id, status: saved.status });
      await this.loadReflections();
    });
  }

  private async runExport(
    store: 'attendance' | 'reflections',
    format: 'csv' | 'xlsx' | 'json',
  ): Promise<void> {
    const records = this.records;
    if (!records || this.exportProgress) return;
    const label = `${store === 'attendance' ? 'Presenze' : 'Pensieri'} ${format.toUpperCase()}`;
    this.exportAbort = new AbortController();
    this.exportProgress = { label, done: 0, total: 0 };
    try {
      const exporter = await import('../records/export.ts');
      const run = { csv: exporter.exportCsv, xlsx: exporter.exportXlsx, json: exporter.exportJson }[format];
      const blob = await run(
        records,
        store,
        (done: number, total: number) => {
          this.exportProgress = { label, done, total };
        },
        this.exportAbort.signal,
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = exporter.exportFileName(store, format, new Date());
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      this.pending = { label: `${label}: ${link.download}`, state: 'saved' };
    } catch (error) {
      const aborted = (error as Error).name === 'AbortError';
      this.pending = {
        label,
        state: 'failed',
        error: aborted ? 'Esportazione annullata.' : (error as Error).message,
      };
    } finally {
      this.exportProgress = null;
      this.exportAbort = undefined;
    }
  }

  // ── rendering ───────────────────────────────────────────────────────────────

  private renderPin() {
    const locked = this.lockLeft > 0;
    return html`<section class="pin" @keydown=${this.onPinKey} aria-label="PIN del personale">
      <h2>Pannello del personale</h2>
      <div class="pin-display" tabindex="0" aria-live="polite">
        ${locked ? html`Bloccato: riprova tra ${this.lockLeft} s` : this.checking ? 'Verifico…' : '•'.repeat(this.pin.length) || 'Inserisci il PIN'}
      </div>
      ${this.pinError ? html`<p class="error" role="alert">${this.pinError}</p>` : nothing}
      ${this.storageError ? html`<p class="error">Archivio locale non disponibile: ${this.storageError}</p>` : nothing}
      <div class="pad">
        ${['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(
          (d) =>
            html`<button type="button" data-digit=${d} ?disabled=${locked} @click=${() => this.press(d)}>${d}</button>`,
        )}
        <button type="button" class="aside" @click=${() => this.press('back')} aria-label="Cancella">⌫</button>
        <button type="button" data-digit="0" ?disabled=${locked} @click=${() => this.press('0')}>0</button>
        <button type="button" class="ok" ?disabled=${locked || this.pin.length < 4 || this.checking} @click=${() => void this.submitPin()}>OK</button>
      </div>
      <button type="button" class="close" @click=${() => this.close()}>Chiudi</button>
    </section>`;
  }

  private renderPending() {
    const p = this.pending;
    if (!p) return nothing;
    const text = { saving: 'Salvataggio…', saved: 'Salvato', failed: 'Non salvato' }[p.state];
    return html`<p class="status ${p.state}" role="status" data-state=${p.state}>
      <strong>${text}</strong> · ${p.label}${p.error ? html` — ${p.error}` : nothing}
      ${p.retry ? html`<button type="button" @click=${p.retry}>Riprova</button>` : nothing}
    </p>`;
  }

  private renderEvent() {
    const d = today();
    return html`<section>
      <h3>Evento corrente</h3>
      <p class="current" data-current-event=${this.current?.id ?? ''}>
        ${this.current ? html`<strong>${this.current.title}</strong> · ${EVENT_TYPES[this.current.type]} · ${this.current.municipality} (${this.current.province})` : 'Nessun evento: le presenze restano senza evento finché non ne scegli uno.'}
      </p>
      ${
        this.events.length
          ? html`<ul class="events">${this.events.map(
              (
                e,
              ) => html`<li><button type="button" aria-pressed=${e.id === this.current?.id ? 'true' : 'false'} @click=${() => void this.pickEvent(e.id)}>
                ${e.title} · ${e.startDate}${e.source === 'config' ? ' · programmato' : ''}</button></li>`,
            )}</ul>`
          : nothing
      }
      <h3>Nuovo evento</h3>
      <form class="event-form" @submit=${this.onEventForm}>
        <label>Titolo <input name="title" required maxlength="120" /></label>
        <label>Tipo <select name="type">${Object.entries(EVENT_TYPES).map(([k, v]) => html`<option value=${k}>${v}</option>`)}</select></label>
        <label>Destinatari <select name="audience">${Object.entries(AUDIENCES).map(([k, v]) => html`<option value=${k}>${v}</option>`)}</select></label>
        <label>Luogo <input name="venue" maxlength="120" /></label>
        <label>Comune <input name="municipality" maxlength="80" /></label>
        <label>Provincia <select name="province">${PROVINCES.map((p) => html`<option value=${p}>${p === 'other' ? 'altra' : p}</option>`)}</select></label>
        <label>Dal <input name="startDate" type="date" required .value=${d} /></label>
        <label>Al <input name="endDate" type="date" .value=${d} /></label>
        <button type="submit">Crea e usa</button>
      </form>
    </section>`;
  }

  private renderAttendance() {
    const counted = this.attendance
      .filter((r) => r.kind === 'check-in' || r.kind === 'tally')
      .slice(-8)
      .reverse();
    return html`<section>
      <p class="big-count"><span data-people>${this.totals?.peopleReached ?? 0}</span> persone</p>
      <div class="tally">
        <button type="button" class="plus" data-tally="1" @click=${() => this.tally(1)}>+1</button>
        <button type="button" data-tally="5" @click=${() => this.tally(5)}>+5</button>
        <button type="button" data-tally="-1" @click=${() => this.tally(-1)}>−1</button>
      </div>
      <form class="checkin" @submit=${this.onCheckIn}>
        <label>Classe o gruppo <input name="group" maxlength="60" placeholder="es. 3B Liceo" /></label>
        <label>Persone <input name="size" type="number" min="1" max="500" required inputmode="numeric" /></label>
        <button type="submit">Registra gruppo</button>
      </form>
      ${this.services?.config.station.role === 'journey' ? this.renderTeacher() : nothing}
      <h3>Ultimi conteggi</h3>
      <ul class="recent">
        ${counted.map(
          (r) => html`<li data-record=${r.id}>
            ${dateTime(r.at)} · ${r.kind === 'check-in' ? html`${r.group || 'gruppo'}: ${r.size}` : `conteggio ${r.delta > 0 ? '+' : ''}${r.delta}`}
            ${
              this.correcting === r.id
                ? html`<form class="correct" @submit=${(e: SubmitEvent) => this.onCorrect(e, r)}>
                    <input name="value" type="number" min="0" max="500" required aria-label="Valore giusto" />
                    <input name="reason" maxlength="120" placeholder="motivo" aria-label="Motivo" />
                    <button type="submit">Correggi</button></form>`
                : html`<button type="button" class="link" @click=${() => {
                    this.correcting = r.id;
                  }}>Correggi</button>`
            }
          </li>`,
        )}
      </ul>
    </section>`;
  }

  /** Teacher mode: hold the station for a class, advance it together, count the class once. */
  private renderTeacher() {
    const offered = this.services?.config.languages.offered ?? [];
    return html`<h3>Classe guidata</h3>
      <p class="hint">La stazione aspetta la classe: ogni frase resta sullo schermo finché non tocchi «avanti»,
        e la visita non si azzera da sola. La classe si conta una volta sola.</p>
      <form class="teacher" @submit=${this.onTeacher}>
        <label>Classe <input name="class-group" maxlength="60" placeholder="es. 3B Liceo" /></label>
        <label>Persone <input name="class-size" type="number" min="1" max="500" required inputmode="numeric" /></label>
        <label>Lingua <select name="class-language">${offered.map(
          (code) => html`<option value=${code}>${LANGUAGES[code].nativeName}</option>`,
        )}</select></label>
        <button type="submit">Conta e guida la classe</button>
      </form>`;
  }

  private renderTotals() {
    const t = this.totals;
    if (!t) return html`<p>Nessun dato.</p>`;
    return html`<section class="totals">
      <dl>
        <dt>Persone raggiunte</dt><dd data-total="people">${t.peopleReached}</dd>
        <dt>Gruppi</dt><dd>${t.groups}</dd>
        <dt>Percorsi iniziati</dt><dd data-total="started">${t.journeysStarted}</dd>
        <dt>Percorsi completati</dt><dd data-total="completed">${t.journeysCompleted}</dd>
        <dt>Correzioni</dt><dd>${t.corrections}</dd>
      </dl>
      <table>
        <thead><tr><th>Postazione</th><th>Percorso</th><th>Iniziati</th><th>Completati</th><th>Interrotti</th><th>Minuti (mediana)</th></tr></thead>
        <tbody>${t.byStation.map(
          (s) =>
            html`<tr><td>${s.station}</td><td>${s.journey}</td><td>${s.started}</td><td>${s.completed}</td><td>${s.abandoned}</td><td>${s.medianMinutes ?? '—'}</td></tr>`,
        )}</tbody>
      </table>
      ${t.choices.map(
        (c) =>
          html`<h4>${c.journey} · ${c.step}</h4><ul class="choices">${Object.entries(c.answers).map(
            ([k, n]) => html`<li>${k}: ${n}</li>`,
          )}${c.timedOut ? html`<li>scelte dal tempo: ${c.timedOut}</li>` : nothing}</ul>`,
      )}
    </section>`;
  }

  private renderReflection(r: ReflectionRecord, actions: boolean) {
    return html`<li class="reflection ${r.flags.length ? 'flagged' : ''}" data-reflection=${r.id} data-status=${r.status}>
      <p class="text" lang=${r.language}>${r.text}</p>
      ${r.pictograms.length ? html`<p class="pictos">${r.pictograms.join(' · ')}</p>` : nothing}
      <p class="meta">${dateTime(r.at)} · ${r.language} · ${r.station}
        ${r.flags.length ? html` · <span class="flag">Segnalato: ${r.flags.join(', ')}</span>` : nothing}</p>
      ${
        actions
          ? html`<div class="actions">
            ${r.status !== 'approved' ? html`<button type="button" data-action="approve" @click=${() => void this.moderate(r, 'approved')}>Approva</button>` : nothing}
            ${r.status !== 'hidden' ? html`<button type="button" data-action="hide" @click=${() => void this.moderate(r, 'hidden')}>Nascondi</button>` : nothing}
          </div>`
          : nothing
      }
    </li>`;
  }

  private renderModeration() {
    const pending = this.reflections.filter((r) => r.status === 'pending');
    const approved = this.reflections.filter((r) => r.status === 'approved').reverse();
    return html`<section>
      <h3>Da moderare (${pending.length})</h3>
      <ul class="queue" data-queue="pending">${pending.map((r) => this.renderReflection(r, true))}</ul>
      <h3>Sul muro (${approved.length})</h3>
      <ul class="queue" data-queue="approved">${approved.map((r) => this.renderReflection(r, true))}</ul>
    </section>`;
  }

  private renderPrivate() {
    const items = this.reflections.filter((r) => r.status === 'private').reverse();
    return html`<section>
      <p class="guidance">
        Questi messaggi potrebbero raccontare una situazione di sfruttamento vissuta da chi li ha scritti.
        Non vengono mai mostrati sul muro. Chi li ha scritti ha visto il Numero Verde Antitratta 800 290 290.
        Non cercare l’autore davanti al gruppo: parlane con la referente del progetto.
      </p>
      <ul class="queue" data-queue="private">${items.map((r) => this.renderReflection(r, false))}</ul>
    </section>`;
  }

  private renderHealth() {
    const h = this.health;
    const tier = document.documentElement.dataset.stageTier;
    const register = this.services?.config.register?.url;
    return html`<section class="health">
      ${this.alerts.map((a) => html`<p class="alert" role="alert" data-alert=${a.kind}>${a.it}${a.count > 1 ? ` (×${a.count})` : ''}</p>`)}
      <dl>
        <dt>Memoria</dt><dd data-health="storage">${
          h?.storage
            ? `${formatBytes(h.storage.usage)} di ${formatBytes(h.storage.quota)} (${Math.round(h.storage.ratio * 100)}%)${h.storage.persisted ? ', persistente' : ', non persistente'}`
            : 'non disponibile'
        }</dd>
        <dt>Da sincronizzare</dt><dd data-health="unsynced">${h?.unsynced ?? '—'}</dd>
        <dt>Registro eventi</dt><dd data-health="sync">${register ? syncLine(this.sync) : 'registro non configurato: i dati restano su questa postazione (esportali)'}</dd>
        <dt>Ultima sincronizzazione</dt><dd data-health="last-sync">${this.sync?.lastSuccessAt ? dateTime(this.sync.lastSuccessAt) : 'mai'}</dd>
        <dt>Versione</dt><dd data-health="version">${import.meta.env.VITE_APP_VERSION ?? 'dev'}</dd>
        <dt>Qualità 3D</dt><dd data-health="tier">${tier ? (TIER_LABELS[tier] ?? tier) : 'non ancora misurata (nessuna scena 3D aperta)'}</dd>
        <dt>Audio mancante</dt><dd data-health="audio">${
          h?.audio
            ? `${h.audio.missing.length} clip mancanti, ${h.audio.drafts} bozze (voce sintetica), ${h.audio.recorded} registrate`
            : '—'
        }</dd>
      </dl>
      ${
        h?.audio?.missing.length
          ? html`<details><summary>Clip mancanti</summary><ul class="gaps">${h.audio.missing
              .slice(0, 200)
              .map((g) => html`<li>${g.language} · ${g.line}</li>`)}</ul></details>`
          : nothing
      }
      ${register ? this.renderSync() : nothing}
      ${this.renderSupervisor()}
      <h3>Errori recenti</h3>
      <ul class="errors">${(h?.errors ?? []).map((e) => html`<li>${dateTime(e.at)} · ${e.kind} · ${e.message}</li>`)}</ul>
    </section>`;
  }

  /** What the kiosk supervisor did lately: reloads, relaunches, crashes, nightly restarts. */
  private renderSupervisor() {
    const entries = this.supervisorLog;
    return html`<h3>Riavvii automatici</h3>
      ${
        entries.length
          ? html`<ul class="supervisor">${entries.map(
              (e) =>
                html`<li data-action=${e.action}>${dateTime(e.at)} · ${SUPERVISOR_ACTIONS_IT[e.action]}${e.reason ? ` · ${e.reason}` : ''}</li>`,
            )}</ul>`
          : html`<p class="supervisor-none">Nessuno registrato (la postazione li annota quando è avviata con npm run kiosk).</p>`
      }`;
  }

  private renderSync() {
    const sync = this.sync;
    return html`<h3>Sincronizzazione</h3>
      <form class="row" @submit=${this.onToken}>
        <label>Codice postazione ${this.tokenSet ? '(impostato)' : '(mancante)'}
          <input name="token" type="password" autocomplete="off" spellcheck="false" minlength="20" maxlength="100" required
            placeholder=${this.tokenSet ? 'incolla un nuovo codice per cambiarlo' : 'incolla il codice dato dal registro'} /></label>
        <button type="submit">Salva codice</button>
      </form>
      <div class="row">
        <button type="button" data-sync="now" ?disabled=${!sync} @click=${() => this.services?.sync?.syncNow()}>Sincronizza ora</button>
      </div>
      ${
        sync?.rejected.length
          ? html`<details open><summary>Record rifiutati dal registro: ${sync.rejected.length}</summary>
            <p>Restano su questa postazione. Mostra i motivi al coordinamento; quando il registro è corretto, riprova.</p>
            <ul class="errors" data-sync="rejected">${sync.rejected.map((r) => html`<li>${dateTime(r.at)} · ${r.store} · ${r.reason}</li>`)}</ul>
            <button type="button" @click=${() => void this.services?.sync?.retryRejected()}>Riprova i rifiutati</button></details>`
          : nothing
      }`;
  }

  private renderExport() {
    const p = this.exportProgress;
    const formats = ['csv', 'xlsx', 'json'] as const;
    return html`<section class="export">
      <p>CSV per Excel in italiano (separatore «;»), XLSX oppure JSON per il registro.</p>
      ${(['attendance', 'reflections'] as const).map(
        (store) => html`<div class="row"><span>${store === 'attendance' ? 'Presenze' : 'Pensieri'}</span>
          ${formats.map(
            (f) =>
              html`<button type="button" data-export=${`${store}-${f}`} ?disabled=${p !== null} @click=${() => void this.runExport(store, f)}>${f.toUpperCase()}</button>`,
          )}</div>`,
      )}
      <div class="row"><span>Pacchetto USB per il registro (senza rete)</span>
        <button type="button" data-export="bundle" ?disabled=${p !== null} @click=${() => void this.exportBundle()}>JSON</button></div>
      ${
        p
          ? html`<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax=${p.total} aria-valuenow=${p.done}>
            ${p.label}: ${p.done} / ${p.total || '…'}
            <progress max=${p.total || 1} .value=${p.done}></progress>
            <button type="button" @click=${() => this.exportAbort?.abort()}>Annulla</button></div>`
          : nothing
      }
    </section>`;
  }

  private renderOpen() {
    const body = {
      event: () => this.renderEvent(),
      attendance: () => this.renderAttendance(),
      totals: () => this.renderTotals(),
      moderation: () => this.renderModeration(),
      private: () => this.renderPrivate(),
      health: () => this.renderHealth(),
      export: () => this.renderExport(),
    }[this.tab]();
    const privateCount = this.reflections.filter((r) => r.status === 'private').length;
    const pendingCount = this.reflections.filter((r) => r.status === 'pending').length;
    return html`<section class="open">
      <header>
        <h2>${this.current?.title ?? 'Nessun evento'}</h2>
        <button type="button" class="close" @click=${() => this.close()}>Blocca e chiudi</button>
      </header>
      <nav>${TABS.map(
        ([
          id,
          label,
        ]) => html`<button type="button" data-tab=${id} aria-current=${this.tab === id ? 'page' : 'false'} @click=${() => this.show(id)}>
          ${label}${id === 'moderation' && pendingCount ? html` <span class="badge">${pendingCount}</span>` : nothing}${id === 'private' && privateCount ? html` <span class="badge">${privateCount}</span>` : nothing}${id === 'health' && this.alerts.length ? html` <span class="badge warn">!</span>` : nothing}</button>`,
      )}</nav>
      ${this.renderPending()}
      <div class="body">${body}</div>
    </section>`;
  }

  override render() {
    return html`<div class="panel" role="dialog" aria-modal="true" data-staff=${this.unlocked ? 'open' : 'pin'}>
      ${this.unlocked ? this.renderOpen() : this.renderPin()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'percorso-staff': StaffPanel;
  }
}
