// One batch's items, whatever their store: event set-ups update the register's events,
// attendance and reflections go through the record ingest. Results come back in item order.

import type { SyncItem } from '../sync/bundle.ts';
import type { RegisterDb } from './db.ts';
import { ingestEventSetups } from './events.ts';
import { type BatchItem, type ItemResult, ingestBatch } from './ingest.ts';

export async function ingestItems(
  db: RegisterDb,
  kioskId: string,
  items: readonly SyncItem[],
  now: () => Date = () => new Date(),
): Promise<ItemResult[]> {
  const events: number[] = [];
  const records: number[] = [];
  for (let i = 0; i < items.length; i++)
    ((items[i] as SyncItem).store === 'events' ? events : records).push(i);
  // Records only (a kiosk's usual batch): the record ingest answers for them, in order, as they are.
  if (events.length === 0 && records.length > 0)
    return ingestBatch(db, kioskId, items as readonly BatchItem[], now);
  const results: ItemResult[] = new Array(items.length);
  if (events.length) {
    const done = await ingestEventSetups(
      db,
      kioskId,
      events.map((i) => (items[i] as SyncItem).record),
    );
    events.forEach((i, k) => {
      results[i] = done[k] as ItemResult;
    });
  }
  if (records.length) {
    const done = await ingestBatch(
      db,
      kioskId,
      records.map((i) => items[i] as BatchItem),
      now,
    );
    records.forEach((i, k) => {
      results[i] = done[k] as ItemResult;
    });
  }
  return results;
}
