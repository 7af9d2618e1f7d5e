// The register process killed (SIGKILL) in the middle of batches and started again on the same
// data: the kiosk's uploader carries on, and the register ends with every record exactly once.

import 'fake-indexeddb/auto';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceBody } from '../records/attendance.ts';
import { Records } from '../records/records.ts';
import { migrate, openRegisterDb } from '../register/db.ts';
import { enrolKiosk } from '../register/kiosks.ts';
import { SYNC_SETTINGS, SyncUploader } from './uploader.ts';

const tally: AttendanceBody = { kind: 'tally', delta: 1, reason: '' };
const RECORDS = 1500;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the register killed mid-batch', () => {
  let dir: string;
  let port: number;
  let child: ChildProcess | null = null;

  /** Starts `npm run register`'s entry on the folder's SQLite and waits until it listens. */
  const start = () =>
    new Promise<void>((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/register/main.ts'], {
        env: { ...process.env, PORT: String(port), DATA_DIR: dir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the register did not start: ${out}`)), 30_000);
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Events register on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr?.on('data', (chunk) => {
        out += chunk;
      });
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'register-kill-'));
    port = await freePort();
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and doubles nothing across three kills', async () => {
    const setup = openRegisterDb({ dataDir: dir });
    await migrate(setup.db);
    const { token } = await enrolKiosk(setup.db, 'Workers kill');
    await setup.db.destroy();
    await start();

    const records = await Records.open({
      station: 'workers-01',
      db: { name: `kill-${crypto.randomUUID()}` },
    });
    for (let i = 0; i < RECORDS; i++) await records.addAttendance(tally);
    await records.setSetting(SYNC_SETTINGS.token, token);

    let posts = 0;
    let kills = 0;
    const killing: typeof fetch = async (input, init) => {
      posts++;
      const sent = fetch(input, init);
      // Every fourth batch, the register dies while it handles it, and comes back soon after.
      if (posts % 4 === 0 && kills < 3) {
        kills++;
        setTimeout(() => {
          child?.kill('SIGKILL');
          child?.once('exit', () => setTimeout(() => void start(), 100));
        }, 2);
      }
      return sent;
    };
    const uploader = new SyncUploader({
      records,
      url: '/',
      origin: `http://127.0.0.1:${port}`,
      appVersion: 'kill-test',
      locks: null,
      fetch: killing,
      idleMs: 50,
      timeoutMs: 5_000,
      backoff: { baseMs: 50, maxMs: 400 },
      batchRecords: 100,
    });
    uploader.start();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not done: ${JSON.stringify(uploader.state)}`)),
        90_000,
      );
      const off = uploader.subscribe((s) => {
        if (s.message === 'tutto sincronizzato' && kills === 3) {
          clearTimeout(timer);
          queueMicrotask(() => off());
          resolve();
        }
      });
    });
    await uploader.stop();
    expect(kills).toBe(3);

    const check = openRegisterDb({ dataDir: dir });
    const counted = await check.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('device_id', '=', records.deviceId)
      .executeTakeFirstOrThrow();
    const seqs = await check.db
      .selectFrom('records')
      .select((eb) => [eb.fn.min('device_seq').as('low'), eb.fn.max('device_seq').as('high')])
      .where('device_id', '=', records.deviceId)
      .executeTakeFirstOrThrow();
    const quarantined = await check.db
      .selectFrom('quarantine')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await check.db.destroy();
    expect(Number(counted.n)).toBe(RECORDS);
    expect([Number(seqs.low), Number(seqs.high)]).toEqual([1, RECORDS]);
    expect(Number(quarantined.n)).toBe(0);
    expect(await records.unsyncedCount()).toBe(0);
    records.close();
  }, 120_000);
});
