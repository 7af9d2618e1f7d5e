// The kiosk supervisor's state machine: keeps one station's Chromium showing a live page all day
// with nobody watching (issue 8). The page beats every 10 s (src/kiosk/heartbeat.ts); the ladder:
//
//   launching ──first heartbeat──▶ running ──3 beats missed──▶ loading (after a Page.reload)
//       ▲                           │  ▲                          │
//       │                 renderer  │  └───────heartbeat──────────┘
//       │                  crash ───┴──▶ loading (station opened again)
//       │                                         │ no heartbeat within the grace period
//       └──────────── relaunch (kill) ◀───────────┘
//   Chromium exits by itself → relaunch at once, or after a pause when it keeps exiting.
//
// Browser, server and clock come in through small interfaces (src/supervisor/chromium.ts and
// server-child.ts are the real ones), so the unit tests drive every rung with a fake browser and
// vitest's fake timers. Each action is one log entry `{at, action, reason, screen?}`, written to
// the log file by the caller and handed to the page after its next heartbeat.

import {
  HEARTBEAT_INTERVAL_MS,
  type PageHeartbeat,
  pageHeartbeatSchema,
  type SupervisorAction,
  type SupervisorEntry,
} from '../contracts/supervisor.ts';

/** What the supervisor is told by the browser it launched. */
export interface BrowserEvents {
  /** The page called the heartbeat binding (its JSON payload, unchecked). */
  heartbeat(payload: string): void;
  /** The page's renderer crashed; the browser itself is still running. */
  crashed(reason: string): void;
  /** The browser exited (or lost the station's page) without being asked to. */
  exited(reason: string): void;
}

/** One running browser showing the station. */
export interface StationBrowser {
  readonly pid: number;
  reload(): Promise<void>;
  navigate(url: string): Promise<void>;
  /** Hands log entries to the page; true once the page has stored them. */
  deliver(entries: readonly SupervisorEntry[]): Promise<boolean>;
  /** Asks the browser to close (a clean exit marker), killing it if it does not. */
  close(): Promise<void>;
  kill(): Promise<void>;
}

/** Starts a browser on `url`; resolves once the page is opening with the heartbeat binding in place. */
export type LaunchBrowser = (url: string, events: BrowserEvents) => Promise<StationBrowser>;

/** The local server (`--serve`), started as a child process. */
export interface StationServer {
  start(onExit: (reason: string) => void): { readonly pid: number; stop(): Promise<void> };
  /** Resolves true once the server answers, false after `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean>;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The system clock, looked up at each call so vitest's fake timers replace it. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SupervisorTimings {
  /** How often the page beats (src/kiosk/heartbeat.ts). */
  heartbeatMs: number;
  /** Beats missed in a row before a reload. */
  missedHeartbeats: number;
  /** After a launch, reload or crash: the first beat must come within this, or Chromium is relaunched. */
  graceMs: number;
  /** Chromium (or the server) exiting this many times within `exitWindowMs` is a crash loop… */
  exitLoopCount: number;
  exitWindowMs: number;
  /** …and the next start waits this long. */
  exitLoopPauseMs: number;
  /** How long the nightly restart waits for the attract loop before skipping that night. */
  nightlyWindowMs: number;
  /** How long the first launch waits for `--serve`'s server to answer. */
  serverReadyMs: number;
}

export const DEFAULT_TIMINGS: SupervisorTimings = {
  heartbeatMs: HEARTBEAT_INTERVAL_MS,
  missedHeartbeats: 3,
  graceMs: 60_000,
  exitLoopCount: 5,
  exitWindowMs: 120_000,
  exitLoopPauseMs: 30_000,
  nightlyWindowMs: 60 * 60_000,
  serverReadyMs: 60_000,
};

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface SupervisorOptions {
  /** The station's address, `…?kiosk=<name>` (flags.ts: stationUrl). */
  url: string;
  launch: LaunchBrowser;
  /** Where each action goes (the log file, the terminal). */
  log: (entry: SupervisorEntry) => void;
  server?: StationServer;
  nightlyRestart?: TimeOfDay;
  timings?: Partial<SupervisorTimings>;
  clock?: Clock;
}

type State =
  | { kind: 'idle' }
  | { kind: 'launching' }
  /** Waiting for the first heartbeat after a launch, a reload or a crash. */
  | { kind: 'loading'; after: 'launch' | 'reload' | 'crash' }
  | { kind: 'running' }
  /** A crash loop: the next launch waits. */
  | { kind: 'waiting' }
  | { kind: 'stopping' }
  | { kind: 'stopped' };

export type SupervisorStateName = State['kind'];

/** Remembers exits and says how many fell within the window (the crash-loop rule). */
export class ExitHistory {
  private times: number[] = [];

  constructor(private readonly windowMs: number) {}

  record(now: number): number {
    this.times = [...this.times.filter((t) => now - t < this.windowMs && t <= now), now];
    return this.times.length;
  }
}

/** The next moment (epoch ms) the local clock shows `at`, strictly after `now`. */
export function nextTimeOfDay(now: number, at: TimeOfDay): number {
  const next = new Date(now);
  next.setHours(at.hour, at.minute, 0, 0);
  if (next.getTime() <= now) {
    next.setDate(next.getDate() + 1);
    next.setHours(at.hour, at.minute, 0, 0); // again: the day may have crossed a DST change
  }
  return next.getTime();
}

export function formatTimeOfDay(at: TimeOfDay): string {
  return `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
}

/** A beat's payload, or undefined when the page sent something else (it still proves the page runs). */
export function parseHeartbeat(payload: string): PageHeartbeat | undefined {
  try {
    const parsed = pageHeartbeatSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Entries kept for the page when it cannot take them yet (it keeps 50 itself). */
const UNDELIVERED_CAPACITY = 50;
/** Timers are re-armed at most this far ahead, so a clock set right after boot is noticed. */
const NIGHTLY_TICK_MS = 60 * 60_000;

export class Supervisor {
  private state: State = { kind: 'idle' };
  private readonly timings: SupervisorTimings;
  private readonly clock: Clock;
  private browser: StationBrowser | undefined;
  /** Bumped whenever the browser is replaced: events from an older one are ignored. */
  private epoch = 0;
  /** The browser state's one timer: grace period, missed-heartbeat watchdog or crash-loop pause. */
  private timer: unknown;
  private lastHeartbeat: PageHeartbeat | undefined;
  private heartbeats = 0;
  private readonly exits: ExitHistory;
  private undelivered: SupervisorEntry[] = [];
  /**
   * The newest entries, delivered or not: a relaunched browser gets them all again, because a
   * SIGKILL or a power cut loses what the page wrote to localStorage in its last seconds (Chromium
   * flushes it lazily). The page keeps each entry once.
   */
  private recent: SupervisorEntry[] = [];
  private delivering = false;
  /** The page can beat before launch() has settled (the binding is live as soon as it navigates). */
  private beatWhileLaunching = false;
  /** The launch or restart in progress, which stop() waits for. */
  private busy: Promise<void> = Promise.resolve();

  private nightlyTimer: unknown;
  /** While set, the nightly restart is due and waits for the attract loop. */
  private nightlyDue = false;

  private serverProcess: { readonly pid: number; stop(): Promise<void> } | undefined;
  private serverEpoch = 0;
  private serverTimer: unknown;
  private readonly serverExits: ExitHistory;

  constructor(private readonly options: SupervisorOptions) {
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.clock = options.clock ?? systemClock;
    this.exits = new ExitHistory(this.timings.exitWindowMs);
    this.serverExits = new ExitHistory(this.timings.exitWindowMs);
  }

  /** For tests and the terminal: where the machine is. */
  status(): {
    state: SupervisorStateName;
    pid: number | undefined;
    heartbeats: number;
    lastHeartbeat: PageHeartbeat | undefined;
    serverPid: number | undefined;
  } {
    return {
      state: this.state.kind,
      pid: this.browser?.pid,
      heartbeats: this.heartbeats,
      lastHeartbeat: this.lastHeartbeat,
      serverPid: this.serverProcess?.pid,
    };
  }

  /** Starts the server (with `--serve`), waits for it to answer, then launches the station. */
  async start(): Promise<void> {
    if (this.state.kind !== 'idle') throw new Error('This supervisor has already been started.');
    this.state = { kind: 'launching' };
    let why = 'start';
    const { server } = this.options;
    if (server) {
      this.startServer();
      const ready = await server.ready(this.timings.serverReadyMs);
      if (!ready) why = `start; the server did not answer within ${seconds(this.timings.serverReadyMs)}`;
      if (this.stopping()) return;
    }
    this.scheduleNightly();
    this.busy = this.launch(why);
    await this.busy;
  }

  /** Closes Chromium (Browser.close, killed if it hangs), stops the server, logs `exit`. */
  async stop(reason: string): Promise<void> {
    if (this.stopping()) return;
    this.state = { kind: 'stopping' };
    this.epoch++;
    this.serverEpoch++;
    this.clearTimer();
    this.clock.clearTimeout(this.nightlyTimer);
    this.clock.clearTimeout(this.serverTimer);
    await this.busy.catch(() => {});
    const browser = this.browser;
    this.browser = undefined;
    await browser?.close().catch(() => {});
    const server = this.serverProcess;
    this.serverProcess = undefined;
    await server?.stop().catch(() => {});
    this.log('exit', reason);
    this.state = { kind: 'stopped' };
  }

  // ── the browser ────────────────────────────────────────────────────────────

  private async launch(why: string): Promise<void> {
    const epoch = ++this.epoch;
    this.state = { kind: 'launching' };
    this.beatWhileLaunching = false;
    this.clearTimer();
    let browser: StationBrowser;
    try {
      browser = await this.options.launch(this.options.url, {
        heartbeat: (payload) => this.onHeartbeat(epoch, payload),
        crashed: (reason) => this.onCrash(epoch, reason),
        exited: (reason) => this.onExit(epoch, reason),
      });
    } catch (error) {
      if (epoch === this.epoch && !this.stopping())
        this.onExit(epoch, `Chromium did not start: ${errorText(error)}`);
      return;
    }
    if (epoch !== this.epoch || this.stopping()) {
      await browser.kill().catch(() => {});
      return;
    }
    this.browser = browser;
    // A new browser: everything recent goes to its page again (see `recent`).
    const pending = new Set(this.undelivered);
    this.undelivered = [...this.recent.filter((entry) => !pending.has(entry)), ...this.undelivered].slice(
      -UNDELIVERED_CAPACITY,
    );
    this.log('launch', `Chromium ${browser.pid} opened ${this.options.url} (${why})`);
    if (this.beatWhileLaunching) {
      // The page beat while the launch was still settling: it is already running.
      this.state = { kind: 'running' };
      this.armWatchdog(epoch);
    } else {
      this.state = { kind: 'loading', after: 'launch' };
      this.armGrace(epoch, 'launch');
    }
  }

  private onHeartbeat(epoch: number, payload: string): void {
    if (epoch !== this.epoch) return;
    this.lastHeartbeat = parseHeartbeat(payload) ?? {
      screen: null,
      heapUsed: null,
      lastError: null,
      at: new Date(this.clock.now()).toISOString(),
    };
    this.heartbeats++;
    if (this.state.kind === 'launching') {
      this.beatWhileLaunching = true;
      return;
    }
    if (this.state.kind !== 'loading' && this.state.kind !== 'running') return;
    this.state = { kind: 'running' };
    this.armWatchdog(epoch);
    void this.deliver(epoch);
    this.tryNightlyRestart();
  }

  private armWatchdog(epoch: number): void {
    // The n-th beat is missed when it is half an interval late.
    const silence = this.timings.heartbeatMs * (this.timings.missedHeartbeats + 0.5);
    this.setTimer(silence, () => this.onSilence(epoch, silence));
  }

  private armGrace(epoch: number, after: 'launch' | 'reload' | 'crash'): void {
    this.setTimer(this.timings.graceMs, () => {
      if (epoch !== this.epoch || this.state.kind !== 'loading') return;
      this.relaunch(`no heartbeat within ${seconds(this.timings.graceMs)} after the ${after}`, 'kill');
    });
  }

  private onSilence(epoch: number, silence: number): void {
    if (epoch !== this.epoch || this.state.kind !== 'running') return;
    this.log(
      'missed-heartbeats',
      `no heartbeat for ${seconds(silence)} (${this.timings.missedHeartbeats} missed in a row)`,
    );
    this.log('reload', 'the page stopped answering: reloading it');
    this.state = { kind: 'loading', after: 'reload' };
    this.armGrace(epoch, 'reload');
    // A reload that fails or hangs is covered by the grace period.
    this.browser?.reload().catch(() => {});
  }

  private onCrash(epoch: number, reason: string): void {
    if (epoch !== this.epoch) return;
    if (this.state.kind !== 'loading' && this.state.kind !== 'running') return;
    const alreadyLoading = this.state.kind === 'loading';
    this.log('crash', reason);
    this.log('reload', 'opening the station again after the crash');
    this.state = { kind: 'loading', after: 'crash' };
    // A renderer that crashes again while loading keeps the first deadline: no endless navigations.
    if (!alreadyLoading) this.armGrace(epoch, 'crash');
    this.browser?.navigate(this.options.url).catch(() => {});
  }

  private onExit(epoch: number, reason: string): void {
    if (epoch !== this.epoch || this.stopping()) return;
    const exits = this.exits.record(this.clock.now());
    if (exits >= this.timings.exitLoopCount) {
      const pause = this.timings.exitLoopPauseMs;
      this.log(
        'relaunch',
        `${reason}; ${exits} exits within ${seconds(this.timings.exitWindowMs)}: waiting ${seconds(pause)} before starting Chromium again`,
      );
      this.replaceBrowser('kill', pause);
    } else {
      this.log('relaunch', reason);
      this.replaceBrowser('kill');
    }
  }

  private relaunch(reason: string, how: 'kill' | 'close'): void {
    this.log('relaunch', reason);
    this.replaceBrowser(how);
  }

  /** Stops the current browser (if any is left) and launches a new one, now or after `pauseMs`. */
  private replaceBrowser(how: 'kill' | 'close', pauseMs = 0): void {
    const old = this.browser;
    this.browser = undefined;
    const epoch = ++this.epoch; // the old browser's last events are ignored from here
    this.clearTimer();
    this.state = pauseMs > 0 ? { kind: 'waiting' } : { kind: 'launching' };
    this.busy = (async () => {
      await (how === 'kill' ? old?.kill() : old?.close())?.catch(() => {});
      if (this.stopping() || epoch !== this.epoch) return;
      if (pauseMs > 0) {
        this.setTimer(pauseMs, () => {
          if (epoch === this.epoch && this.state.kind === 'waiting') this.busy = this.launch('after a pause');
        });
        return;
      }
      await this.launch('relaunch');
    })();
  }

  private async deliver(epoch: number): Promise<void> {
    const browser = this.browser;
    if (this.delivering || this.undelivered.length === 0 || !browser) return;
    this.delivering = true;
    const batch = [...this.undelivered];
    try {
      if ((await browser.deliver(batch)) && epoch === this.epoch) {
        this.undelivered = this.undelivered.filter((entry) => !batch.includes(entry));
      }
    } finally {
      this.delivering = false;
    }
  }

  // ── the nightly restart ────────────────────────────────────────────────────

  private scheduleNightly(target?: number): void {
    const at = this.options.nightlyRestart;
    if (!at || this.stopping()) return;
    const due = target ?? nextTimeOfDay(this.clock.now(), at);
    this.clock.clearTimeout(this.nightlyTimer);
    this.nightlyTimer = this.clock.setTimeout(
      () => this.nightlyTick(due),
      Math.max(0, Math.min(due - this.clock.now(), NIGHTLY_TICK_MS)),
    );
  }

  private nightlyTick(target: number): void {
    const at = this.options.nightlyRestart;
    if (!at) return;
    const now = this.clock.now();
    if (now < target) {
      this.scheduleNightly(target);
      return;
    }
    const window = this.timings.nightlyWindowMs;
    // Far past the target (a clock set after boot, a suspended machine): what counts is whether
    // the time of day came round within the last window.
    const due = now - target > window ? nextTimeOfDay(now - window, at) : target;
    if (due > now) {
      this.scheduleNightly(due);
      return;
    }
    this.nightlyDue = true;
    this.nightlyTimer = this.clock.setTimeout(
      () => {
        if (!this.nightlyDue) return;
        this.nightlyDue = false;
        const screen = this.lastHeartbeat?.screen ?? 'unknown';
        this.log(
          'nightly-restart',
          `skipped tonight: no attract loop within ${seconds(window)} of ${formatTimeOfDay(at)} (screen: ${screen})`,
        );
        this.scheduleNightly();
      },
      due + window - now,
    );
    this.tryNightlyRestart();
  }

  /** Restarts only between visits: a fresh heartbeat from the attract loop. */
  private tryNightlyRestart(): void {
    if (!this.nightlyDue || this.state.kind !== 'running' || this.lastHeartbeat?.screen !== 'attract') return;
    this.nightlyDue = false;
    this.clock.clearTimeout(this.nightlyTimer);
    this.log('nightly-restart', `${this.nightlyAt()}: the attract loop is showing, restarting Chromium`);
    this.replaceBrowser('close');
    this.scheduleNightly();
  }

  private nightlyAt(): string {
    return this.options.nightlyRestart ? formatTimeOfDay(this.options.nightlyRestart) : '';
  }

  // ── the server ─────────────────────────────────────────────────────────────

  private startServer(): void {
    const { server } = this.options;
    if (!server || this.stopping()) return;
    const epoch = ++this.serverEpoch;
    this.serverProcess = server.start((reason) => this.onServerExit(epoch, reason));
  }

  private onServerExit(epoch: number, reason: string): void {
    if (epoch !== this.serverEpoch || this.stopping()) return;
    this.serverProcess = undefined;
    const exits = this.serverExits.record(this.clock.now());
    if (exits >= this.timings.exitLoopCount) {
      const pause = this.timings.exitLoopPauseMs;
      this.log(
        'server-restart',
        `${reason}; ${exits} exits within ${seconds(this.timings.exitWindowMs)}: waiting ${seconds(pause)} before starting it again`,
      );
      this.serverTimer = this.clock.setTimeout(() => this.startServer(), pause);
    } else {
      this.log('server-restart', reason);
      this.startServer();
    }
  }

  // ── helpers ────────────────────────────────────────────────────────────────

  private stopping(): boolean {
    return this.state.kind === 'stopping' || this.state.kind === 'stopped';
  }

  private setTimer(ms: number, callback: () => void): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(callback, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private log(action: SupervisorAction, reason: string): void {
    const screen = this.lastHeartbeat?.screen;
    const entry: SupervisorEntry = {
      at: new Date(this.clock.now()).toISOString(),
      action,
      reason: reason.slice(0, 2000),
      ...(screen ? { screen } : {}),
    };
    try {
      this.options.log(entry);
    } catch {
      // A full disk must not stop the supervisor from keeping the station alive.
    }
    this.undelivered = [...this.undelivered, entry].slice(-UNDELIVERED_CAPACITY);
    this.recent = [...this.recent, entry].slice(-UNDELIVERED_CAPACITY);
  }
}
