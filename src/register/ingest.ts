// Ingest: a batch of one kiosk's records, stored once each, answered per record only after the
// commit. A record is found again by its id (the kiosk's UUIDv7): the same content is a
// duplicate (a retry, a re-sent USB bundle), other content under a stored id or device number
// is never overwritten but quarantined for a coordinator to look at.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../contracts/canonical-json.ts';
import { type AttendanceRecord, attendanceType } from '../records/attendance.ts';
import { upgradeRecord } from '../records/migrate.ts';
import { type ReflectionRecord, reflectionType } from '../records/reflection.ts';
import type { RecordsTable, RegisterDb } from './db.ts';

export const MAX_BATCH_RECORDS = 500;

export type Store = 'attendance' | 'reflections';

export interface BatchItem {
  store: Store;
  record: unknown;
}

export type ItemResult =
  | { id: string | null; status: 'inserted' | 'duplicate' }
  | { id: string | null; status: 'rejected'; reason: string };

/**
 * The hash of what a record says. `synced` is the kiosk's bookkeeping (it flips after this very
 * upload), and a reflection's moderation is decided later, so neither is part of its content.
 */
export function contentHash(record: AttendanceRecord | ReflectionRecord): string {
  const { synced: _synced, ...content } = record as unknown as Record<string, unknown>;
  if ('status' in content) {
    delete content.status;
    delete content.moderatedAt;
  }
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const idOf = (record: unknown): string | null =>
  record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string'
    ? (record as { id: string }).id
    : null;

function validate(item: BatchItem): AttendanceRecord | ReflectionRecord {
  const type = item.store === 'attendance' ? attendanceType : reflectionType;
  return upgradeRecord<AttendanceRecord | ReflectionRecord>(type as typeof attendanceType, item.record) as
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
    const row: RecordsTable = {
      id: record.id,
      device_id: record.device,
      device_seq: record.seq,
      store: item.store,
      kind: item.store === 'attendance' ? (record as AttendanceRecord).kind : 'reflection',
      event_id: record.event,
      station: record.station,
      at: record.at,
      body: JSON.stringify({ ...record, synced: 0 }),
      content_hash: contentHash(record),
      kiosk_id: kioskId,
      received_at: receivedAt,
    };
    // The same id twice in one batch is settled against the first, once that one is stored.
    if (!firstById.has(row.id)) firstById.set(row.id, rows.length);
    rows.push(row);
    rowIndex.push(i);
  });

  // Concurrent batches that share records lock index entries; taking them in one order (ids
  // sort by time) makes deadlocks rare, and PostgreSQL's deadlock victim simply runs again.
  await retryOnDeadlock(() =>
    db.transaction().execute(async (trx) => {
      const unique = [...firstById.values()]
        .map((k) => rows[k] as RecordsTable)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const inserted = new Set<string>();
      // Parameters per statement stay under SQLite's and PostgreSQL's limits: 12 columns × 80 rows.
      for (let start = 0; start < unique.length; start += 80) {
        const chunk = unique.slice(start, start + 80);
        const done = await trx
          .insertInto('records')
          .values(chunk)
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        for (const r of done) inserted.add(r.id);
      }
      // What each id is stored as now: just inserted by this batch, or found from before.
      const stored = new Map<string, string>();
      for (const id of inserted)
        stored.set(id, (rows[firstById.get(id) as number] as RecordsTable).content_hash);
      const missing = [...new Set(rows.filter((r) => !inserted.has(r.id)).map((r) => r.id))];
      for (let start = 0; start < missing.length; start += 200) {
        const found = await trx
          .selectFrom('records')
          .select(['id', 'content_hash'])
          .where('id', 'in', missing.slice(start, start + 200))
          .execute();
        for (const f of found) stored.set(f.id, f.content_hash);
      }
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k] as RecordsTable;
        const i = rowIndex[k] as number;
        if (firstById.get(row.id) === k && inserted.has(row.id)) {
          results[i] = { id: row.id, status: 'inserted' };
          continue;
        }
        const hash = stored.get(row.id);
        let reason: string | null = null;
        if (hash === undefined)
          reason = `conflict: device ${row.device_id} number ${row.device_seq} is stored as another record`;
        else if (hash !== row.content_hash) reason = 'conflict: this id is stored with other content';
        if (reason === null) {
          results[i] = { id: row.id, status: 'duplicate' };
          continue;
        }
        await trx
          .insertInto('quarantine')
          .values({
            qid: crypto.randomUUID(),
            id: row.id,
            device_id: row.device_id,
            device_seq: row.device_seq,
            body: row.body,
            content_hash: row.content_hash,
            reason,
            kiosk_id: kioskId,
            received_at: receivedAt,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        results[i] = { id: row.id, status: 'rejected', reason };
      }
    }),
  );
  return results;
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
