import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { AttendanceBody } from './attendance.ts';
import { Records } from './records.ts';
import { SETTING_KEYS, SETTINGS_VERSION } from './settings.ts';
import { uuid7 } from './uuid.ts';
import type { ChannelLike, LockManagerLike } from './writer-lease.ts';

/** Exclusive Web Locks as the spec grants them: one holder per name, waiters in request order. */
class FakeLocks implements LockManagerLike {
  private readonly tails = new Map<string, Promise<unknown>>();

  request(_name: string, _options: { mode: 'exclusive' }, callback: () => Promise<void>): Promise<unknown> {
    const before = this.tails.get(_name) ?? Promise.resolve();
    const held = before.then(() => callback());
    this.tails.set(
      _name,
      held.catch(() => {}),
    );
    return held;
  }
}

/** A channel that hears nothing: a holder that never learns someone waits. */
const deaf = (): ChannelLike => ({ postMessage() {}, addEventListener() {}, close() {} });

const tally: AttendanceBody = { kind: 'tally', delta: 1, reason: '' };
const dbName = () => `lease-${crypto.randomUUID()}`;

function page(name: string, locks: LockManagerLike, extra: Partial<Parameters<typeof Records.open>[0]> = {}) {
  return Records.open({ station: 'workers-01', db: { name }, lease: { locks, askEveryMs: 5 }, ...extra });
}

describe('the writer lease', () => {
  it('one page keeps the lease: appends after the first skip the read and stay gapless', async () => {
    const records = await page(dbName(), new FakeLocks());
    expect(records.lease.available).toBe(true);
    const seqs: number[] = [];
    for (let i = 0; i < 20; i++) seqs.push((await records.addAttendance(tally)).seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(records.lease.grants).toBe(1);
    expect(await records.lastSeq()).toBe(20);
    records.close();
  });

  it('two pages on one profile hand the lease back and forth: no gap, no double', async () => {
    const name = dbName();
    const locks = new FakeLocks();
    const [a, b] = await Promise.all([page(name, locks), page(name, locks)]);
    const writes: Promise<{ seq: number; id: string }>[] = [];
    for (let i = 0; i < 60; i++) {
      writes.push((i % 3 === 0 ? b : a).addAttendance(tally));
      if (i % 7 === 0) await writes[i];
    }
    const written = await Promise.all(writes);
    const seqs = written.map((r) => r.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(written.map((r) => r.id)).size).toBe(60);
    expect(a.lease.grants).toBeGreaterThan(1);
    expect(b.lease.grants).toBeGreaterThan(1);
    expect((await a.attendance()).map((r) => r.seq)).toEqual(seqs);
    a.close();
    b.close();
  });

  it('an event chosen on another page is the one the next record belongs to', async () => {
    const name = dbName();
    const locks = new FakeLocks();
    const [kiosk, staff] = await Promise.all([page(name, locks), page(name, locks)]);
    expect((await kiosk.addAttendance(tally)).event).toBeNull();
    await staff.setCurrentEvent('evento-1');
    expect((await kiosk.addAttendance(tally)).event).toBe('evento-1');
    await staff.setCurrentEvent(null);
    expect((await kiosk.addAttendance(tally)).event).toBeNull();
    kiosk.close();
    staff.close();
  });

  it('a sequence number taken behind the lease is refused by the store, and the state read again', async () => {
    const name = dbName();
    const records = await page(name, new FakeLocks());
    const first = await records.addAttendance(tally);
    // A tool (or a page without Web Locks) appends seq 2 while this page remembers seq 1.
    const raw = await openDB(name);
    await raw.add('attendance', { ...first, id: uuid7(), seq: 2 });
    raw.close();
    const next = await records.addAttendance(tally);
    expect(next.seq).toBe(3);
    expect((await records.attendance()).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await records.lastSeq()).toBe(3);
    records.close();
  });

  it('the seq setting is a floor: numbers never go back below it', async () => {
    const name = dbName();
    const records = await page(name, new FakeLocks());
    await records.addAttendance(tally);
    records.close();
    // What a pruning of synced records leaves behind: no records, the floor.
    const raw = await openDB(name);
    await raw.clear('attendance');
    await raw.put('settings', { key: SETTING_KEYS.seq, v: SETTINGS_VERSION, value: 41 });
    raw.close();
    const reopened = await page(name, new FakeLocks());
    expect(await reopened.lastSeq()).toBe(41);
    expect((await reopened.addAttendance(tally)).seq).toBe(42);
    reopened.close();
  });

  it('a write that gave up waiting for the lease never happens later', async () => {
    const name = dbName();
    const locks = new FakeLocks();
    const holder = await page(name, locks, { lease: { locks, channel: deaf } });
    await holder.addAttendance(tally);
    const waiter = await page(name, locks, { timeoutMs: 50 });
    const late = uuid7();
    await expect(waiter.addAttendance(tally, { id: late })).rejects.toMatchObject({ kind: 'timeout' });
    holder.close(); // lets go: the waiter's turn comes, and it must do nothing
    expect((await waiter.addAttendance(tally)).seq).toBe(2);
    expect((await waiter.attendance()).map((r) => r.id)).not.toContain(late);
    waiter.close();
  });

  it('the counter and the current event are written only by the writer', async () => {
    const records = await page(dbName(), new FakeLocks());
    await expect(records.setSetting(SETTING_KEYS.seq, 7)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(records.setSetting(SETTING_KEYS.currentEvent, 'x')).rejects.toMatchObject({
      kind: 'invalid',
    });
    records.close();
  });
});
