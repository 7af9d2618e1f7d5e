// Ingest: a batch of one kiosk's records, stored once each, answered per record only after the
// commit. A record is found again by its id (the kiosk's UUIDv7): the same content is a
// duplicate (a retry, a re-sent USB bundle), other content under a stored id or device number
// is never overwritten but quarantined for a coordinator to look at.

import crypto, { createHash } from 'node:crypto';
import { canonicalJson } from '../contracts/canonical-json.ts';
import type { ItemResult } from '../contracts/sync-wire.ts';
import { type AttendanceRecord, attendanceType } from '../records/attendance.ts';
import { upgradeRecord } from '../records/migrate.ts';
import { type ReflectionRecord, reflectionType } from '../records/reflection.ts';
import { type RecordsTable, type RegisterDb, type SqliteDatabase, sqliteHandleOf } from './db.ts';
import { compileRecordCheck } from './record-check.ts';

export { MAX_BATCH_RECORDS } from '../contracts/sync-wire.ts';

/** Rows per INSERT statement: a whole batch at once. */
const INSERT_ROWS = 500;

export type Store = 'attendance' | 'reflections';

export interface BatchItem {
  store: Store;
  record: unknown;
}

export type { ItemResult };

/** SHA-256 in hex, one shot where Node has `crypto.hash` (20.12+), else through a Hash. */
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

/**
 * What a record says, as canonical JSON. `synced` is the kiosk's bookkeeping (it flips after
 * this very upload), and a reflection's moderation is decided later, so neither is content.
 *
 * Exactly `canonicalJson(record, omit)`, written faster for the flat records the register
 * receives (values that are primitives or arrays of primitives): a copy with the keys in sorted
 * order, which JSON.stringify writes natively, is about twice as fast as a key list as its
 * replacer. Anything else (nested objects, a toJSON, keys that an object would not keep in
 * insertion order) goes to canonicalJson itself.
 */
export function canonicalContent(record: AttendanceRecord | ReflectionRecord): string {
  const omit = 'status' in record ? NOT_REFLECTION_CONTENT : NOT_CONTENT;
  const value = record as unknown as Record<string, unknown>;
  const sorted = contentKeys(Object.keys(value), omit);
  if (sorted === null || typeof value.toJSON === 'function') return canonicalJson(record, omit);
  const copy: Record<string, unknown> = {};
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i] as string;
    const item = value[key];
    if (item !== null && typeof item === 'object') {
      if (!Array.isArray(item)) return canonicalJson(record, omit);
      for (const element of item)
        if (element !== null && typeof element === 'object') return canonicalJson(record, omit);
    }
    copy[key] = item;
  }
  return JSON.stringify(copy);
}
const NOT_CONTENT: ReadonlySet<string> = new Set(['synced']);
const NOT_REFLECTION_CONTENT: ReadonlySet<string> = new Set(['synced', 'status', 'moderatedAt']);

/** A record's own keys, in order, and its content keys sorted (null: leave it to canonicalJson). */
interface ContentShape {
  keys: readonly string[];
  sorted: readonly string[] | null;
}
const contentShapes = new Map<ReadonlySet<string>, Map<string, ContentShape>>();
const MAX_CONTENT_SHAPES = 1000;
/** Array indices and other digit-led keys: an object lists integer keys first, whatever the order. */
const DIGIT_LED = /^[0-9]/;

/**
 * The content keys of a record with these own keys, sorted, worked out once per key list (each
 * record kind has its own): looked up by count, first and last key, then compared key by key.
 */
function contentKeys(keys: readonly string[], omit: ReadonlySet<string>): readonly string[] | null {
  let shapes = contentShapes.get(omit);
  if (!shapes) {
    shapes = new Map();
    contentShapes.set(omit, shapes);
  }
  const lookup = `${keys.length}\u0000${keys[0]}\u0000${keys[keys.length - 1]}`;
  const hit = shapes.get(lookup);
  if (hit && hit.keys.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = hit.keys[i] === keys[i];
    if (same) return hit.sorted;
  }
  const sorted = keys.filter((key) => !omit.has(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const plain = !sorted.some((key) => key === '__proto__' || DIGIT_LED.test(key));
  if (shapes.size >= MAX_CONTENT_SHAPES) shapes.clear();
  shapes.set(lookup, { keys: [...keys], sorted: plain ? sorted : null });
  return plain ? sorted : null;
}

/** The hash of what a record says (see canonicalContent). */
export const contentHash = (record: AttendanceRecord | ReflectionRecord): string =>
  sha256(canonicalContent(record));

const idOf = (record: unknown): string | null =>
  record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string'
    ? (record as { id: string }).id
    : null;

/**
 * The schemas compiled for records of the current version (nearly all of them): what they
 * accept zod accepts with the same result; everything else (older versions to upgrade, invalid
 * records, and so their messages) goes through upgradeRecord and zod.
 */
const fastAttendance = compileRecordCheck<AttendanceRecord>(attendanceType.schema);
const fastReflection = compileRecordCheck<ReflectionRecord>(reflectionType.schema);

function validate(item: BatchItem): AttendanceRecord | ReflectionRecord {
  const attendance = item.store === 'attendance';
  const type = attendance ? attendanceType : reflectionType;
  const raw = item.record;
  // upgradeRecord leaves a record of the current version as it is and only runs the schema.
  if (typeof raw === 'object' && raw !== null && (raw as { v?: unknown }).v === type.version) {
    const checked = attendance ? fastAttendance?.(raw) : fastReflection?.(raw);
    if (checked !== undefined) return checked;
  }
  return upgradeRecord<AttendanceRecord | ReflectionRecord>(type as typeof attendanceType, raw) as
    | AttendanceRecord
    | ReflectionRecord;
}

/**
 * Stores a batch in one transaction. Returns one result per item, in order. Invalid items are
 * rejected with the reason and leave nothing stored; valid ones are inserted or found.
 */
export async function ingestBatch(
  db: RegisterDb,
  kioskId: string,
  items: readonly BatchItem[],
  now: () => Date = () => new Date(),
): Promise<ItemResult[]> {
  const receivedAt = now().toISOString();
  const results: ItemResult[] = new Array(items.length);
  const rows: RecordsTable[] = [];
  const rowIndex: number[] = [];
  const firstById = new Map<string, number>();

  items.forEach((item, i) => {
    const id = idOf(item.record);
    let record: AttendanceRecord | ReflectionRecord;
    try {
      record = validate(item);
    } catch (error) {
      results[i] = { id, status: 'rejected', reason: `invalid: ${(error as Error).message}` };
      return;
    }
    const content = canonicalContent(record);
    const row: RecordsTable = {
      id: record.id,
      device_id: record.device,
      device_seq: record.seq,
      store: item.store,
      kind: item.store === 'attendance' ? (record as AttendanceRecord).kind : 'reflection',
      event_id: record.event,
      station: record.station,
      at: record.at,
      // An attendance record is all content: its canonical JSON is the stored body too (a
      // reflection's body also keeps the moderation it arrived with).
      body: item.store === 'attendance' ? content : JSON.stringify({ ...record, synced: 0 }),
      content_hash: sha256(content),
      kiosk_id: kioskId,
      received_at: receivedAt,
    };
    // The same id twice in one batch is settled against the first, once that one is stored.
    if (!firstById.has(row.id)) firstById.set(row.id, rows.length);
    rows.push(row);
    rowIndex.push(i);
  });

  if (rows.length === 0) return results;
  const sqlite = sqliteHandleOf(db);
  // The embedded SQLite takes the batch in one synchronous transaction with cached statements
  // (nothing else can run on its one connection meanwhile); inside another transaction, and on
  // PostgreSQL, the same steps go through Kysely. Both settle the answers the same way.
  if (sqlite && !sqlite.inTransaction) {
    sqliteStore(sqlite)(rows, rowIndex, firstById, results, kioskId, receivedAt);
    return results;
  }
  // Concurrent batches that share records lock index entries; taking them in one order (ids
  // sort by time) makes deadlocks rare, and PostgreSQL's deadlock victim simply runs again.
  // (SQLite has one writer at a time: no order needed.)
  const unique = [...firstById.values()]
    .map((k) => rows[k] as RecordsTable)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      const inserted = new Set<string>();
      // Parameters per statement stay under SQLite's (32,766) and PostgreSQL's (65,535) limits: 12 × 500.
      for (let start = 0; start < unique.length; start += INSERT_ROWS) {
        const chunk = unique.slice(start, start + INSERT_ROWS);
        const done = await trx
          .insertInto('records')
          .values(chunk)
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        for (const r of done) inserted.add(r.id);
      }
      const stored = new Map<string, string>();
      const missing = [...new Set(rows.filter((r) => !inserted.has(r.id)).map((r) => r.id))];
      for (let start = 0; start < missing.length; start += 200) {
        const found = await trx
          .selectFrom('records')
          .select(['id', 'content_hash'])
          .where('id', 'in', missing.slice(start, start + 200))
          .execute();
        for (const f of found) stored.set(f.id, f.content_hash);
      }
      const clashes = settle(rows, rowIndex, firstById, inserted, stored, results);
      for (const { row, reason } of clashes)
        await trx
          .insertInto('quarantine')
          .values(quarantineRow(row, reason, kioskId, receivedAt))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }),
  );
  return results;
}

/**
 * The per-record answers once the batch's new rows are in: inserted (the first copy of an id
 * this batch stored), duplicate (the same content is stored), or rejected as a clash, which
 * the caller quarantines. `stored` maps the ids not inserted to the hash stored under them.
 */
function settle(
  rows: readonly RecordsTable[],
  rowIndex: readonly number[],
  firstById: ReadonlyMap<string, number>,
  inserted: ReadonlySet<string>,
  stored: ReadonlyMap<string, string>,
  results: ItemResult[],
): Array<{ row: RecordsTable; reason: string }> {
  const clashes: Array<{ row: RecordsTable; reason: string }> = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as RecordsTable;
    const i = rowIndex[k] as number;
    const first = firstById.get(row.id) as number;
    const insertedNow = inserted.has(row.id);
    if (first === k && insertedNow) {
      results[i] = { id: row.id, status: 'inserted' };
      continue;
    }
    // A later copy of an id this batch inserted compares with the copy stored just now.
    const hash = insertedNow ? (rows[first] as RecordsTable).content_hash : stored.get(row.id);
    let reason: string | null = null;
    if (hash === undefined)
      reason = `conflict: device ${row.device_id} number ${row.device_seq} is stored as another record`;
    else if (hash !== row.content_hash) reason = 'conflict: this id is stored with other content';
    if (reason === null) {
      results[i] = { id: row.id, status: 'duplicate' };
      continue;
    }
    clashes.push({ row, reason });
    results[i] = { id: row.id, status: 'rejected', reason };
  }
  return clashes;
}

const quarantineRow = (row: RecordsTable, reason: string, kioskId: string, receivedAt: string) => ({
  qid: crypto.randomUUID(),
  id: row.id,
  device_id: row.device_id,
  device_seq: row.device_seq,
  body: row.body,
  content_hash: row.content_hash,
  reason,
  kiosk_id: kioskId,
  received_at: receivedAt,
});

/** The `records` table's columns, in the order the SQLite insert binds them. */
export const RECORD_COLUMNS = [
  'id',
  'device_id',
  'device_seq',
  'store',
  'kind',
  'event_id',
  'station',
  'at',
  'body',
  'content_hash',
  'kiosk_id',
  'received_at',
] as const satisfies readonly (keyof RecordsTable)[];

type SqliteStore = (
  rows: RecordsTable[],
  rowIndex: number[],
  firstById: Map<string, number>,
  results: ItemResult[],
  kioskId: string,
  receivedAt: string,
) => void;

const sqliteStores = new WeakMap<SqliteDatabase, SqliteStore>();

/** The batch as one better-sqlite3 transaction, its statements prepared once per database. */
function sqliteStore(sqlite: SqliteDatabase): SqliteStore {
  const cached = sqliteStores.get(sqlite);
  if (cached) return cached;
  const insert = sqlite.prepare(
    `insert into records (${RECORD_COLUMNS.join(', ')}) values (${RECORD_COLUMNS.map(() => '?').join(', ')}) on conflict do nothing`,
  );
  const hashOf = sqlite.prepare('select content_hash from records where id = ?').pluck();
  const quarantine = sqlite.prepare(
    'insert into quarantine (qid, id, device_id, device_seq, body, content_hash, reason, kiosk_id, received_at) values (@qid, @id, @device_id, @device_seq, @body, @content_hash, @reason, @kiosk_id, @received_at) on conflict do nothing',
  );
  const store: SqliteStore = sqlite.transaction((rows, rowIndex, firstById, results, kioskId, receivedAt) => {
    const inserted = new Set<string>();
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k] as RecordsTable;
      if (firstById.get(row.id) !== k) continue; // a second copy in this batch: settled below
      const done = insert.run(
        row.id,
        row.device_id,
        row.device_seq,
        row.store,
        row.kind,
        row.event_id,
        row.station,
        row.at,
        row.body,
        row.content_hash,
        row.kiosk_id,
        row.received_at,
      );
      if (done.changes > 0) inserted.add(row.id);
    }
    const stored = new Map<string, string>();
    for (const row of rows) {
      if (inserted.has(row.id) || stored.has(row.id)) continue;
      const hash = hashOf.get(row.id) as string | undefined;
      if (hash !== undefined) stored.set(row.id, hash);
    }
    for (const { row, reason } of settle(rows, rowIndex, firstById, inserted, stored, results))
      quarantine.run(quarantineRow(row, reason, kioskId, receivedAt));
  });
  sqliteStores.set(sqlite, store);
  return store;
}

/** PostgreSQL's "deadlock detected" and "could not serialize": the transaction did nothing. */
const RETRYABLE = new Set(['40P01', '40001']);

async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
