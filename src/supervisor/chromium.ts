// The real browser behind the supervisor's `StationBrowser` interface: finds Chromium, clears
// the profile's crash marker, starts it on `about:blank` with the DevTools pipe, attaches to the
// page, installs the heartbeat binding and only then opens the station, so the page's first
// heartbeat already finds the binding. Bindings added without an execution context stay on the
// target across reloads, navigations and a renderer crash (checked on Chromium 156); a relaunch
// is a new target and gets them again here.

import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { HEARTBEAT_BINDING, SUPERVISOR_LOG_FUNCTION, type SupervisorEntry } from '../contracts/supervisor.ts';
import { type CdpConnection, spawnWithPipe } from './cdp-pipe.ts';
import { FIRST_PAGE } from './flags.ts';
import { type MarkerResult, markCleanExit } from './profile.ts';
import type { BrowserEvents, LaunchBrowser, StationBrowser } from './supervisor.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Raspberry Pi OS and older Ubuntu name it so. */
const OTHER_NAMES = ['chromium', 'chromium-browser'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to run: `requested`, else /usr/bin/chromium, else `chromium-browser` on PATH. */
export function findChromium(
  requested: string | undefined,
  path = process.env.PATH ?? '',
  preferred = DEFAULT_CHROMIUM,
): string {
  if (requested) {
    if (isExecutable(requested)) return requested;
    throw new Error(
      `No Chromium at ${requested} (--chromium). Give the path of an installed Chromium, or leave --chromium out to use ${DEFAULT_CHROMIUM}.`,
    );
  }
  if (isExecutable(preferred)) return preferred;
  for (const name of OTHER_NAMES) {
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && isExecutable(candidate)) return candidate;
    }
  }
  throw new Error(
    'Chromium is not installed: install it with "sudo apt-get install chromium" ' +
      '(on Raspberry Pi OS: "sudo apt-get install chromium-browser"), or pass --chromium /path/to/chromium.',
  );
}

export interface ChromiumLauncherOptions {
  executable: string;
  /** From chromiumFlags(); must include --remote-debugging-pipe and --user-data-dir. */
  flags: readonly string[];
  profileDir: string;
  /** Chromium's own stdout/stderr: to ours (a terminal, the journal) or kept only for errors. */
  output?: 'inherit' | 'pipe';
  /** Starting Chromium and finding its page (slow disks, a Pi on a cold boot). */
  startTimeoutMs?: number;
  /** How long `Browser.close` may take before the process is killed. */
  closeTimeoutMs?: number;
  /** Told what happened to the crash marker before each launch. */
  onMarker?: (result: MarkerResult | { status: 'failed'; error: string }) => void;
}

const STDERR_TAIL_LINES = 20;

/** `launch` for the supervisor: each call starts a fresh Chromium and opens `url` in it. */
export function chromiumLauncher(options: ChromiumLauncherOptions): LaunchBrowser {
  return (url, events) => launchChromium(url, events, options);
}

async function launchChromium(
  url: string,
  events: BrowserEvents,
  options: ChromiumLauncherOptions,
): Promise<StationBrowser> {
  try {
    options.onMarker?.(markCleanExit(options.profileDir));
  } catch (error) {
    // A read-only or full disk must not keep the station dark: start with the bubble instead.
    options.onMarker?.({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
  const { child, cdp } = spawnWithPipe(options.executable, [...options.flags, FIRST_PAGE], {
    output: options.output ?? 'pipe',
  });
  const tail: string[] = [];
  const keepTail = (chunk: Buffer) => {
    // Debian's Chromium complains about D-Bus on every start: noise that would hide the cause.
    tail.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.includes('dbus')),
    );
    tail.splice(0, Math.max(0, tail.length - STDERR_TAIL_LINES));
  };
  child.stderr?.on('data', keepTail);
  child.stdout?.on('data', () => {});

  let started = false;
  let exitedHow: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`Chromium could not start: ${error.message}`));
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
  });
  void exited.then((how) => {
    exitedHow = how;
    if (started) events.exited(`Chromium exited (${how})`);
  });

  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  try {
    const session = await Promise.race([
      attachToStation(cdp, url, startTimeoutMs),
      exited.then((how) => {
        throw new Error(`Chromium exited while starting (${how})`);
      }),
    ]);
    started = true;
    return new ChromiumStation(child.pid ?? -1, cdp, session, events, () => exited, {
      kill: () => killGroup(child.pid, () => child.kill('SIGKILL')),
      closeTimeoutMs: options.closeTimeoutMs ?? 5000,
    });
  } catch (error) {
    killGroup(child.pid, () => child.kill('SIGKILL'));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    // "Exited while starting (code 1)" says more than the closed pipe that announced it.
    const cause = exitedHow
      ? `Chromium exited while starting (${exitedHow})`
      : error instanceof Error
        ? error.message
        : String(error);
    const detail = tail.length > 0 ? `; its last output: ${tail.slice(-3).join(' | ')}` : '';
    throw new Error(`${cause}${detail}`);
  }
}

/** SIGKILL to Chromium's process group (renderers and GPU process too), else to the browser alone. */
function killGroup(pid: number | undefined, fallback: () => void): void {
  try {
    if (pid === undefined) throw new Error('no pid');
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}

interface PageSession {
  targetId: string;
  sessionId: string;
}

async function attachToStation(cdp: CdpConnection, url: string, timeoutMs: number): Promise<PageSession> {
  const deadline = Date.now() + timeoutMs;
  // Crash events for every target come through the browser session.
  await cdp.send('Target.setDiscoverTargets', { discover: true }, { timeoutMs });
  let targetId: string | undefined;
  while (!targetId) {
    const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string }[] }>(
      'Target.getTargets',
    );
    targetId = targetInfos.find((target) => target.type === 'page')?.targetId;
    if (!targetId) {
      if (Date.now() > deadline) throw new Error(`Chromium opened no page within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  const onPage = { sessionId };
  // Runtime must be enabled for a binding to exist in the page at all.
  await cdp.send('Runtime.enable', {}, onPage);
  await cdp.send('Runtime.addBinding', { name: HEARTBEAT_BINDING }, onPage);
  await cdp.send('Inspector.enable', {}, onPage);
  await cdp.send('Page.enable', {}, onPage);
  await cdp.send('Page.navigate', { url }, { ...onPage, timeoutMs });
  return { targetId, sessionId };
}

class ChromiumStation implements StationBrowser {
  /** Both Inspector.targetCrashed and Target.targetCrashed arrive for one crash: report it once. */
  private crashReported = false;

  constructor(
    readonly pid: number,
    private readonly cdp: CdpConnection,
    private readonly page: PageSession,
    events: BrowserEvents,
    private readonly exited: () => Promise<string>,
    private readonly process: { kill(): void; closeTimeoutMs: number },
  ) {
    const crashed = (why: string) => {
      if (this.crashReported) return;
      this.crashReported = true;
      events.crashed(why);
    };
    cdp.on('Runtime.bindingCalled', (params, sessionId) => {
      if (sessionId === page.sessionId && params.name === HEARTBEAT_BINDING) {
        events.heartbeat(typeof params.payload === 'string' ? params.payload : '');
      }
    });
    cdp.on('Inspector.targetCrashed', (_params, sessionId) => {
      if (sessionId === page.sessionId) crashed('the page renderer crashed');
    });
    cdp.on('Inspector.targetReloadedAfterCrash', (_params, sessionId) => {
      if (sessionId === page.sessionId) this.crashReported = false;
    });
    cdp.on('Target.targetCrashed', (params) => {
      if (params.targetId === page.targetId) {
        crashed(`the page renderer ${params.status ?? 'crashed'} (error code ${params.errorCode ?? '?'})`);
      }
    });
    cdp.on('Target.targetDestroyed', (params) => {
      // The station's window is gone but the browser lives on: only a relaunch brings it back.
      if (params.targetId === page.targetId) events.exited('the station page was closed');
    });
  }

  async reload(): Promise<void> {
    const onPage = { sessionId: this.page.sessionId };
    // A page stuck in a script loop cannot be reloaded: the navigation waits for the renderer's
    // main thread. Runtime.terminateExecution is delivered as a V8 interrupt, so it reaches a
    // spinning page and stops the script; then the reload goes through.
    await this.cdp.send('Runtime.terminateExecution', {}, { ...onPage, timeoutMs: 2000 }).catch(() => {});
    await this.cdp.send('Page.reload', { ignoreCache: false }, onPage);
  }

  async navigate(url: string): Promise<void> {
    await this.cdp.send('Page.navigate', { url }, { sessionId: this.page.sessionId });
  }

  async deliver(entries: readonly SupervisorEntry[]): Promise<boolean> {
    const fn = `window.${SUPERVISOR_LOG_FUNCTION}`;
    const expression = `typeof ${fn} === 'function' && ${fn}(${JSON.stringify(entries)}) === true`;
    try {
      const { result } = await this.cdp.send<{ result: { value?: unknown } }>(
        'Runtime.evaluate',
        { expression, returnByValue: true },
        { sessionId: this.page.sessionId, timeoutMs: 5000 },
      );
      return result.value === true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const gone = this.exited();
    // Browser.close writes the profile's exit marker as a clean exit; a hung browser is killed.
    await this.cdp.send('Browser.close', {}, { timeoutMs: this.process.closeTimeoutMs }).catch(() => {});
    const closed = await Promise.race([
      gone.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), this.process.closeTimeoutMs)),
    ]);
    if (!closed) {
      this.process.kill();
      await gone;
    }
  }

  async kill(): Promise<void> {
    const gone = this.exited();
    this.process.kill();
    await gone;
  }
}
