// The uploader against a real register (Fastify + SQLite on a local port) and real IndexedDB
// records (fake-indexeddb): records reach the register exactly once through lost requests, lost
// answers, repeats, server errors and a register restarted mid-sync; refusals are set aside with
// the reason; one uploader runs per profile; acknowledged records are pruned after 60 days.

import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisorEntry } from '../contracts/supervisor.ts';
import type { BatchRequest } from '../contracts/sync-wire.ts';
import type { AttendanceBody } from '../records/attendance.ts';
import { Records } from '../records/records.ts';
import { SETTING_KEYS } from '../records/settings.ts';
import { buildRegisterApp } from '../register/app.ts';
import { enrolKiosk, listKiosks } from '../register/kiosks.ts';
import { sqliteBackend } from '../register/test-backends.ts';
import { seeded } from '../stage/seeded.ts';
import { SYNC_SETTINGS, type SyncState, SyncUploader, type UploaderOptions } from './uploader.ts';

type Opened = Awaited<ReturnType<typeof sqliteBackend.open>>;

const tally = (delta = 1): AttendanceBody => ({ kind: 'tally', delta, reason: '' });

let opened: Opened;
let app: FastifyInstance;
let port = 0;
let token: string;

async function startRegister(rate = { burst: 10_000, perSecond: 10_000 }): Promise<void> {
  app = await buildRegisterApp({ db: opened.db, backend: opened.backend, rate });
  await app.listen({ host: '127.0.0.1', port });
  port = (app.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  opened = await sqliteBackend.open();
  token = (await enrolKiosk(opened.db, 'Workers test')).token;
  await startRegister();
});
afterAll(async () => {
  await app.close();
  await opened.dispose();
});

const stored = async (device: string) =>
  Number(
    (
      await opened.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('device_id', '=', device)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function kiosk(count: number, withToken = token): Promise<Records> {
  const records = await Records.open({ station: 'workers-01', db: { name: `sync-${crypto.randomUUID()}` } });
  for (let i = 0; i < count; i++) await records.addAttendance(tally());
  if (withToken) await records.setSetting(SYNC_SETTINGS.token, withToken);
  return records;
}

function uploader(records: Records, extra: Partial<UploaderOptions> = {}): SyncUploader {
  return new SyncUploader({
    records,
    url: '/',
    origin: `http://127.0.0.1:${port}`,
    appVersion: '0.1.0-test',
    locks: null,
    idleMs: 20,
    timeoutMs: 5_000,
    backoff: { baseMs: 1, maxMs: 8 },
    ...extra,
  });
}

/** Resolves once the uploader's state passes the test (or fails after `ms`). */
function until(u: SyncUploader, test: (s: SyncState) => boolean, ms = 20_000): Promise<SyncState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting; last state ${JSON.stringify(u.state)}`));
    }, ms);
    const off = u.subscribe((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      queueMicrotask(() => off());
      resolve(s);
    });
  });
}

describe('the uploader', () => {
  it('sends every record once, in batches, and marks each synced from the answer', async () => {
    const records = await kiosk(1234);
    const u = uploader(records, { batchRecords: 200 });
    u.start();
    await until(u, (s) => s.phase === 'idle' && s.pending === 0 && s.sent === 1234);
    await u.stop();
    expect(await stored(records.deviceId)).toBe(1234);
    expect(await records.unsyncedCount()).toBe(0);
    expect(await records.setting(SYNC_SETTINGS.lastSuccess)).toMatch(/^\d{4}-/);
    const row = await opened.db
      .selectFrom('kiosks')
      .select(['app_version', 'last_seen_at'])
      .where('name', '=', 'Workers test')
      .executeTakeFirstOrThrow();
    expect(row.app_version).toBe('0.1.0-test');
    records.close();
  });

  it('tells the register it is alive, and what its supervisor did, with nothing to send', async () => {
    const records = await kiosk(0);
    const log: SupervisorEntry[] = [{ at: '2026-12-07T08:00:00.000Z', action: 'launch', reason: 'start' }];
    const sent: { records: number; supervisor?: SupervisorEntry[] }[] = [];
    const watched: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body)) as BatchRequest;
      sent.push({ records: body.records.length, supervisor: body.heartbeat?.supervisor });
      return fetch(input, init);
    };
    let now = Date.UTC(2026, 11, 7, 9);
    const u = uploader(records, {
      fetch: watched,
      now: () => now,
      supervisorLog: () => log,
      heartbeatEveryMs: 15 * 60_000,
    });
    u.start();
    await until(u, () => sent.length === 1);
    expect(sent[0]).toEqual({ records: 0, supervisor: log });
    // Idle checks within the quarter hour with nothing new: no request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toHaveLength(1);
    // A new action is reported at the next check; the newest 10 at most.
    for (let i = 1; i <= 12; i++)
      log.push({
        at: `2026-12-07T08:0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}.000Z`,
        action: 'reload',
        reason: `r${i}`,
      });
    await until(u, () => sent.length === 2);
    expect(sent[1]?.supervisor).toEqual(log.slice(-10));
    // And the quarter hour brings a heartbeat even with nothing new.
    now += 15 * 60_000;
    await until(u, () => sent.length === 3);
    await u.stop();
    const kioskRow = (await listKiosks(opened.db)).find((k) => k.name === 'Workers test');
    expect(kioskRow?.supervisor).toEqual(log.slice(-10));
    records.close();
  });

  it('loses nothing and doubles nothing through lost requests, lost answers, repeats, 500s and a restart', async () => {
    for (const seed of [1, 2, 3]) {
      const records = await kiosk(300);
      const random = seeded(seed);
      let calls = 0;
      let restarted = false;
      const flaky: typeof fetch = async (input, init) => {
        calls++;
        if (calls === 4 && !restarted) {
          // The register goes down between batches and comes back on the same port and data.
          restarted = true;
          await app.close();
          setTimeout(() => void startRegister(), 30);
        }
        const roll = random();
        if (roll < 0.15) throw new TypeError('fetch failed (request lost)');
        if (roll < 0.25) return new Response('{"error":"boom"}', { status: 503 });
        const response = await fetch(input, init);
        if (roll < 0.4) throw new TypeError('fetch failed (answer lost after the register stored)');
        if (roll < 0.5) return fetch(input, init); // sent twice: the second answer says duplicate
        return response;
      };
      const u = uploader(records, { fetch: flaky, batchRecords: 37, random });
      u.start();
      await until(u, (s) => s.phase === 'idle' && s.pending === 0, 30_000);
      await u.stop();
      expect(await stored(records.deviceId), `seed ${seed}`).toBe(300);
      expect(await records.unsyncedCount()).toBe(0);
      expect(calls).toBeGreaterThan(300 / 37);
      records.close();
    }
    const quarantined = await opened.db
      .selectFrom('quarantine')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(quarantined.n)).toBe(0);
  }, 60_000);

  it('resumes after a reload: a new page sends only what was left', async () => {
    const name = `sync-${crypto.randomUUID()}`;
    const first = await Records.open({ station: 'workers-01', db: { name } });
    for (let i = 0; i < 50; i++) await first.addAttendance(tally());
    await first.setSetting(SYNC_SETTINGS.token, token);
    const u1 = uploader(first, { batchRecords: 20 });
    u1.start();
    await until(u1, (s) => s.sent >= 20);
    await u1.stop();
    first.close();
    const second = await Records.open({ station: 'workers-01', db: { name } });
    for (let i = 0; i < 10; i++) await second.addAttendance(tally());
    const u2 = uploader(second, { batchRecords: 20 });
    u2.start();
    await until(u2, (s) => s.phase === 'idle' && s.pending === 0);
    await u2.stop();
    expect(await stored(second.deviceId)).toBe(60);
    expect(u1.state.sent + u2.state.sent).toBe(60);
    second.close();
  });

  it('sets aside a record the register refuses, with the reason, and goes on', async () => {
    const records = await kiosk(5);
    const [first] = await records.attendance();
    // Another profile's record with the same id and other content is already in the register.
    await opened.db
      .insertInto('records')
      .values({
        id: first?.id as string,
        device_id: 'someone-else',
        device_seq: 1,
        store: 'attendance',
        kind: 'tally',
        event_id: null,
        station: 'x',
        at: new Date().toISOString(),
        body: '{}',
        content_hash: 'other',
        kiosk_id: (await opened.db.selectFrom('kiosks').select('id').executeTakeFirstOrThrow()).id,
        received_at: new Date().toISOString(),
      })
      .execute();
    const u = uploader(records);
    u.start();
    await until(u, (s) => s.phase === 'idle' && s.rejected.length === 1 && s.sent === 4);
    await u.stop();
    expect(u.state.rejected[0]).toMatchObject({ id: first?.id, reason: expect.stringContaining('conflict') });
    // Never lost: still on the kiosk, unsynced, and remembered as refused after a reload.
    expect(await records.unsyncedCount()).toBe(1);
    expect(await records.setting(SYNC_SETTINGS.rejected)).toHaveLength(1);
    records.close();
  });

  it('stops on a refused token and says what to do; waits as the register asks', async () => {
    const records = await kiosk(3, 'not-a-real-token-but-long-enough-to-check');
    const u = uploader(records);
    u.start();
    const refused = await until(u, (s) => s.phase === 'refused');
    expect(refused.message).toContain('registrala di nuovo');
    await u.stop();

    const calls: number[] = [];
    const limited: typeof fetch = async () => {
      calls.push(Date.now());
      return calls.length === 1
        ? new Response('{"error":"slow down"}', { status: 429, headers: { 'retry-after': '1' } })
        : new Response(JSON.stringify({ results: [] }), { status: 200 });
    };
    const v = uploader(records, { fetch: limited, random: () => 0 });
    await records.setSetting(SYNC_SETTINGS.token, token);
    v.start();
    await until(v, () => calls.length >= 2, 5_000);
    await v.stop();
    expect((calls[1] as number) - (calls[0] as number)).toBeGreaterThanOrEqual(990);
    records.close();
  });

  it('halves a batch the register finds too large until it passes', async () => {
    const records = await kiosk(40);
    const sizes: number[] = [];
    const picky: typeof fetch = async (input, init) => {
      const n = JSON.parse(String(init?.body)).records.length;
      sizes.push(n);
      if (n > 10) return new Response('{"error":"too large"}', { status: 413 });
      return fetch(input, init);
    };
    const u = uploader(records, { fetch: picky, batchRecords: 40 });
    u.start();
    await until(u, (s) => s.phase === 'idle' && s.pending === 0);
    await u.stop();
    expect(sizes.slice(0, 3)).toEqual([40, 20, 10]);
    expect(await stored(records.deviceId)).toBe(40);
    records.close();
  });

  it('runs one uploader per profile: a second page waits for the lock', async () => {
    const records = await kiosk(30);
    const order: string[] = [];
    class Locks {
      private tail: Promise<unknown> = Promise.resolve();
      request(_name: string, _options: unknown, callback: () => Promise<void>) {
        const held = this.tail.then(() => callback());
        this.tail = held.catch(() => {});
        return held;
      }
    }
    const locks = new Locks();
    const tagged =
      (tag: string): typeof fetch =>
      (input, init) => {
        order.push(tag);
        return fetch(input, init);
      };
    // `a` sleeps long when idle, so the record added below is left for `b`.
    const a = uploader(records, { locks, fetch: tagged('a'), batchRecords: 10, idleMs: 60_000 });
    const b = uploader(records, { locks, fetch: tagged('b'), batchRecords: 10 });
    a.start();
    b.start();
    await until(a, (s) => s.message === 'tutto sincronizzato');
    expect(order.every((t) => t === 'a')).toBe(true);
    await records.addAttendance(tally());
    await a.stop();
    await until(b, (s) => s.pending === 0 && s.phase === 'idle' && s.sent === 1);
    await b.stop();
    expect(order.at(-1)).toBe('b');
    expect(await stored(records.deviceId)).toBe(31);
    records.close();
  });

  it('prunes acknowledged records after 60 days; sequence numbers never go back', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const records = await Records.open({
      station: 'workers-01',
      db: { name: `sync-${crypto.randomUUID()}` },
      now: () => clock,
    });
    for (let i = 0; i < 20; i++) await records.addAttendance(tally());
    await records.setSetting(SYNC_SETTINGS.token, token);
    clock += 61 * 86_400_000;
    await records.addAttendance(tally()); // recent, and not synced yet when the prune runs
    const u = uploader(records, { now: () => clock });
    u.start();
    await until(u, (s) => s.message === 'tutto sincronizzato');
    await u.stop();
    // The first idle step pruned the 20 old acknowledged ones; the recent one stays.
    const left = await records.attendance();
    expect(left.map((r) => r.seq)).toEqual([21]);
    expect(await records.setting(SETTING_KEYS.seq)).toBe(20);
    // All old records pruned and the last one too: the next number still follows on.
    expect(await records.pruneSynced(new Date(clock + 1).toISOString())).toBe(1);
    expect((await records.addAttendance(tally())).seq).toBe(22);
    records.close();
  });

  it('reads every unsynced record for a USB bundle (no limit)', async () => {
    const records = await kiosk(7);
    expect(await records.unsynced(Number.MAX_SAFE_INTEGER)).toHaveLength(7);
    records.close();
  });
});
