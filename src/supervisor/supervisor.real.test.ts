// The supervisor with a real Chromium (headless) over the real DevTools pipe, against a tiny
// station page served from this test that beats like src/kiosk/heartbeat.ts, at short intervals:
// heartbeats arrive and the log reaches the page; a killed renderer is reopened; a hung page is
// reloaded; a killed browser is relaunched with its crash marker cleared; and `npm run kiosk`
// itself closes Chromium and logs `exit` on SIGTERM.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisorAction, SupervisorEntry } from '../contracts/supervisor.ts';
import { ActionLog } from './action-log.ts';
import { chromiumLauncher } from './chromium.ts';
import { chromiumFlags, stationUrl } from './flags.ts';
import { preferencesPath } from './profile.ts';
import { REPO_ROOT } from './server-child.ts';
import { Supervisor } from './supervisor.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(
    `Skipping the real supervisor tests: no Chromium at ${CHROMIUM}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}
const AS_ROOT = process.getuid?.() === 0;
const BEAT_MS = 200;

/** The station page: beats like src/kiosk/heartbeat.ts, hangs when /mode says so, reports deliveries. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>station</title>
<script>
  const beat = () => window.percorsoHeartbeat?.(JSON.stringify({
    screen: 'attract', heapUsed: performance.memory?.usedJSHeapSize ?? null, lastError: null,
    at: new Date().toISOString() }));
  window.percorsoSupervisorLog = (entries) => {
    fetch('/received', { method: 'POST', body: JSON.stringify(entries) });
    return true;
  };
  beat();
  setInterval(async () => {
    if ((await (await fetch('/mode')).text()) === 'hang') for (;;) {}
    beat();
  }, ${BEAT_MS});
</script>`;

/** Waits until `check` is true, polling; fails with `what` after `timeoutMs`. */
async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Chromium's renderers for web pages (not its own UI), found in its process group. */
function pageRenderers(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('--type=renderer') && !line.includes('--top-chrome-webui'))
    .map((line) => Number.parseInt(line.trim(), 10));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!HAVE_CHROMIUM)('supervisor with a real Chromium', { timeout: 30_000 }, () => {
  let server: Server;
  let base: string;
  let dir: string;
  let profile: string;
  let snapshots: string;
  let supervisor: Supervisor;
  let mode: 'ok' | 'hang-once' = 'ok';
  const received: SupervisorEntry[] = [];
  /** What the launcher did to the crash marker, launch by launch. */
  const markers: string[] = [];
  const entries: SupervisorEntry[] = [];
  const actionsSince = (mark: number) => entries.slice(mark).map((entry) => entry.action);
  const logged = (mark: number, ...actions: SupervisorAction[]) => {
    // In this order, other entries allowed between (a slow machine may miss a beat now and then).
    let from = mark;
    for (const action of actions) {
      const at = entries.findIndex((entry, i) => i >= from && entry.action === action);
      if (at === -1) return false;
      from = at + 1;
    }
    return true;
  };
  const beatsAfter = async (what: string, count = 3) => {
    const start = supervisor.status().heartbeats;
    await until(
      what,
      () => supervisor.status().state === 'running' && supervisor.status().heartbeats >= start + count,
    );
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/mode') {
        const answer = mode === 'hang-once' ? 'hang' : 'ok';
        mode = 'ok'; // one page hangs; the reloaded one beats again
        response.end(answer);
      } else if (request.url === '/received' && request.method === 'POST') {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          received.push(...(JSON.parse(body) as SupervisorEntry[]));
          response.end();
        });
      } else {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(PAGE);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    dir = mkdtempSync(join(tmpdir(), 'percorso-supervisor-'));
    profile = join(dir, 'profile');
    snapshots = join(dir, 'preferences-at-launch');
    mkdirSync(snapshots);
    // A Chromium that first copies the Preferences it is about to read: proof the marker was cleared.
    const wrapper = join(dir, 'chromium');
    writeFileSync(
      wrapper,
      `#!/bin/sh\ncp "${preferencesPath(profile)}" "${snapshots}/$(date +%s%N).json" 2>/dev/null\nexec "${CHROMIUM}" "$@"\n`,
    );
    chmodSync(wrapper, 0o755);

    const log = new ActionLog(join(dir, 'supervisor.log.jsonl'));
    supervisor = new Supervisor({
      url: stationUrl(base, 'workers-journey'),
      launch: chromiumLauncher({
        executable: wrapper,
        flags: chromiumFlags({
          profileDir: profile,
          headless: true,
          noSandbox: AS_ROOT,
          extra: ['--enable-unsafe-swiftshader'],
        }),
        profileDir: profile,
        startTimeoutMs: 20_000,
        onMarker: (result) =>
          markers.push(result.status === 'cleared' ? `cleared ${result.was}` : result.status),
        closeTimeoutMs: 3000,
      }),
      log: (entry) => {
        entries.push(entry);
        log.append(entry);
      },
      timings: { heartbeatMs: BEAT_MS, missedHeartbeats: 3, graceMs: 10_000 },
    });
    await supervisor.start();
  }, 30_000);

  afterAll(async () => {
    await supervisor?.stop('end of test');
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 15_000);

  it('receives the page heartbeats and hands its log to the page', async () => {
    await beatsAfter('heartbeats', 5);
    expect(supervisor.status().lastHeartbeat).toMatchObject({ screen: 'attract', lastError: null });
    expect(entries[0]).toMatchObject({ action: 'launch' });
    await until('the page to receive the log', () => received.some((entry) => entry.action === 'launch'));
    const file = readFileSync(join(dir, 'supervisor.log.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(file[0] as string)).toEqual(entries[0]);
  });

  it('opens the station again when the renderer is killed', async () => {
    const mark = entries.length;
    const { pid } = supervisor.status();
    const renderers = pageRenderers(pid as number);
    expect(renderers.length).toBeGreaterThan(0);
    for (const renderer of renderers) process.kill(renderer, 'SIGKILL');
    await until('crash and reload', () => logged(mark, 'crash', 'reload'));
    await beatsAfter('heartbeats after the crash');
    expect(supervisor.status().pid).toBe(pid); // same browser: only the page was reopened
    expect(actionsSince(mark)).not.toContain('relaunch');
  });

  it('reloads a page that stops beating', async () => {
    const mark = entries.length;
    const { pid } = supervisor.status();
    mode = 'hang-once'; // the page's next look at /mode spins for ever
    await until('missed heartbeats and a reload', () => logged(mark, 'missed-heartbeats', 'reload'));
    expect(entries.find((entry, i) => i >= mark && entry.action === 'missed-heartbeats')?.reason).toContain(
      '3 missed in a row',
    );
    await beatsAfter('heartbeats after the reload');
    expect(supervisor.status().pid).toBe(pid); // Page.reload was enough: no relaunch
    expect(actionsSince(mark)).not.toContain('relaunch');
  });

  it('relaunches a killed Chromium, with the crash marker cleared first', async () => {
    const mark = entries.length;
    const { pid } = supervisor.status();
    // As after a power cut: the profile says the last run crashed.
    const path = preferencesPath(profile);
    const prefs = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
    writeFileSync(
      path,
      JSON.stringify({
        ...prefs,
        profile: { ...prefs.profile, exit_type: 'Crashed', exited_cleanly: false },
      }),
    );
    const launchesBefore = readdirSync(snapshots).length;
    const markersBefore = markers.length;
    process.kill(pid as number, 'SIGKILL');
    await until('relaunch and launch', () => logged(mark, 'relaunch', 'launch'));
    await beatsAfter('heartbeats after the relaunch');
    expect(supervisor.status().pid).not.toBe(pid);
    expect(entries.find((entry, i) => i >= mark && entry.action === 'relaunch')?.reason).toMatch(
      /Chromium exited \(signal SIGKILL\)|the station page was closed/,
    );
    // What the new Chromium found on disk when it started:
    expect(markers.slice(markersBefore)).toEqual(['cleared Crashed']);
    const seen = readdirSync(snapshots).sort();
    expect(seen.length).toBe(launchesBefore + 1);
    const atLaunch = JSON.parse(readFileSync(join(snapshots, seen.at(-1) as string), 'utf8'));
    expect(atLaunch.profile).toMatchObject({ exit_type: 'Normal', exited_cleanly: true });
  });

  it('npm run kiosk closes Chromium and logs exit on SIGTERM', async () => {
    const cliDir = join(dir, 'cli');
    const logFile = join(cliDir, 'supervisor.log.jsonl');
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'scripts', 'kiosk.ts'),
        '--station',
        'workers-journey',
        '--url',
        base,
        '--headless',
        '--chromium',
        CHROMIUM,
        '--profile',
        join(cliDir, 'profile'),
        '--log',
        logFile,
      ],
      { cwd: REPO_ROOT, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const lines = () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as SupervisorEntry)
        : [];
    await until(
      'the kiosk command to launch Chromium',
      () => lines().some((entry) => entry.action === 'launch'),
      20_000,
    );
    const launched = lines().find((entry) => entry.action === 'launch');
    const browserPid = Number(/Chromium (\d+)/.exec(launched?.reason ?? '')?.[1]);
    expect(alive(browserPid)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines().at(-1)).toMatchObject({ action: 'exit', reason: 'SIGTERM' });
    await until('Chromium to be gone', () => !alive(browserPid), 5000);
    // Browser.close is a clean exit: nothing to restore next time.
    const prefs = JSON.parse(readFileSync(preferencesPath(join(cliDir, 'profile')), 'utf8'));
    expect(prefs.profile).toMatchObject({ exit_type: 'Normal' });
  });
});
