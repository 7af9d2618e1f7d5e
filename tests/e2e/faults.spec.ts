// The faults suite (issue 8): a station run the way a kiosk runs it — the supervisor of
// `npm run kiosk --serve` with its own server child and Debian's Chromium on a persistent profile
// — is hit with what happens to stations in the field: a renderer crash, a GPU process crash,
// SIGKILL of the browser mid-visit and mid-sync, the server gone, storage full, the clock jumped a
// year either way. After each the station must be back on the attract loop (≤ 2 s after the
// restart, ≤ 30 s where Chromium itself is relaunched), every record it had called saved must
// still be there (and reach the register), and staff must be able to see what happened.
//
// The supervisor drives Chromium over its pipe as in production; this test also opens a DevTools
// port to inject the faults and read the page. Times come from the supervisor's side: the page
// beats at boot and at every change of screen (src/kiosk/heartbeat.ts), so the first beat from the
// attract loop after a fault is when the station was back. Figures go to test-results/faults.json;
// `npm run faults` also merges them into tests/bench/results.json as fault-recovery-s:<fault>.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { SupervisorEntry } from '../../src/contracts/supervisor.ts';
import type { Records } from '../../src/records/records.ts';
import { chromiumLauncher } from '../../src/supervisor/chromium.ts';
import { chromiumFlags, stationUrl } from '../../src/supervisor/flags.ts';
import { nodeServer } from '../../src/supervisor/server-child.ts';
import { Supervisor } from '../../src/supervisor/supervisor.ts';
import { mergeResults } from '../bench/harness.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from './chromium.ts';

const run = promisify(execFile);
const PORT = E2E_PORT + 30;
const BASE = `http://127.0.0.1:${PORT}/`;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = process.env.E2E_DIST ?? 'dist';
const DATA_DIR = `${process.env.E2E_DIST ?? 'test-results/dist'}-faults-register`;
const RESULTS_FILE = 'test-results/faults.json';
const YEAR_MS = 365 * 24 * 3600_000;

/** The goals: back on the attract loop this soon after the restart, or the relaunch. */
const GOAL_RESTART_S = 2;
const GOAL_RELAUNCH_S = 30;
/**
 * What the test itself insists on: a station that is not back within these is broken, not slow.
 * The goals above are judged in the figures, as with every timing on these shared machines.
 */
const LIMIT_RESTART_MS = 15_000;
const LIMIT_RELAUNCH_MS = 60_000;

interface Timed extends SupervisorEntry {
  t: number;
}

interface Beat {
  t: number;
  screen: string | null;
}

const entries: Timed[] = [];
const beats: Beat[] = [];
const figures: Record<string, { value: number; goal: number; note: string }> = {};
let supervisor: Supervisor;
let profile: string;
let devtoolsPort: number;
let browser: Browser | undefined;
let poll: ReturnType<typeof setInterval> | undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits for the first beat from the attract loop after `since` and returns its time. */
async function attractAfter(since: number, limitMs: number, what: string): Promise<number> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const beat = beats.find((b) => b.t > since && b.screen === 'attract');
    if (beat) return beat.t;
    if (Date.now() > deadline) {
      const log = entries.map((e) => `${e.action}: ${e.reason}`).join('\n  ');
      throw new Error(
        `${what}: no heartbeat from the attract loop within ${limitMs} ms. Supervisor:\n  ${log}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const logged = (since: number, action: SupervisorEntry['action']) =>
  entries.find((e) => e.t >= since && e.action === action);

/** The station's page, reached over the DevTools port (reconnecting after a relaunch). */
async function station(): Promise<Page> {
  if (!browser?.isConnected()) browser = await chromium.connectOverCDP(`http://127.0.0.1:${devtoolsPort}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const page = context.pages().find((p) => p.url().startsWith(ORIGIN));
  if (!page) throw new Error(`no page on ${ORIGIN}: ${context.pages().map((p) => p.url())}`);
  return page;
}

async function disconnect(): Promise<void> {
  await browser?.close().catch(() => {}); // over CDP, close() only disconnects
  browser = undefined;
}

/** Calls `fn` in the page with its records service (opened if need be). */
async function withRecords<T, A = undefined>(
  page: Page,
  fn: (records: Records, arg: A) => T | Promise<T>,
  arg?: A,
): Promise<T> {
  const handle = await page.evaluateHandle(() =>
    (
      document.querySelector('percorso-app') as unknown as { services: { records: () => Promise<Records> } }
    ).services.records(),
  );
  try {
    // The argument crosses into the page as JSON: strings and plain data only, here.
    const inPage = fn as unknown as (records: Records, arg: unknown) => Promise<T>;
    return (await handle.evaluate(inPage, arg as unknown)) as T;
  } finally {
    await handle.dispose().catch(() => {});
  }
}

/** The ids of every record this profile holds: what a fault must not take away. */
const counts = (page: Page) =>
  withRecords(page, async (r) => [
    ...(await r.attendance()).map((a) => a.id),
    ...(await r.reflections()).map((a) => a.id),
  ]);

/** Every id saved before is still there (a visit ended by the fault may add its own). */
function keptAll(before: string[], after: string[], what = 'every saved record is still there'): void {
  const missing = before.filter((id) => !after.includes(id));
  expect(missing, what).toEqual([]);
}

/** A visitor starts a visit; the check-in it makes is saved before this returns. */
async function visit(page: Page): Promise<void> {
  const before = await withRecords(page, (r) => r.countOf('attendance'));
  await page.locator('percorso-app[data-screen="attract"]').waitFor({ timeout: 20_000 });
  await page.mouse.click(640, 200);
  await page.locator('percorso-app[data-screen="journey"]').waitFor();
  await expect.poll(() => withRecords(page, (r) => r.countOf('attendance'))).toBeGreaterThan(before);
}

function staffSees(page: Page): Promise<{ alerts: string[]; errors: string[]; supervisor: string[] }> {
  return page.evaluate(() => {
    const app = document.querySelector('percorso-app') as unknown as {
      services: { alerts: { list: { kind: string }[] } };
    };
    const read = (key: string) => {
      try {
        return JSON.parse(localStorage.getItem(key) ?? '[]') as Record<string, string>[];
      } catch {
        return [];
      }
    };
    return {
      alerts: app.services.alerts.list.map((a) => a.kind),
      errors: read('percorso.errorLog').map((e) => `${e.kind}: ${e.message}`),
      supervisor: read('percorso.supervisorLog').map((e) => e.action as string),
    };
  });
}

function record(name: string, ms: number, goalS: number, note: string): void {
  figures[name] = { value: Number((ms / 1000).toFixed(2)), goal: goalS, note };
  console.log(`fault ${name}: ${(ms / 1000).toFixed(2)} s (goal ≤ ${goalS} s) — ${note}`);
}

function registerCount(device: string): { rows: number; ids: number } {
  const db = new Database(join(DATA_DIR, 'register.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select count(*) as rows, count(distinct id) as ids from records where device_id = ?')
      .get(device) as { rows: number; ids: number };
  } finally {
    db.close();
  }
}

/** The supervisor actions the register keeps for a kiosk (its kiosk view's source). */
function supervisorReported(name: string): string[] {
  const db = new Database(join(DATA_DIR, 'register.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select supervisor_log from kiosks where name = ?').get(name) as
      | { supervisor_log: string | null }
      | undefined;
    return (JSON.parse(row?.supervisor_log ?? '[]') as { action: string }[]).map((e) => e.action);
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.describe('faults: the station comes back by itself', () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    rmSync(DATA_DIR, { recursive: true, force: true });
    mkdirSync(DATA_DIR, { recursive: true });
    // The server child reads these, as `npm run kiosk -- --serve` would from the unit's environment.
    process.env.DIST_DIR = DIST;
    process.env.DATA_DIR = DATA_DIR;
    process.env.DATABASE_URL = '';
    profile = mkdtempSync(join(tmpdir(), 'percorso-faults-'));
    devtoolsPort = await freePort();
    supervisor = new Supervisor({
      url: stationUrl(BASE, 'workers-journey'),
      server: nodeServer({ url: BASE, output: 'ignore' }),
      launch: chromiumLauncher({
        executable: CHROMIUM_PATH,
        flags: chromiumFlags({
          profileDir: profile,
          headless: true,
          noSandbox: process.getuid?.() === 0,
          extra: [...CHROMIUM_ARGS, `--remote-debugging-port=${devtoolsPort}`, '--window-size=1280,800'],
        }),
        profileDir: profile,
        startTimeoutMs: 30_000,
        closeTimeoutMs: 3000,
      }),
      log: (entry) => entries.push({ ...entry, t: Date.now() }),
      timings: { graceMs: 45_000, serverReadyMs: 60_000 },
    });
    // Beats are read off the supervisor: each new one is timed here, to 20 ms.
    let seen = 0;
    poll = setInterval(() => {
      const status = supervisor.status();
      if (status.heartbeats > seen) {
        seen = status.heartbeats;
        beats.push({ t: Date.now(), screen: status.lastHeartbeat?.screen ?? null });
      }
    }, 20);
    const started = Date.now();
    await supervisor.start();
    const attract = await attractAfter(started, LIMIT_RELAUNCH_MS, 'first start');
    console.log(`faults: server and Chromium up, attract loop after ${attract - started} ms`);
    // The service worker holds the app, as on a kiosk after its first boot (the station's audio
    // goes on filling its cache in the background).
    const page = await station();
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
        timeout: 60_000,
      })
      .toBe('activated');
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
      .toBe(true);
  });

  test.afterAll(async () => {
    clearInterval(poll);
    await disconnect();
    await supervisor?.stop('end of the faults suite');
    if (profile) rmSync(profile, { recursive: true, force: true });
    mkdirSync('test-results', { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`);
    if (process.env.FAULTS_RESULTS === '1' && Object.keys(figures).length > 0) {
      mergeResults(
        Object.fromEntries(
          Object.entries(figures).map(([name, f]) => [
            `fault-recovery-s:${name}`,
            { value: f.value, unit: 's', goal: `<= ${f.goal}`, met: f.value <= f.goal },
          ]),
        ),
      );
    }
  });

  test('a renderer crash mid-visit: the supervisor opens the station again', async () => {
    const page = await station();
    await visit(page);
    const before = await counts(page);
    const cdp = await page.context().newCDPSession(page);
    const crashed = Date.now();
    // What chrome://crash does: the renderer dies, the browser stays.
    await cdp.send('Page.crash').catch(() => {});
    const back = await attractAfter(crashed, LIMIT_RESTART_MS, 'renderer crash');
    const reopened = logged(crashed, 'reload');
    expect(logged(crashed, 'crash'), 'the supervisor saw the crash').toBeTruthy();
    expect(reopened, 'and opened the station again').toBeTruthy();
    expect(logged(crashed, 'relaunch'), 'without relaunching Chromium').toBeUndefined();
    record(
      'renderer-crash',
      back - (reopened?.t ?? crashed),
      GOAL_RESTART_S,
      `${back - crashed} ms from the crash`,
    );
    await disconnect();
    const again = await station();
    await again.locator('percorso-app[data-screen="attract"]').waitFor();
    keptAll(before, await counts(again));
    await expect.poll(async () => (await staffSees(again)).supervisor).toContain('crash');
  });

  test('a GPU process crash mid-visit: the station returns to the attract loop and draws again', async () => {
    const page = await station();
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    await visit(page);
    const journey = page.locator('percorso-journey');
    // Into the first place, so that a scene is on the GPU when it goes.
    const next = journey.locator('pc-big-button[name="continue:"]').first();
    await next.click();
    await next.click();
    await expect(journey).toHaveAttribute('data-stage-ready', /.+/, { timeout: 20_000 });
    const before = await counts(page);
    const cdp = await page.context().browser()?.newBrowserCDPSession();
    const crashed = Date.now();
    await cdp?.send('Browser.crashGpuProcess' as never).catch(() => {});
    const back = await attractAfter(crashed, LIMIT_RESTART_MS, 'GPU process crash');
    record('gpu-crash', back - crashed, GOAL_RESTART_S, 'no restart: the page handles the lost context');
    keptAll(before, await counts(page));
    expect((await staffSees(page)).errors.join('\n')).toContain('lost its WebGL context');
    // The next visitor sees the places again: the context came back (or the page reloaded).
    const after = await station();
    await visit(after);
    const nextAfter = after.locator('percorso-journey pc-big-button[name="continue:"]').first();
    await nextAfter.click();
    await nextAfter.click();
    await expect(after.locator('percorso-journey')).toHaveAttribute('data-stage-ready', /.+/, {
      timeout: 30_000,
    });
    const reloaded = (await after.evaluate(() => performance.timeOrigin)) !== timeOrigin;
    console.log(`fault gpu-crash: the next visit drew ${reloaded ? 'after a reload' : 'without a reload'}`);
    await after.locator('percorso-journey pc-big-button[name="exit"]').click();
    await after.locator('percorso-app[data-screen="attract"]').waitFor();
  });

  test('SIGKILL of the browser mid-visit: the supervisor relaunches it', async () => {
    const page = await station();
    await visit(page);
    const before = await counts(page);
    const pid = supervisor.status().pid as number;
    const killed = Date.now();
    process.kill(-pid, 'SIGKILL');
    await disconnect();
    const back = await attractAfter(killed, LIMIT_RELAUNCH_MS, 'SIGKILL mid-visit');
    expect(logged(killed, 'relaunch')?.reason).toMatch(/Chromium exited|closed/);
    expect(supervisor.status().pid).not.toBe(pid);
    record('sigkill-visit', back - killed, GOAL_RELAUNCH_S, 'including the Chromium relaunch');
    const again = await station();
    keptAll(before, await counts(again));
    await expect.poll(async () => (await staffSees(again)).supervisor).toContain('relaunch');
  });

  test('SIGKILL of the browser mid-sync: nothing lost, nothing doubled in the register', async () => {
    test.setTimeout(120_000);
    const { stdout } = await run('npx', ['tsx', 'scripts/register-device.ts', '--name', 'faults kiosk'], {
      env: { ...process.env, DATA_DIR, DATABASE_URL: '' },
    });
    const token = /token: (\S+)/.exec(stdout)?.[1] as string;
    expect(token).toBeTruthy();
    let page = await station();
    const device = await withRecords(page, async (r) => r.deviceId);
    // Visitors of a morning, not yet sent: several batches' worth.
    await withRecords(page, async (r) => {
      for (let i = 0; i < 1200; i++) await r.addAttendance({ kind: 'tally', delta: 1, reason: `f${i}` });
    });
    const local = await withRecords(page, (r) => r.countOf('attendance'));
    // A slow uplink, so the kill lands between batches rather than after the last.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 1_000_000,
      uploadThroughput: 60_000,
    });
    await withRecords(
      page,
      async (r, token: string) => {
        await r.setSetting('registerToken', token);
        (
          document.querySelector('percorso-app') as unknown as { services: { sync: { syncNow(): void } } }
        ).services.sync.syncNow();
      },
      token,
    );
    await expect
      .poll(() => registerCount(device).rows, { timeout: 30_000, intervals: [10] })
      .toBeGreaterThan(0);
    const partial = registerCount(device).rows;
    expect(partial, 'the kill lands mid-sync').toBeLessThan(local);
    const pid = supervisor.status().pid as number;
    const killed = Date.now();
    process.kill(-pid, 'SIGKILL');
    await disconnect();
    const back = await attractAfter(killed, LIMIT_RELAUNCH_MS, 'SIGKILL mid-sync');
    record(
      'sigkill-sync',
      back - killed,
      GOAL_RELAUNCH_S,
      `killed with ${partial} of ${local} records in the register`,
    );
    page = await station();
    expect(await withRecords(page, (r) => r.countOf('attendance')), 'every saved record is still there').toBe(
      local,
    );
    // The relaunched kiosk resumes by itself: every record once, none twice.
    await expect.poll(() => withRecords(page, (r) => r.unsyncedCount()), { timeout: 60_000 }).toBe(0);
    expect(registerCount(device)).toEqual({ rows: local, ids: local });
  });

  test('the server gone: the station boots from its cache and syncs what it kept once it is back', async () => {
    test.setTimeout(120_000);
    let page = await station();
    const device = await withRecords(page, async (r) => r.deviceId);
    const serverPid = supervisor.status().serverPid as number;
    const gone = Date.now();
    process.kill(-serverPid, 'SIGKILL');
    // Offline too, so that the server the supervisor restarts cannot answer this page either.
    await page.context().setOffline(true);
    // Timed from the page this time: a beat of the old page could land after the reload began.
    const reloaded = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.locator('percorso-app[data-screen="attract"]').waitFor({ timeout: LIMIT_RESTART_MS });
    record(
      'server-gone',
      Date.now() - reloaded,
      GOAL_RESTART_S,
      'a reload served by the service worker alone',
    );
    page = await station();
    // A visitor comes while it is gone: the visit runs, its check-in is kept.
    await visit(page);
    await page.locator('percorso-journey pc-big-button[name="exit"]').click();
    await page.locator('percorso-app[data-screen="attract"]').waitFor();
    const local = await withRecords(page, (r) => r.countOf('attendance'));
    expect(await withRecords(page, (r) => r.unsyncedCount())).toBeGreaterThan(0);
    await expect.poll(() => logged(gone, 'server-restart'), { timeout: 30_000 }).toBeTruthy();
    await page.context().setOffline(false);
    await expect.poll(() => withRecords(page, (r) => r.unsyncedCount()), { timeout: 60_000 }).toBe(0);
    expect(registerCount(device)).toEqual({ rows: local, ids: local });
    // The register's kiosk view has what the supervisor did on this station.
    await expect
      .poll(() => supervisorReported('faults kiosk'), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['crash', 'reload', 'relaunch']));
  });

  test('storage full: visits go on, nothing saved is lost, staff are told', async () => {
    const page = await station();
    const cdp = await page.context().newCDPSession(page);
    // The browser's quota shrunk to nothing: writes are refused once the database must grow (a
    // write that fits in pages it already has may still pass, as on a real full disk).
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 1 });
    try {
      // Something fills the rest (Chromium grants each database some space ahead of a quota
      // check, so a byte of quota alone is not yet full): megabytes into another database of the
      // same origin until the browser refuses, then the station's own writes are refused too.
      const filled = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('faults-filler', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('junk');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const megabyte = 'x'.repeat(1 << 20);
        let error: string | null = null;
        let written = 0;
        for (; written < 400 && !error; written++) {
          error = await new Promise<string | null>((resolve) => {
            const tx = db.transaction('junk', 'readwrite');
            tx.objectStore('junk').put(megabyte, written);
            tx.oncomplete = () => resolve(null);
            tx.onabort = () => resolve(String(tx.error?.name ?? 'aborted'));
          });
        }
        db.close();
        return { written, error };
      });
      console.log(`fault storage-full: ${filled.written} MB written, then: ${filled.error}`);
      // Chromium 156 does not always enforce an overridden quota (its usage figures are cached per
      // storage partition): where 400 MB still fit, this run cannot make storage full, and says so
      // rather than pass. Where it refuses, everything below must hold.
      test.skip(
        filled.error === null,
        `Chromium accepted ${filled.written} MB over a 1-byte quota: storage could not be made full in this run`,
      );
      expect(filled.error, 'the browser refused a write').toMatch(/Quota/i);
      const refused = await withRecords(page, (r) =>
        r.addAttendance({ kind: 'tally', delta: 1, reason: 'after full' }).then(
          () => null,
          (error: unknown) => String(error),
        ),
      );
      expect(refused, "the station's own write is refused too").toMatch(/full|quota/i);
      const before = await counts(page);
      await page.mouse.click(640, 200);
      await page.locator('percorso-app[data-screen="journey"]').waitFor();
      await expect
        .poll(async () => (await staffSees(page)).alerts, { timeout: 10_000 })
        .toContain('storage-failed');
      await expect(page.locator('percorso-app')).toHaveAttribute('data-alert', '');
      const exited = Date.now();
      await page.locator('percorso-journey pc-big-button[name="exit"]').click();
      const back = await attractAfter(exited, LIMIT_RESTART_MS, 'quick exit with storage full');
      record(
        'storage-full',
        back - exited,
        GOAL_RESTART_S,
        'quick exit of a visit whose check-in could not be saved',
      );
      keptAll(before, await counts(page));
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN });
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const request = indexedDB.deleteDatabase('faults-filler');
            request.onsuccess = request.onerror = request.onblocked = () => resolve(null);
          }),
      );
    }
    // Space again: the next visitor is counted.
    await visit(page);
    await page.locator('percorso-journey pc-big-button[name="exit"]').click();
    await page.locator('percorso-app[data-screen="attract"]').waitFor();
  });

  for (const [name, jump] of [
    ['clock-forward', YEAR_MS],
    ['clock-back', -YEAR_MS],
  ] as const) {
    test(`the clock jumped ${jump > 0 ? 'a year forward' : 'a year back'} mid-visit: the visit goes on, staff are told, records stay in order`, async () => {
      const page = await station();
      if (name === 'clock-forward') {
        await page.clock.install();
        await page.reload();
      } else {
        // Back to the true date first (a jump the shell reports too), so this one lands a year
        // before today, earlier than every record on the kiosk.
        await page.clock.setSystemTime(Date.now());
        await page.clock.runFor(31_000);
      }
      await page.locator('percorso-app[data-screen="attract"]').waitFor({ timeout: 20_000 });
      const before = await counts(page);
      await visit(page);
      await page.clock.setSystemTime(Date.now() + jump);
      // The shell compares the wall clock with the monotonic one every 30 s.
      await page.clock.runFor(31_000);
      await expect.poll(async () => (await staffSees(page)).alerts).toContain('clock-jump');
      expect((await staffSees(page)).errors.at(-1)).toContain(
        jump > 0 ? 'forward by 1 year' : 'back by 1 year',
      );
      await expect(page.locator('percorso-app'), 'the visit goes on').toHaveAttribute(
        'data-screen',
        'journey',
      );
      const exited = Date.now();
      await page.locator('percorso-journey pc-big-button[name="exit"]').click();
      const back = await attractAfter(exited, LIMIT_RESTART_MS, `${name}: quick exit`);
      record(name, back - exited, GOAL_RESTART_S, 'quick exit of a visit the jump landed in');
      // A record made after the jump comes after the ones before it, whatever its date says.
      await visit(page);
      const seqs = await withRecords(page, async (r) => (await r.attendance()).map((a) => a.seq));
      keptAll(before, await counts(page));
      expect(Math.max(...seqs)).toBe(seqs.at(-1));
      await page.locator('percorso-journey pc-big-button[name="exit"]').click();
      await page.locator('percorso-app[data-screen="attract"]').waitFor();
    });
  }
});
