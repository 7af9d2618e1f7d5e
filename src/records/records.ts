// The records service: the only way the app writes what visitors and staff did. Each append
// is one IndexedDB transaction with strict durability that stores the record with the next
// per-device sequence number (the highest stored + 1), so a power cut leaves the record or
// nothing: no lost record, no gap, no double. A caller learns "saved" only after the commit.

import type { IDBPTransaction } from 'idb';
import type { SyncItem } from '../sync/bundle.ts';
import {
  ATTENDANCE_STORE,
  type AttendanceBody,
  type AttendanceRecord,
  attendanceType,
} from './attendance.ts';
import { DB_NAME, type OpenOptions, openRecordsDb, type RecordsDB, type RecordsSchema } from './db.ts';
import type { Envelope } from './envelope.ts';
import { ERROR_RING_CAPACITY, ERROR_STORE, ERROR_VERSION, type ErrorRecord } from './error-entry.ts';
import { EVENT_STORE, EVENT_VERSION, type EventSetup, eventSetupType } from './event-setup.ts';
import { upgradeRecord } from './migrate.ts';
import {
  type ModerationStatus,
  REFLECTION_STORE,
  type ReflectionBody,
  type ReflectionRecord,
  reflectionType,
} from './reflection.ts';
import { SETTING_KEYS, SETTINGS_STORE, SETTINGS_VERSION } from './settings.ts';
import { classifyStorageError, STORAGE_TIMEOUT_MS, StorageFailure, withTimeout } from './storage-errors.ts';
import { uuid7 } from './uuid.ts';
import { type LeaseOptions, WriterLease, type WriterState } from './writer-lease.ts';

export type AppendStore = typeof ATTENDANCE_STORE | typeof REFLECTION_STORE;

export interface RecordsOptions {
  /** The station (kiosk config `station.id`) stamped on every record. */
  station: string;
  db?: OpenOptions;
  now?: () => number;
  mono?: () => number;
  newId?: () => string;
  timeoutMs?: number;
  /** Told about every failed write, for the staff alert. Never throws into the caller. */
  onFailure?: (failure: StorageFailure) => void;
  /** Web Locks and BroadcastChannel for the writer lease (tests pass their own). */
  lease?: LeaseOptions;
}

export interface AppendOptions {
  /**
   * The record's id, made by the caller before the first try: retrying a write that timed
   * out with the same id can never count it twice (the second insert is refused).
   */
  id?: string;
}

export class Records {
  readonly bootId = crypto.randomUUID();
  private readonly now: () => number;
  private readonly mono: () => number;
  private readonly newId: () => string;
  private readonly timeoutMs: number;
  /** This page's claim to be the profile's one writer: appends skip reading the counter. */
  readonly lease: WriterLease;
  /** Writes of the counter or the current event, one at a time, in call order. */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: RecordsDB,
    readonly deviceId: string,
    private readonly options: RecordsOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.mono = options.mono ?? (() => performance.now());
    this.newId = options.newId ?? uuid7;
    this.timeoutMs = options.timeoutMs ?? STORAGE_TIMEOUT_MS;
    this.lease = new WriterLease(`percorso-records:${this.name}`, options.lease);
  }

  /** Opens (creating or upgrading) the database and makes this profile's device id once. */
  static async open(options: RecordsOptions): Promise<Records> {
    const timeout = options.timeoutMs ?? STORAGE_TIMEOUT_MS;
    try {
      const db = await withTimeout('open records', openRecordsDb(options.db), timeout);
      const tx = db.transaction(SETTINGS_STORE, 'readwrite', { durability: 'strict' });
      const existing = await tx.store.get(SETTING_KEYS.device);
      let device = typeof existing?.value === 'string' ? existing.value : undefined;
      if (!device) {
        device = crypto.randomUUID();
        await tx.store.put({ key: SETTING_KEYS.device, v: SETTINGS_VERSION, value: device });
      }
      await withTimeout('open records', tx.done, timeout);
      return new Records(db, device, options);
    } catch (error) {
      throw classifyStorageError('open records', error);
    }
  }

  get name(): string {
    return this.db.name ?? DB_NAME;
  }

  close(): void {
    this.lease.close();
    this.db.close();
  }

  // ── guarded calls ───────────────────────────────────────────────────────────

  private async guard<T>(operation: string, work: () => Promise<T>, write: boolean): Promise<T> {
    try {
      return await withTimeout(operation, work(), this.timeoutMs);
    } catch (thrown) {
      const failure = classifyStorageError(operation, thrown);
      if (write) {
        try {
          this.options.onFailure?.(failure);
        } catch {
          // an alert that fails must not turn a failed write into a crash
        }
      }
      throw failure;
    }
  }

  private envelope(id: string, seq: number, event: string | null, v: number): Envelope {
    return {
      id,
      device: this.deviceId,
      seq,
      event,
      station: this.options.station,
      at: new Date(this.now()).toISOString(),
      mono: Math.max(0, this.mono()),
      boot: this.bootId,
      synced: 0,
      v,
    };
  }

  /**
   * Runs a write of the counter or the current event as this profile's one writer: after the
   * writes before it, holding the lease, with the state it knows (null: read it). `work` returns
   * the state it committed. If the caller already gave up (timeout) before its turn, it does
   * nothing: a write reported as failed must not happen later.
   */
  private asWriter<T>(
    operation: string,
    work: (known: WriterState | null) => Promise<[T, WriterState]>,
  ): Promise<T> {
    let abandoned = false;
    const turn = async (): Promise<T> => {
      const known = await this.lease.enter();
      let committed: WriterState | null = null;
      try {
        if (abandoned) throw new StorageFailure('timeout', operation, 'gave up before its turn');
        const [result, state] = await work(known);
        committed = state;
        return result;
      } finally {
        this.lease.leave(committed);
      }
    };
    const run = this.writes.then(turn, turn);
    this.writes = run.catch(() => {});
    return this.guard(operation, () => run, true).catch((error: unknown) => {
      abandoned = true;
      throw error;
    });
  }

  /**
   * Appends one record with the next sequence number (remembered while this page holds the
   * lease, else read from the stores) in one strict transaction. Resolves with the stored
   * record once it is on disk.
   */
  private append<T extends Envelope>(
    store: AppendStore,
    build: (envelope: Envelope) => T,
    validate: (record: T) => T,
    options: AppendOptions,
  ): Promise<T> {
    const id = options.id ?? this.newId();
    const attempt = async (known: WriterState | null): Promise<[T, WriterState]> => {
      // The lease's state needs only the record's own store; reading it needs every store.
      const scope: WriterStore[] = known ? [store] : [...WRITER_SCOPE];
      const tx = this.db.transaction(scope, 'readwrite', { durability: 'strict' });
      try {
        const { seq: last, event } = known ?? (await readWriterState(tx));
        const seq = last + 1;
        const record = validate(build(this.envelope(id, seq, event, 1)));
        // add, not put: an id or a sequence number already stored aborts the transaction.
        await Promise.all([tx.objectStore(store).add(record as never), tx.done]);
        return [record, { seq, event }];
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        await tx.done.catch(() => {});
        throw error;
      }
    };
    return this.asWriter(`save ${store}`, (known) =>
      attempt(known).catch((error: unknown) => {
        // A sequence number taken behind the lease's back (the unique index refused it): read
        // the state and try once more. A stored id fails again, as a retry of a saved record must.
        if (known && error instanceof DOMException && error.name === 'ConstraintError') return attempt(null);
        throw error;
      }),
    );
  }

  /** Appends an attendance event (check-in, tally, journey start/end, choice, abandon, correction). */
  addAttendance(body: AttendanceBody, options: AppendOptions = {}): Promise<AttendanceRecord> {
    return this.append(
      ATTENDANCE_STORE,
      (envelope) => ({ ...envelope, v: attendanceType.version, ...body }) as AttendanceRecord,
      (record) => upgradeRecord(attendanceType, record),
      options,
    );
  }

  /** Appends a visitor's reflection; its status comes from the screening done by the caller. */
  addReflection(
    body: Omit<ReflectionBody, 'moderatedAt'>,
    options: AppendOptions = {},
  ): Promise<ReflectionRecord> {
    return this.append(
      REFLECTION_STORE,
      (envelope) =>
        ({ ...envelope, v: reflectionType.version, ...body, moderatedAt: null }) as ReflectionRecord,
      (record) => upgradeRecord(reflectionType, record),
      options,
    );
  }

  // ── reading ─────────────────────────────────────────────────────────────────

  /** Attendance events in sequence order; of one event, or of every event when omitted. */
  attendance(event?: string): Promise<AttendanceRecord[]> {
    return this.guard(
      'read attendance',
      async () => {
        const rows =
          event === undefined
            ? await this.db.getAllFromIndex(ATTENDANCE_STORE, 'by-seq')
            : await this.db.getAllFromIndex(ATTENDANCE_STORE, 'by-event', event);
        return rows.sort((a, b) => a.seq - b.seq);
      },
      false,
    );
  }

  reflections(status?: ModerationStatus): Promise<ReflectionRecord[]> {
    return this.guard(
      'read reflections',
      async () => {
        const rows = status
          ? await this.db.getAllFromIndex(REFLECTION_STORE, 'by-status', status)
          : await this.db.getAllFromIndex(REFLECTION_STORE, 'by-seq');
        return rows.sort((a, b) => a.seq - b.seq);
      },
      false,
    );
  }

  /** Sets a reflection's moderation status (the one in-place change records allow). */
  setModeration(id: string, status: ModerationStatus): Promise<ReflectionRecord> {
    return this.guard(
      'moderate reflection',
      async () => {
        const tx = this.db.transaction(REFLECTION_STORE, 'readwrite', { durability: 'strict' });
        const current = await tx.store.get(id);
        if (!current) throw new StorageFailure('invalid', 'moderate reflection', `no reflection ${id}`);
        // A possible disclosure stays private: no button may put it on a wall.
        const next: ReflectionRecord = {
          ...current,
          status: current.disclosure && status === 'approved' ? 'private' : status,
          moderatedAt: new Date(this.now()).toISOString(),
          synced: 0,
        };
        await tx.store.put(next);
        await tx.done;
        return next;
      },
      true,
    );
  }

  /**
   * How many appended records the register has not acknowledged yet: those numbered above the
   * sync watermark, and those it refused (kept, listed for staff).
   */
  unsyncedCount(): Promise<number> {
    return this.guard(
      'count unsynced',
      async () => {
        const tx = this.db.transaction([ATTENDANCE_STORE, REFLECTION_STORE, SETTINGS_STORE]);
        const { through, refused } = await readSyncMarks(tx.objectStore(SETTINGS_STORE));
        const above = IDBKeyRange.lowerBound(through, true);
        const [a, r] = await Promise.all([
          tx.objectStore(ATTENDANCE_STORE).index('by-seq').count(above),
          tx.objectStore(REFLECTION_STORE).index('by-seq').count(above),
        ]);
        return a + r + refused.length;
      },
      false,
    );
  }

  /** The last sequence number this device handed out (0 before the first record). */
  lastSeq(): Promise<number> {
    return this.guard(
      'read sequence',
      async () => (await readWriterState(this.db.transaction([...WRITER_SCOPE]))).seq,
      false,
    );
  }

  /**
   * Walks a store in key order, a batch per transaction, so exports of 100k records neither
   * hold one long transaction nor load everything at once. Stops early if `onBatch` says so.
   */
  async eachBatch<S extends AppendStore>(
    store: S,
    onBatch: (
      rows: S extends typeof ATTENDANCE_STORE ? AttendanceRecord[] : ReflectionRecord[],
    ) => boolean | undefined,
    batchSize = 2000,
  ): Promise<number> {
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const rows = await this.guard(`read ${store}`, () => this.db.getAll(store, range, batchSize), false);
      if (rows.length === 0) return total;
      total += rows.length;
      after = (rows[rows.length - 1] as { id: string }).id;
      if (onBatch(rows as never) === false || rows.length < batchSize) return total;
    }
  }

  // ── sync (src/sync/) ────────────────────────────────────────────────────────
  //
  // The kiosk sends its records in sequence order, so what the register has acknowledged is a
  // watermark (`syncedThrough`): everything numbered up to it, except the records it refused.
  // Moving one number is one small write per batch, where flipping a flag on each record cost
  // a put per record (about 0.5 ms each in Chromium: 500 records took longer than the upload).
  // Event set-ups are few and editable: they keep their own `synced` flag.

  /**
   * Up to `limit` records the register has not acknowledged, lowest numbers first (none of
   * `skip`), after the event set-ups not yet sent (so the register knows an event first).
   */
  unsynced(limit: number, skip: ReadonlySet<string> = new Set()): Promise<SyncItem[]> {
    return this.guard(
      'read unsynced',
      async () => {
        const tx = this.db.transaction([ATTENDANCE_STORE, REFLECTION_STORE, EVENT_STORE, SETTINGS_STORE]);
        const { through } = await readSyncMarks(tx.objectStore(SETTINGS_STORE));
        const above = IDBKeyRange.lowerBound(through, true);
        // One getAll is far faster than a cursor; skipped records are few: read that many more.
        // (IndexedDB takes a count up to 2³²−1; the USB bundle asks for everything.)
        const want = limit + skip.size < 2 ** 32 - 1 ? limit + skip.size : undefined;
        const [attendance, reflections, events] = await Promise.all([
          tx.objectStore(ATTENDANCE_STORE).index('by-seq').getAll(above, want),
          tx.objectStore(REFLECTION_STORE).index('by-seq').getAll(above, want),
          tx.objectStore(EVENT_STORE).getAll(),
        ]);
        const setups: SyncItem[] = events
          .filter((e) => e.synced === 0 && !skip.has(e.id))
          .map((record) => ({ store: EVENT_STORE, record }));
        const appended: SyncItem[] = [
          ...attendance.map((record) => ({ store: ATTENDANCE_STORE, record }) as const),
          ...reflections.map((record) => ({ store: REFLECTION_STORE, record }) as const),
        ]
          .filter((item) => !skip.has(item.record.id))
          .sort((a, b) => a.record.seq - b.record.seq);
        return [...setups, ...appended].slice(0, limit);
      },
      false,
    );
  }

  /**
   * Records the register's answer to a batch read by `unsynced`: `refused` records (with their
   * reasons) join the refused list; the watermark moves to the highest number in the batch, as
   * every record up to it was sent and acknowledged or refused; acknowledged event set-ups are
   * flagged (unless edited meanwhile, then they go again). Relaxed durability: a mark lost in a
   * power cut only means records are sent again, and the register answers "duplicate".
   */
  acknowledge(
    batch: readonly SyncItem[],
    refused: readonly SyncRefusal[],
  ): Promise<{ acknowledged: number; refused: SyncRefusal[] }> {
    return this.guard(
      'mark synced',
      async () => {
        const tx = this.db.transaction([EVENT_STORE, SETTINGS_STORE], 'readwrite', { durability: 'relaxed' });
        const settings = tx.objectStore(SETTINGS_STORE);
        const marks = await readSyncMarks(tx.objectStore(SETTINGS_STORE));
        const refusedIds = new Set(refused.map((r) => r.id));
        let highest = marks.through;
        let acknowledged = 0;
        for (const { store, record: sent } of batch) {
          const record = sent as { id: string; seq: number };
          if (store === EVENT_STORE) {
            if (refusedIds.has(record.id)) continue;
            const current = await tx.objectStore(EVENT_STORE).get(record.id);
            if (current && current.synced === 0 && JSON.stringify(current) === JSON.stringify(sent)) {
              await tx.objectStore(EVENT_STORE).put({ ...current, synced: 1 });
              acknowledged++;
            }
            continue;
          }
          highest = Math.max(highest, record.seq);
          if (!refusedIds.has(record.id)) acknowledged++;
        }
        const byId = new Map(marks.refused.map((r) => [r.id, r]));
        for (const r of refused) byId.set(r.id, r);
        const list = [...byId.values()];
        if (highest !== marks.through)
          await settings.put({ key: SETTING_KEYS.syncedThrough, v: SETTINGS_VERSION, value: highest });
        if (refused.length)
          await settings.put({ key: SETTING_KEYS.syncRejected, v: SETTINGS_VERSION, value: list });
        await tx.done;
        return { acknowledged, refused: list };
      },
      true,
    );
  }

  /** The records the register refused, with why (the staff panel lists them). */
  async syncRefusals(): Promise<SyncRefusal[]> {
    return this.guard(
      'read sync refusals',
      async () => (await readSyncMarks(this.db.transaction(SETTINGS_STORE).store)).refused,
      false,
    );
  }

  /**
   * Sends the refused records again (after the register was fixed): the watermark goes back to
   * just before the first of them, so they are read again (records after them come back as
   * duplicates, which costs time, never data).
   */
  retryRefused(): Promise<void> {
    return this.guard(
      'retry refused',
      async () => {
        const tx = this.db.transaction([ATTENDANCE_STORE, REFLECTION_STORE, SETTINGS_STORE], 'readwrite', {
          durability: 'strict',
        });
        const marks = await readSyncMarks(tx.objectStore(SETTINGS_STORE));
        let lowest = marks.through;
        for (const r of marks.refused) {
          const stored =
            (await tx.objectStore(ATTENDANCE_STORE).get(r.id)) ??
            (await tx.objectStore(REFLECTION_STORE).get(r.id));
          if (stored) lowest = Math.min(lowest, stored.seq - 1);
        }
        const settings = tx.objectStore(SETTINGS_STORE);
        await settings.put({ key: SETTING_KEYS.syncedThrough, v: SETTINGS_VERSION, value: lowest });
        await settings.put({ key: SETTING_KEYS.syncRejected, v: SETTINGS_VERSION, value: [] });
        await tx.done;
      },
      true,
    );
  }

  /**
   * Deletes acknowledged records (numbered up to the watermark, not refused) older than
   * `before` (ISO time). The highest number deleted becomes the counter's floor in the same
   * transaction, so numbers never go back.
   */
  pruneSynced(before: string): Promise<number> {
    return this.asWriter('prune synced', async (known) => {
      const tx = this.db.transaction([...WRITER_SCOPE], 'readwrite', { durability: 'strict' });
      const state = known ?? (await readWriterState(tx));
      const { through, refused } = await readSyncMarks(tx.objectStore(SETTINGS_STORE));
      const keep = new Set(refused.map((r) => r.id));
      let pruned = 0;
      let highest = 0;
      if (through > 0) {
        for (const store of [ATTENDANCE_STORE, REFLECTION_STORE] as const) {
          let cursor = await tx
            .objectStore(store)
            .index('by-seq')
            .openCursor(IDBKeyRange.upperBound(through));
          while (cursor) {
            if (cursor.value.at < before && !keep.has(cursor.value.id)) {
              highest = Math.max(highest, cursor.value.seq);
              await cursor.delete();
              pruned++;
            }
            cursor = await cursor.continue();
          }
        }
      }
      if (pruned > 0) {
        const settings = tx.objectStore(SETTINGS_STORE);
        const floor = await settings.get(SETTING_KEYS.seq);
        const current = typeof floor?.value === 'number' ? floor.value : 0;
        if (highest > current)
          await settings.put({ key: SETTING_KEYS.seq, v: SETTINGS_VERSION, value: highest });
      }
      await tx.done;
      return [pruned, state];
    });
  }

  countOf(store: AppendStore): Promise<number> {
    return this.guard(`count ${store}`, () => this.db.count(store), false);
  }

  // ── event set-ups ───────────────────────────────────────────────────────────

  events(): Promise<EventSetup[]> {
    return this.guard(
      'read events',
      async () => (await this.db.getAll(EVENT_STORE)).sort((a, b) => a.startDate.localeCompare(b.startDate)),
      false,
    );
  }

  /** Stores a new or edited event set-up (validated); returns it as stored. */
  saveEvent(
    input: Omit<EventSetup, 'v' | 'synced' | 'createdAt' | 'id'> & { id?: string; createdAt?: string },
  ): Promise<EventSetup> {
    return this.guard(
      'save event',
      async () => {
        const record = upgradeRecord(eventSetupType, {
          ...input,
          id: input.id ?? this.newId(),
          v: EVENT_VERSION,
          createdAt: input.createdAt ?? new Date(this.now()).toISOString(),
          synced: 0,
        });
        const tx = this.db.transaction(EVENT_STORE, 'readwrite', { durability: 'strict' });
        await tx.store.put(record);
        await tx.done;
        return record;
      },
      true,
    );
  }

  async currentEvent(): Promise<EventSetup | null> {
    const id = await this.setting<string>(SETTING_KEYS.currentEvent);
    if (!id) return null;
    return (await this.guard('read event', () => this.db.get(EVENT_STORE, id), false)) ?? null;
  }

  /** Which event new records belong to from now on (null: none). */
  setCurrentEvent(id: string | null): Promise<void> {
    return this.asWriter('save setting currentEvent', async (known) => {
      const scope: WriterStore[] = known ? [SETTINGS_STORE] : [...WRITER_SCOPE];
      const tx = this.db.transaction(scope, 'readwrite', { durability: 'strict' });
      const state = known ?? (await readWriterState(tx));
      const setting = { key: SETTING_KEYS.currentEvent, v: SETTINGS_VERSION, value: id };
      await Promise.all([tx.objectStore(SETTINGS_STORE).put(setting), tx.done]);
      return [undefined, { ...state, event: id }];
    });
  }

  // ── settings ────────────────────────────────────────────────────────────────

  setting<T>(key: string): Promise<T | undefined> {
    return this.guard(
      `read setting ${key}`,
      async () => (await this.db.get(SETTINGS_STORE, key))?.value as T | undefined,
      false,
    );
  }

  /** Any setting but the counter and the current event, which only the writer changes. */
  setSetting(key: string, value: unknown): Promise<void> {
    if (key === SETTING_KEYS.seq || key === SETTING_KEYS.currentEvent)
      return Promise.reject(new StorageFailure('invalid', `save setting ${key}`, 'written only by appends'));
    return this.guard(
      `save setting ${key}`,
      async () => {
        const tx = this.db.transaction(SETTINGS_STORE, 'readwrite', { durability: 'strict' });
        await tx.store.put({ key, v: SETTINGS_VERSION, value });
        await tx.done;
      },
      true,
    );
  }

  // ── error log ───────────────────────────────────────────────────────────────

  /** Adds to the error ring; the oldest entries beyond the capacity are dropped. */
  logError(
    entry: Omit<ErrorRecord, 'v' | 'n' | 'at'> & { at?: string },
    capacity = ERROR_RING_CAPACITY,
  ): Promise<void> {
    return this.guard(
      'log error',
      async () => {
        const tx = this.db.transaction(ERROR_STORE, 'readwrite');
        await tx.store.add({
          v: ERROR_VERSION,
          at: entry.at ?? new Date(this.now()).toISOString(),
          kind: entry.kind.slice(0, 32),
          message: entry.message.slice(0, 2000),
          ...(entry.stack ? { stack: entry.stack.slice(0, 8000) } : {}),
          ...(entry.screen ? { screen: entry.screen.slice(0, 32) } : {}),
        });
        let excess = (await tx.store.count()) - capacity;
        let cursor = excess > 0 ? await tx.store.openCursor() : null;
        while (cursor && excess > 0) {
          await cursor.delete();
          excess--;
          cursor = await cursor.continue();
        }
        await tx.done;
      },
      false,
    );
  }

  /** The newest error entries first. */
  errors(limit = 50): Promise<ErrorRecord[]> {
    return this.guard(
      'read errors',
      async () => {
        const out: ErrorRecord[] = [];
        let cursor = await this.db.transaction(ERROR_STORE).store.openCursor(null, 'prev');
        while (cursor && out.length < limit) {
          out.push(cursor.value);
          cursor = await cursor.continue();
        }
        return out;
      },
      false,
    );
  }
}

/** A record the register refused, kept on the kiosk and listed for staff. */
export interface SyncRefusal {
  id: string;
  store: string;
  reason: string;
  at: string;
}

/** The sync watermark and the refused list, read in the caller's transaction. */
async function readSyncMarks(settings: {
  get(key: string): Promise<{ value: unknown } | undefined>;
}): Promise<{ through: number; refused: SyncRefusal[] }> {
  const [through, refused] = await Promise.all([
    settings.get(SETTING_KEYS.syncedThrough),
    settings.get(SETTING_KEYS.syncRejected),
  ]);
  return {
    through: typeof through?.value === 'number' ? through.value : 0,
    refused: Array.isArray(refused?.value) ? (refused.value as SyncRefusal[]) : [],
  };
}

/** The stores the writer's state is read from. */
const WRITER_SCOPE = [ATTENDANCE_STORE, REFLECTION_STORE, SETTINGS_STORE] as const;
type WriterStore = (typeof WRITER_SCOPE)[number];

/**
 * The writer's state as stored, read inside the transaction that writes: the last sequence
 * number is the highest one in either store (appends are never deleted; a future pruning of
 * synced records keeps the `seq` setting as a floor), the current event is a setting.
 */
async function readWriterState(
  tx: IDBPTransaction<RecordsSchema, WriterStore[], 'readonly' | 'readwrite'>,
): Promise<WriterState> {
  const highest = (store: typeof ATTENDANCE_STORE | typeof REFLECTION_STORE) =>
    tx
      .objectStore(store)
      .index('by-seq')
      .openKeyCursor(null, 'prev')
      .then((cursor) => cursor?.key ?? 0);
  const settings = tx.objectStore(SETTINGS_STORE);
  const [attendance, reflections, floor, eventSetting] = await Promise.all([
    highest(ATTENDANCE_STORE),
    highest(REFLECTION_STORE),
    settings.get(SETTING_KEYS.seq),
    settings.get(SETTING_KEYS.currentEvent),
  ]);
  return {
    seq: Math.max(attendance, reflections, typeof floor?.value === 'number' ? floor.value : 0),
    event: typeof eventSetting?.value === 'string' ? eventSetting.value : null,
  };
}
