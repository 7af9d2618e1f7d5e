// The kiosk's uploader: sends unsynced records to the events register in batches, and marks a
// record synced only when the register's per-record answer says it is stored (inserted, or a
// duplicate of what it already has). One uploader runs per browser profile (a Web Lock); the
// state lives in IndexedDB, so a crash or reload simply resumes. Failures wait with exponential
// backoff and full jitter; the register's 429 is obeyed; a batch the register finds too large
// is halved; a record it refuses is set aside with the reason for staff, never resent in a loop.
// Acknowledged records are pruned after 60 days, raising the counter's floor (src/records).

import type { SupervisorEntry } from '../contracts/supervisor.ts';
import {
  type BatchRequest,
  batchAnswerSchema,
  HEARTBEAT_SUPERVISOR_ENTRIES,
  type Heartbeat,
} from '../contracts/sync-wire.ts';
import type { Records, SyncRefusal } from '../records/records.ts';
import { SETTING_KEYS } from '../records/settings.ts';
import type { LockManagerLike } from '../records/writer-lease.ts';
import type { SyncItem } from './bundle.ts';

/** Settings the uploader keeps in the records database (src/records/settings.ts). */
export const SYNC_SETTINGS = {
  token: SETTING_KEYS.registerToken,
  lastSuccess: SETTING_KEYS.syncLastSuccess,
  rejected: SETTING_KEYS.syncRejected,
} as const;

export const BATCH_RECORDS = 500;
/** Under the register's 1 MiB body limit, with room for the envelope. */
export const BATCH_BYTES = 900 * 1024;
export const PRUNE_AFTER_DAYS = 60;
/** With nothing to send, the kiosk still tells the register it is alive this often. */
export const HEARTBEAT_EVERY_MS = 15 * 60_000;

export type SyncPhase =
  /** No register in the kiosk config: records stay here (export them). */
  | 'off'
  /** A register is configured but staff have not entered this kiosk's token. */
  | 'no-token'
  | 'idle'
  | 'sending'
  /** The last try failed (network, server): waiting to try again. */
  | 'waiting'
  /** The register refused the token: enrol the kiosk again. */
  | 'refused';

/** A record the register refused: kept on the kiosk, listed for staff with the reason. */
export type RejectedRecord = SyncRefusal;

export interface SyncState {
  phase: SyncPhase;
  /** Records not acknowledged yet (null until counted). */
  pending: number | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** What staff should know, in Italian (the staff panel's language). */
  message: string;
  rejected: RejectedRecord[];
  /** Records acknowledged since this page loaded. */
  sent: number;
}

export interface UploaderOptions {
  records: Records;
  /** The register's base URL ("/" for the server that serves this app). */
  url: string;
  appVersion: string;
  fetch?: typeof fetch;
  /** `navigator.locks` (tests pass their own; without one, this page just runs). */
  locks?: LockManagerLike | null;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
  /** Wait between checks when there is nothing to send. */
  idleMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  batchRecords?: number;
  storageRatio?: () => Promise<number | null>;
  /** Where the register lives relative to (for "/"). */
  origin?: string;
  /** The supervisor's actions as the page keeps them (src/kiosk/heartbeat.ts), oldest first. */
  supervisorLog?: () => readonly SupervisorEntry[];
  /** With nothing to send, a heartbeat alone this often (and at once for a new supervisor action). */
  heartbeatEveryMs?: number;
}

type Step = { waitMs: number };

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string } | null,
    readonly retryAfter: number | null,
  ) {
    super(body?.error ?? `HTTP ${status}`);
  }
}

export class SyncUploader {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly listeners = new Set<(state: SyncState) => void>();
  private stopped = true;
  private wakeUp: (() => void) | null = null;
  private stopController: AbortController | null = null;
  private attempt = 0;
  private batchLimit: number;
  private lastPrune = 0;
  private lastSuccessSaved = 0;
  private storage: { ratio: number | null; at: number } | null = null;
  /** When the register last answered a batch, and the newest supervisor action it was told of. */
  private lastContact = Number.NEGATIVE_INFINITY;
  private lastReported = '';
  private current: SyncState = {
    phase: 'idle',
    pending: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    nextAttemptAt: null,
    message: '',
    rejected: [],
    sent: 0,
  };
  /** Resolves when the loop has ended (after stop()). */
  done: Promise<void> = Promise.resolve();

  constructor(private readonly options: UploaderOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.batchLimit = options.batchRecords ?? BATCH_RECORDS;
  }

  get state(): SyncState {
    return this.current;
  }

  subscribe(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SyncState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }

  private endpoint(): string {
    const origin = this.options.origin ?? globalThis.location?.origin ?? 'http://localhost';
    return new URL(
      'api/v1/batches',
      new URL(this.options.url.endsWith('/') ? this.options.url : `${this.options.url}/`, origin),
    ).href;
  }

  /** Starts the loop once this page holds the profile's sync lock. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopController = new AbortController();
    const locks = this.options.locks === undefined ? defaultLocks() : this.options.locks;
    const { records } = this.options;
    void Promise.all([records.setting<string>(SYNC_SETTINGS.lastSuccess), records.syncRefusals()])
      .then(([last, rejected]) =>
        this.set({ lastSuccessAt: last ?? null, rejected: Array.isArray(rejected) ? rejected : [] }),
      )
      .catch(() => {});
    if (locks) {
      const signal = this.stopController.signal;
      this.done = Promise.resolve(
        (locks as LockManagerWithSignal).request(
          `percorso-sync:${records.name}`,
          { mode: 'exclusive', signal },
          () => this.loop(),
        ),
      ).then(
        () => {},
        () => {},
      );
    } else this.done = this.loop();
  }

  /** Stops after the step in progress; a batch in flight is still answered and marked. */
  stop(): Promise<void> {
    this.stopped = true;
    this.stopController?.abort();
    this.wakeUp?.();
    return this.done;
  }

  /** Try now (staff pressed "Sincronizza ora", or the network came back). */
  syncNow(): void {
    this.attempt = 0;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let step: Step;
      try {
        step = await this.step();
      } catch (error) {
        // Reading or marking the local records failed: the storage alert tells staff; try later.
        step = this.failed(`errore di memoria locale: ${(error as Error).message}`);
      }
      if (this.stopped) break;
      if (step.waitMs > 0) await this.sleep(step.waitMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    this.set({ nextAttemptAt: new Date(this.now() + ms).toISOString() });
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  /** Backoff with full jitter: a random wait up to base × 2^attempt, capped. */
  private failed(message: string, phase: SyncPhase = 'waiting', minimumMs = 0): Step {
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 2_000, maxMs: 10 * 60_000 };
    const ceiling = Math.min(maxMs, baseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    const waitMs = Math.max(minimumMs, Math.round(this.random() * ceiling), 50);
    this.set({ phase, message });
    return { waitMs };
  }

  /** One batch: read, send, mark. Returns how long to wait before the next. */
  async step(): Promise<Step> {
    const { records } = this.options;
    const idleMs = this.options.idleMs ?? 60_000;
    const token = await records.setting<string>(SYNC_SETTINGS.token);
    if (!token) {
      this.set({
        phase: 'no-token',
        pending: await records.unsyncedCount(),
        message: 'inserisci il codice della postazione (dal registro eventi) per sincronizzare',
      });
      return { waitMs: idleMs };
    }
    const skip = new Set(this.current.rejected.map((r) => r.id));
    const items = await records.unsynced(this.batchLimit, skip);
    if (items.length === 0) {
      await this.pruneNow();
      const pending = await records.unsyncedCount();
      if (this.heartbeatDue()) {
        // Nothing to send, but the register's kiosk view should see this kiosk alive, and what its
        // supervisor did: an empty batch carries the heartbeat.
        try {
          const heartbeat = await this.heartbeat(pending);
          const request: BatchRequest = {
            sentAt: new Date(this.now()).toISOString(),
            heartbeat,
            records: [],
          };
          await this.post(JSON.stringify(request), token);
          this.contacted(heartbeat);
        } catch (error) {
          return this.onError(error, []);
        }
      }
      this.set({ phase: 'idle', pending, message: 'tutto sincronizzato' });
      this.batchLimit = Math.min(this.options.batchRecords ?? BATCH_RECORDS, this.batchLimit * 2);
      return { waitMs: idleMs };
    }
    const pending = await records.unsyncedCount();
    const heartbeat = await this.heartbeat(pending);
    const request: BatchRequest = { sentAt: new Date(this.now()).toISOString(), heartbeat, records: items };
    const body = JSON.stringify(request);
    if (new TextEncoder().encode(body).length > BATCH_BYTES && items.length > 1) {
      this.batchLimit = Math.max(1, Math.floor(items.length / 2));
      return { waitMs: 0 };
    }
    this.set({
      phase: 'sending',
      pending,
      lastAttemptAt: new Date(this.now()).toISOString(),
      message: `invio di ${items.length} record…`,
    });

    let answer: unknown;
    try {
      answer = await this.post(body, token);
    } catch (error) {
      return this.onError(error, items);
    }
    // The answer is checked with the contract's schema: one result per record, in order.
    const checked = batchAnswerSchema.safeParse(answer);
    if (!checked.success || checked.data.results.length !== items.length)
      return this.failed('il registro ha risposto in modo incompleto: nuovo tentativo più tardi');
    const results = checked.data.results;
    this.contacted(heartbeat);

    const refused: RejectedRecord[] = [];
    results.forEach((result, i) => {
      const item = items[i] as SyncItem;
      const id = (item.record as { id: string }).id;
      if (result.status === 'rejected')
        refused.push({
          id,
          store: item.store,
          reason: result.reason.slice(0, 300),
          at: new Date(this.now()).toISOString(),
        });
    });
    const { acknowledged: marked, refused: rejected } = await records.acknowledge(items, refused);
    const lastSuccessAt = new Date(this.now()).toISOString();
    // Kept for the staff panel after a reload; written at most every 10 s during a long sync.
    if (this.now() - this.lastSuccessSaved >= 10_000 || items.length < this.batchLimit) {
      this.lastSuccessSaved = this.now();
      await records.setSetting(SYNC_SETTINGS.lastSuccess, lastSuccessAt).catch(() => {});
    }
    this.attempt = 0;
    this.set({
      phase: 'idle',
      lastSuccessAt,
      nextAttemptAt: null,
      sent: this.current.sent + marked,
      rejected,
      pending: Math.max(0, pending - marked - refused.length),
      message: refused.length ? `${refused.length} record rifiutati dal registro (vedi sotto)` : 'inviati',
    });
    return { waitMs: 0 };
  }

  private heartbeat(pending: number): Promise<Heartbeat> {
    const supervisor = this.supervisorEntries();
    return this.storageRatio().then((storageRatio) => ({
      appVersion: this.options.appVersion.slice(0, 40),
      pending,
      storageRatio,
      ...(supervisor.length ? { supervisor } : {}),
    }));
  }

  private supervisorEntries(): SupervisorEntry[] {
    try {
      return this.options.supervisorLog?.().slice(-HEARTBEAT_SUPERVISOR_ENTRIES) ?? [];
    } catch {
      return []; // a log that cannot be read must not stop the records
    }
  }

  private static entryKey(entry: SupervisorEntry | undefined): string {
    return entry ? `${entry.at} ${entry.action}` : '';
  }

  private heartbeatDue(): boolean {
    if (this.now() - this.lastContact >= (this.options.heartbeatEveryMs ?? HEARTBEAT_EVERY_MS)) return true;
    return SyncUploader.entryKey(this.supervisorEntries().at(-1)) !== this.lastReported;
  }

  private contacted(heartbeat: Heartbeat): void {
    this.lastContact = this.now();
    this.lastReported = SyncUploader.entryKey(heartbeat.supervisor?.at(-1));
  }

  /** The storage estimate for the heartbeat, read at most once a minute (it is not free). */
  private async storageRatio(): Promise<number | null> {
    if (!this.options.storageRatio) return null;
    if (this.storage && this.now() - this.storage.at < 60_000) return this.storage.ratio;
    const ratio = await this.options.storageRatio().catch(() => null);
    this.storage = { ratio, at: this.now() };
    return ratio;
  }

  private async post(body: string, token: string): Promise<{ results?: unknown }> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    this.stopController?.signal.addEventListener('abort', stop);
    const timer = setTimeout(stop, this.options.timeoutMs ?? 30_000);
    try {
      const response = await this.fetch(this.endpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        signal: controller.signal,
        cache: 'no-store',
      });
      const json = (await response.json().catch(() => null)) as { error?: string; results?: unknown } | null;
      if (!response.ok) {
        const retry = Number(response.headers.get('retry-after'));
        throw new HttpStatusError(response.status, json, Number.isFinite(retry) && retry > 0 ? retry : null);
      }
      if (!json) throw new Error('risposta non leggibile');
      return json;
    } finally {
      clearTimeout(timer);
      this.stopController?.signal.removeEventListener('abort', stop);
    }
  }

  private async onError(error: unknown, items: SyncItem[]): Promise<Step> {
    if (!(error instanceof HttpStatusError)) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      return this.failed(
        offline
          ? 'nessuna rete: i record restano qui e partono appena torna'
          : `registro non raggiungibile (${(error as Error).name === 'AbortError' ? 'tempo scaduto' : (error as Error).message}): nuovo tentativo più tardi`,
      );
    }
    const { status } = error;
    if (status === 401 || status === 403)
      return this.failed(
        'il registro non riconosce il codice di questa postazione: registrala di nuovo e inserisci il nuovo codice',
        'refused',
        60_000,
      );
    if (status === 429) {
      const waitMs = (error.retryAfter ?? 5) * 1000 + Math.round(this.random() * 1000);
      this.set({ phase: 'waiting', message: 'il registro chiede di rallentare: attesa' });
      return { waitMs };
    }
    if (status === 413 || (status === 400 && items.length > 1)) {
      // Too large, or one bad record spoils the batch: halve until the culprit is alone.
      this.batchLimit = Math.max(1, Math.floor(items.length / 2));
      return { waitMs: 0 };
    }
    if (status === 400 && items.length === 1) {
      const item = items[0] as SyncItem;
      const { refused } = await this.options.records.acknowledge(items, [
        {
          id: (item.record as { id: string }).id,
          store: item.store,
          reason: error.message.slice(0, 300),
          at: new Date(this.now()).toISOString(),
        },
      ]);
      this.set({ rejected: refused });
      return { waitMs: 0 };
    }
    return this.failed(`il registro ha un problema (${status}): nuovo tentativo più tardi`);
  }

  /** Sends the refused records again (after the register was fixed). */
  async retryRejected(): Promise<void> {
    await this.options.records.retryRefused();
    this.set({ rejected: [] });
    this.syncNow();
  }

  /** Deletes acknowledged records older than 60 days, at most once an hour. */
  private async pruneNow(): Promise<void> {
    if (this.now() - this.lastPrune < 3_600_000) return;
    this.lastPrune = this.now();
    const before = new Date(this.now() - PRUNE_AFTER_DAYS * 86_400_000).toISOString();
    await this.options.records.pruneSynced(before);
  }
}

type LockManagerWithSignal = {
  request(
    name: string,
    options: { mode: 'exclusive'; signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown>;
};

function defaultLocks(): LockManagerLike | null {
  return (typeof navigator !== 'undefined' && (navigator as { locks?: LockManagerLike }).locks) || null;
}
