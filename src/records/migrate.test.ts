import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { attendanceType } from './attendance.ts';
import { DB_VERSION, openRecordsDb, RECORD_TYPES } from './db.ts';
import { errorType } from './error-entry.ts';
import { eventSetupType } from './event-setup.ts';
import { isOutdated, MigrationError, type RecordType, upgradeRecord } from './migrate.ts';
import { reflectionType } from './reflection.ts';
import { settingType } from './settings.ts';

// A record type at version 3 with two migrations, standing in for the shipped types, which
// are all at their first version: the chain, its validation and its errors are what is tested.
const note: RecordType<{ v: number; text: string; lang: string; words: number }> = {
  store: 'notes',
  version: 3,
  migrations: {
    1: ({ body, ...rest }) => ({ ...rest, text: String(body) }),
    2: (r) => ({ ...r, lang: r.lang ?? 'it', words: String(r.text).split(/\s+/).filter(Boolean).length }),
  },
  schema: z.object({ v: z.literal(3), text: z.string(), lang: z.string(), words: z.int() }),
};

describe('record migrations', () => {
  it.each([
    [
      { v: 1, body: 'tutti colpevoli' },
      { v: 3, text: 'tutti colpevoli', lang: 'it', words: 2 },
    ],
    [{ body: 'nessuno innocente' }, { v: 3, text: 'nessuno innocente', lang: 'it', words: 2 }],
    [
      { v: 2, text: 'a b c', lang: 'en' },
      { v: 3, text: 'a b c', lang: 'en', words: 3 },
    ],
    [
      { v: 3, text: 'x', lang: 'fr', words: 1 },
      { v: 3, text: 'x', lang: 'fr', words: 1 },
    ],
  ])('brings %o to the current version', (stored, expected) => {
    expect(isOutdated(note, stored)).toBe((stored as { v?: number }).v !== 3);
    expect(upgradeRecord(note, stored)).toEqual(expected);
  });

  it('refuses records from a newer app, and records that do not validate', () => {
    expect(() => upgradeRecord(note, { v: 4, text: 'x' })).toThrow(/newer than this app/);
    expect(() => upgradeRecord(note, { v: 3, text: 1 })).toThrow(MigrationError);
    expect(() =>
      upgradeRecord({ ...note, migrations: { 1: note.migrations[1] as never } }, { v: 1, body: 'x' }),
    ).toThrow(/no migration from version 2/);
  });

  it('has a migration from every earlier version of every shipped record type', () => {
    for (const type of [attendanceType, reflectionType, eventSetupType, settingType, errorType]) {
      for (let v = 1; v < type.version; v++)
        expect(type.migrations[v], `${type.store} v${v}`).toBeTypeOf('function');
    }
    expect(RECORD_TYPES.map((t) => t.store).sort()).toEqual([
      'attendance',
      'errors',
      'events',
      'reflections',
      'settings',
    ]);
  });

  it('upgrades an older database in place: stores, indexes and records', async () => {
    // Version 0 → current: what a kiosk that never ran the app gets; the layout steps run in order.
    const name = `m-${crypto.randomUUID()}`;
    const db = await openRecordsDb({ name });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('attendance').store.indexNames].sort()).toEqual([
      'by-event',
      'by-seq',
      'by-synced',
    ]);
    db.close();
    // Reopening at the same version runs no layout step and keeps what is there.
    const raw = await openDB(name, DB_VERSION);
    await raw.put('settings', { key: 'seq', v: 1, value: 7 });
    raw.close();
    const again = await openRecordsDb({ name });
    expect((await again.get('settings', 'seq'))?.value).toBe(7);
    again.close();
  });
});
