import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { AttendanceBody } from './attendance.ts';
import { DB_VERSION } from './db.ts';
import { Records } from './records.ts';
import { SETTING_KEYS } from './settings.ts';
import { StorageFailure, withTimeout } from './storage-errors.ts';
import { UUID7_PATTERN } from './uuid.ts';

const open = (overrides: Partial<Parameters<typeof Records.open>[0]> = {}) =>
  Records.open({ station: 'workers-01', db: { name: `t-${crypto.randomUUID()}` }, ...overrides });

const tally = (delta = 1): AttendanceBody => ({ kind: 'tally', delta, reason: '' });

describe('Records', () => {
  it('stamps every record with a UUIDv7, the device, a gapless sequence and both clocks', async () => {
    let clock = Date.UTC(2026, 10, 23, 9, 0, 0);
    const records = await open({ now: () => clock, mono: () => 1234.5 });
    const a = await records.addAttendance(tally());
    clock += 1000;
    const b = await records.addReflection({
      language: 'it',
      text: 'Che il cambiamento inizi da qui',
      pictograms: [],
      status: 'pending',
      flags: [],
      disclosure: false,
    });
    expect(a.id).toMatch(UUID7_PATTERN);
    expect(b.id > a.id).toBe(true);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.device).toBe(records.deviceId);
    expect(a.station).toBe('workers-01');
    expect(a.at).toBe('2026-11-23T09:00:00.000Z');
    expect(a.mono).toBe(1234.5);
    expect(a.boot).toBe(records.bootId);
    expect(a.synced).toBe(0);
    expect(await records.lastSeq()).toBe(2);
  });

  it('keeps the device id and the sequence across reopenings', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const first = await Records.open({ station: 's1', db: { name } });
    await first.addAttendance(tally());
    first.close();
    const second = await Records.open({ station: 's1', db: { name } });
    expect(second.deviceId).toBe(first.deviceId);
    expect((await second.addAttendance(tally())).seq).toBe(2);
  });

  it('hands out unique, gapless sequence numbers to concurrent writers', async () => {
    const records = await open();
    const written = await Promise.all(
      Array.from({ length: 50 }, (_, i) => records.addAttendance(tally(i + 1))),
    );
    expect(written.map((r) => r.seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('refuses an invalid record and spends no sequence number on it', async () => {
    const failures: StorageFailure[] = [];
    const records = await open({ onFailure: (f) => failures.push(f) });
    await records.addAttendance(tally());
    await expect(records.addAttendance({ kind: 'check-in', group: '3B', size: 0 })).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(failures.map((f) => f.kind)).toEqual(['invalid']);
    expect((await records.addAttendance(tally())).seq).toBe(2);
  });

  it('never stores a retried write twice: the same id is refused and the first stays', async () => {
    const records = await open();
    const id = '019a0000-0000-7000-8000-000000000001';
    const first = await records.addAttendance({ kind: 'check-in', group: '4A', size: 22 }, { id });
    await expect(
      records.addAttendance({ kind: 'check-in', group: '4A', size: 22 }, { id }),
    ).rejects.toBeInstanceOf(StorageFailure);
    const all = await records.attendance();
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(first);
    expect(await records.lastSeq()).toBe(1);
  });

  it('files records under the current event, and none before one is set', async () => {
    const records = await open();
    await records.addAttendance(tally());
    const event = await records.saveEvent({
      title: 'Workers al Liceo Golgi',
      type: 'installation-workers',
      audience: 'citizens-students',
      venue: 'Palestra',
      municipality: 'Breno',
      province: 'BS',
      startDate: '2026-11-23',
      endDate: '2026-11-24',
      source: 'kiosk',
    });
    await records.setCurrentEvent(event.id);
    const counted = await records.addAttendance({ kind: 'check-in', group: '5C', size: 24 });
    expect(counted.event).toBe(event.id);
    expect((await records.attendance(event.id)).map((r) => r.seq)).toEqual([2]);
    expect((await records.attendance()).map((r) => r.event)).toEqual([null, event.id]);
    expect(await records.currentEvent()).toEqual(event);
  });

  it('rejects an event that ends before it starts, naming the field', async () => {
    const records = await open();
    await expect(
      records.saveEvent({
        title: 'x',
        type: 'other',
        audience: 'other',
        venue: '',
        municipality: '',
        province: 'other',
        startDate: '2026-11-23',
        endDate: '2026-11-22',
        source: 'kiosk',
      }),
    ).rejects.toThrow(/endDate: the event cannot end before it starts/);
  });

  it('moderates in place, marks the change for sync, and never approves a possible disclosure', async () => {
    const records = await open();
    const base = { language: 'it', pictograms: [] as string[], flags: [] as string[] };
    const plain = await records.addReflection({
      ...base,
      text: 'Grazie',
      status: 'pending',
      disclosure: false,
    });
    const private_ = await records.addReflection({
      ...base,
      text: 'aiuto',
      status: 'private',
      disclosure: true,
    });
    const approved = await records.setModeration(plain.id, 'approved');
    expect(approved.status).toBe('approved');
    expect(approved.moderatedAt).not.toBeNull();
    expect((await records.setModeration(private_.id, 'approved')).status).toBe('private');
    expect((await records.reflections('approved')).map((r) => r.id)).toEqual([plain.id]);
    await expect(records.setModeration('nope', 'hidden')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('counts unsynced records across stores', async () => {
    const records = await open();
    await records.addAttendance(tally());
    await records.addAttendance(tally());
    expect(await records.unsyncedCount()).toBe(2);
  });

  it('walks a store in batches, in key order, and can stop early', async () => {
    const records = await open();
    for (let i = 0; i < 25; i++) await records.addAttendance(tally());
    const seen: number[] = [];
    const total = await records.eachBatch(
      'attendance',
      (rows) => {
        seen.push(rows.length);
        return undefined;
      },
      10,
    );
    expect(total).toBe(25);
    expect(seen).toEqual([10, 10, 5]);
    const early = await records.eachBatch('attendance', () => false, 10);
    expect(early).toBe(10);
  });

  it('keeps the error log as a ring of the newest entries', async () => {
    const records = await open();
    for (let i = 0; i < 8; i++) await records.logError({ kind: 'error', message: `e${i}` }, 5);
    expect((await records.errors()).map((e) => e.message)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3']);
  });

  it('stores settings by key', async () => {
    const records = await open();
    await records.setSetting(SETTING_KEYS.lockout, { failures: 2 });
    expect(await records.setting(SETTING_KEYS.lockout)).toEqual({ failures: 2 });
    expect(await records.setting('missing')).toBeUndefined();
  });

  it('creates the current database version', async () => {
    const records = await open();
    const raw = await openDB(records.name);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual([
      'attendance',
      'errors',
      'events',
      'reflections',
      'settings',
    ]);
    raw.close();
  });
});

describe('withTimeout', () => {
  it('gives up on a storage call that never answers, with a timeout failure', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout('save attendance', never, 20)).rejects.toMatchObject({
      kind: 'timeout',
      message: 'save attendance: no answer from storage within 20 ms',
    });
  });
});
