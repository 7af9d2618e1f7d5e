// Records survive a browser killed mid-write: Debian's Chromium on a persistent profile is
// SIGKILLed at random moments while the app appends attendance records one after another;
// relaunched on the same profile, every record the app called saved is there and the
// sequence numbers run 1..N with no gap and no double. Playwright's persistent contexts do
// not give us the browser's pid, so the browser is started here and reached over CDP.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import type { Records } from '../../src/records/records.ts';
import { seeded as prng } from '../../src/stage/seeded.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_URL } from './chromium.ts';

/** Records the app must have called saved before the final check. */
const TARGET_SAVED = 100;
/** A safety net: writes this slow would make the test run long, and say something is wrong. */
const MAX_LAUNCHES = 40;
/**
 * Longest wait, once writing, before the kill: a launch then writes from a handful to a few
 * dozen records, so 100 take several kills (about 6 to 14 in a 30-55 s run on 2 cores).
 */
const MAX_KILL_DELAY_MS = 600;
/** Prefix of the console lines the page's write loop reports through. */
const REPORT = 'records-kill:';

/**
 * Every browser this file started and has not seen die, for afterAll: a test that times out is
 * abandoned mid-await, its finally never runs, and a detached browser would outlive the run.
 */
const running = new Set<ChildProcess>();
let stopped = false;

interface Launched {
  child: ChildProcess;
  page: Page;
}

/** Starts Chromium on the profile in its own process group and opens the station in it. */
async function launch(profile: string, onReport: (line: string) => void): Promise<Launched> {
  if (stopped) throw new Error('the test is over');
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--window-size=1280,800',
      'about:blank',
    ],
    // Its own group: /usr/bin/chromium is a wrapper script and the browser has helper processes,
    // and the kill must take all of them at once, like a power cut would.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(child);
  // The port is picked by Chromium (0 above) and printed on stderr; the DevToolsActivePort file
  // would be there too, but a killed browser leaves the previous launch's one behind.
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium printed no DevTools endpoint:\n${seen}`)),
      20_000,
    );
    // Read stderr to the end, or a chatty browser blocks on a full pipe.
    child.stderr?.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4000);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before it listened:\n${seen}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  // Console lines, not an exposed function: those are fire-and-forget, while a binding's round
  // trip through the busy renderer took longer than the write itself on a 2-core machine.
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(REPORT)) onReport(text.slice(REPORT.length));
  });
  await page.goto(`${E2E_URL}/?kiosk=workers-journey`);
  await page.locator('percorso-app[data-screen="attract"]').waitFor({ timeout: 20_000 });
  return { child, page };
}

/** Processes of the group that are not yet dead (zombies wait for a reaper, but write nothing). */
async function liveInGroup(pgid: number): Promise<number[]> {
  const live: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') live.push(Number(entry));
  }
  return live;
}

/** SIGKILLs the whole group and waits until none of it runs: the next launch needs the profile. */
async function killHard(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while ((await liveInGroup(pgid)).length > 0) {
    if (Date.now() > deadline) throw new Error(`Chromium's group ${pgid} survived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  running.delete(child);
}

/**
 * Starts, in the page, appends one after another: each reported before it starts and when it
 * resolves, which is when the staff panel shows "Salvato".
 */
function startWriting(page: Page, launchNo: number): Promise<void> {
  return page.evaluate(
    async ({ report, launchNo }) => {
      const app = document.querySelector('percorso-app') as unknown as {
        services: { records: () => Promise<Records> };
      };
      const records = await app.services.records();
      const tell = (line: string) => console.log(`${report}${line}`);
      void (async () => {
        for (let n = 1; ; n++) {
          // The tag in `reason` lets the final check tell which append a stored record came from.
          const tag = `L${launchNo}#${n}`;
          tell(`start ${tag}`);
          try {
            const saved = await records.addAttendance({ kind: 'tally', delta: 1, reason: tag });
            tell(`saved ${tag} ${saved.id} ${saved.seq}`);
          } catch (error) {
            tell(`failed ${tag} ${String(error)}`);
            return;
          }
        }
      })();
    },
    { report: REPORT, launchNo },
  );
}

let profile: string | undefined;

test.afterAll(async () => {
  stopped = true;
  await Promise.all([...running].map((child) => killHard(child).catch(() => {})));
  if (profile) await rm(profile, { recursive: true, force: true });
});

interface LaunchLog {
  started: string[];
  saved: Map<string, { id: string; seq: number }>;
  failed: string[];
}

test('records the app called saved survive SIGKILLs of the browser, with gapless sequences', async () => {
  test.setTimeout(120_000);
  const seed = Number(process.env.E2E_KILL_SEED ?? Math.floor(Math.random() * 2 ** 32));
  const random = prng(seed);
  console.log(`records-kill seed: ${seed} (replay with E2E_KILL_SEED=${seed})`);
  test.info().annotations.push({ type: 'seed', description: String(seed) });

  profile = await mkdtemp(path.join(tmpdir(), 'percorso-kill-'));
  const logs: LaunchLog[] = [];
  const savedCount = () => logs.reduce((sum, log) => sum + log.saved.size, 0);
  while (savedCount() < TARGET_SAVED) {
    expect(logs.length, `seed ${seed}: too many launches for ${TARGET_SAVED} records`).toBeLessThan(
      MAX_LAUNCHES,
    );
    const log: LaunchLog = { started: [], saved: new Map(), failed: [] };
    logs.push(log);
    const launchNo = logs.length;
    const { child, page } = await launch(profile, (line) => {
      const [what, tag = '', id = '', seq = ''] = line.split(' ');
      if (what === 'start') log.started.push(tag);
      else if (what === 'saved') log.saved.set(tag, { id, seq: Number(seq) });
      else log.failed.push(line);
    });
    await startWriting(page, launchNo);
    // Kill at a random moment once writes are under way, from right after the first commit
    // to a few dozen records in.
    await expect.poll(() => log.saved.size, { timeout: 10_000, intervals: [20] }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * MAX_KILL_DELAY_MS)));
    await killHard(child);
    expect(log.failed, `seed ${seed}: writes failed in launch ${launchNo}`).toEqual([]);
  }

  const { child, page } = await launch(profile, () => {});
  const stored = await page.evaluate(async () => {
    const app = document.querySelector('percorso-app') as unknown as {
      services: { records: () => Promise<Records> };
    };
    const records = await app.services.records();
    const attendance = await records.attendance();
    const reflections = await records.reflections();
    return {
      attendance: attendance.map((r) => ({ id: r.id, seq: r.seq, reason: 'reason' in r ? r.reason : '' })),
      reflectionSeqs: reflections.map((r) => r.seq),
      lastSeq: await records.lastSeq(),
    };
  });
  await killHard(child);
  const byId = new Map(stored.attendance.map((r) => [r.id, r]));
  // Every record the app called saved is there, with the sequence number it was given.
  for (const [launchNo, log] of logs.entries()) {
    for (const [tag, { id, seq }] of log.saved) {
      expect(byId.get(id), `seed ${seed}: ${tag} (launch ${launchNo + 1}) was saved but is missing`).toEqual({
        id,
        seq,
        reason: tag,
      });
    }
  }
  // Gapless and without doubles, across both record types that share the counter.
  const seqs = [...stored.attendance.map((r) => r.seq), ...stored.reflectionSeqs].sort((a, b) => a - b);
  const n = seqs.length;
  expect(seqs, `seed ${seed}: sequence numbers`).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(stored.lastSeq, `seed ${seed}: the counter`).toBe(n);
  expect(byId.size, `seed ${seed}: ids stored twice`).toBe(stored.attendance.length);
  // Only this test's appends carry a tag; anything the app wrote on its own is counted above.
  const tags = stored.attendance.map((r) => r.reason).filter((reason) => /^L\d+#/.test(reason));
  expect(new Set(tags).size, `seed ${seed}: an append stored twice`).toBe(tags.length);

  // Writes of a launch are one after another, so what it left is its first k appends: every
  // one it called saved, plus what was in flight when it was killed, committed or not. Console
  // lines arrive in order but the kill drops those still in transit, so the test saw a prefix
  // of start 1, saved 1, start 2, …: started is saved, or saved + 1 if it saw a write begin.
  let inFlight = 0;
  let committedUnreported = 0;
  let rolledBack = 0;
  for (const [index, log] of logs.entries()) {
    const launchNo = index + 1;
    const kept = tags.filter((tag) => tag.startsWith(`L${launchNo}#`));
    expect(kept, `seed ${seed}: launch ${launchNo} left a hole`).toEqual(
      Array.from({ length: kept.length }, (_, i) => `L${launchNo}#${i + 1}`),
    );
    expect(kept.length, `seed ${seed}: launch ${launchNo} lost saved records`).toBeGreaterThanOrEqual(
      log.saved.size,
    );
    expect(log.started.length - log.saved.size, `seed ${seed}: reports out of order`).toBeLessThanOrEqual(1);
    if (log.started.length > log.saved.size) inFlight++;
    if (kept.length > log.saved.size) committedUnreported++;
    if (log.started.length > kept.length) rolledBack++;
  }
  console.log(
    `records-kill: ${logs.length} kills, ${inFlight} with a write seen in flight; ` +
      `${committedUnreported} left a committed record the page had not reported saved yet, ` +
      `${rolledBack} a started append that never committed; ` +
      `${savedCount()} records called saved, ${n} stored`,
  );
  // Without kills that land between "append started" and "saved" the test would prove little.
  expect(inFlight, `seed ${seed}: kills that hit a write in flight`).toBeGreaterThanOrEqual(2);
});
