// ingestItems answers in item order whether a batch holds records only (handed to the record
// ingest as it is) or event set-ups among them (split and put back together), and both ways
// answer exactly as the record ingest does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncItem } from '../sync/bundle.ts';
import type { OpenedRegister } from './db.ts';
import { ingestItems } from './ingest-items.ts';
import { enrolKiosk } from './kiosks.ts';
import { sqliteBackend } from './test-backends.ts';
import { kioskEvent as setup, tally } from './test-records.ts';

describe('ingestItems', () => {
  let opened: OpenedRegister & { dispose(): Promise<void> };
  let kioskId: string;
  beforeAll(async () => {
    opened = await sqliteBackend.open();
    kioskId = (await enrolKiosk(opened.db, 'items')).id;
  });
  afterAll(() => opened.dispose());

  it('answers a records-only batch in order: inserted, duplicate, rejected', async () => {
    const device = `dev-${crypto.randomUUID()}`;
    const a = tally(device, 1);
    const b = tally(device, 2);
    const items: SyncItem[] = [
      { store: 'attendance', record: a },
      { store: 'attendance', record: { ...a, delta: 0 } },
      { store: 'attendance', record: b },
      { store: 'attendance', record: a },
    ];
    const results = await ingestItems(opened.db, kioskId, items);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [a.id, 'inserted'],
      [a.id, 'rejected'],
      [b.id, 'inserted'],
      [a.id, 'duplicate'],
    ]);
    expect(await ingestItems(opened.db, kioskId, [])).toEqual([]);
  });

  it('puts the answers for event set-ups and records back in item order', async () => {
    const device = `dev-${crypto.randomUUID()}`;
    const first = setup();
    const records = [tally(device, 1), tally(device, 2)];
    const items: SyncItem[] = [
      { store: 'attendance', record: records[0] },
      { store: 'events', record: first },
      { store: 'attendance', record: records[1] },
      { store: 'events', record: { nonsense: true } },
    ];
    const results = await ingestItems(opened.db, kioskId, items);
    expect(results.map((r) => r.id)).toEqual([records[0]?.id, first.id, records[1]?.id, null]);
    expect(results.map((r) => r.status)).toEqual(['inserted', 'inserted', 'inserted', 'rejected']);
  });
});
