// The supervisor's ladder with a fake browser and vitest's fake clock, at the real intervals
// (10 s beats, 3 missed, 60 s grace, 5 exits in 2 min → 30 s pause, a 1 h nightly window).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisorEntry } from '../contracts/supervisor.ts';
import {
  type BrowserEvents,
  DEFAULT_TIMINGS,
  ExitHistory,
  type LaunchBrowser,
  nextTimeOfDay,
  parseHeartbeat,
  type StationBrowser,
  type StationServer,
  Supervisor,
  type SupervisorOptions,
} from './supervisor.ts';

const URL = 'http://127.0.0.1:8080/?kiosk=workers-journey';
const { heartbeatMs, graceMs } = DEFAULT_TIMINGS;

class FakeBrowser implements StationBrowser {
  readonly calls: string[] = [];
  readonly deliveries: SupervisorEntry[][] = [];
  acceptDeliveries = true;

  constructor(
    readonly pid: number,
    readonly events: BrowserEvents,
  ) {}

  async reload() {
    this.calls.push('reload');
  }
  async navigate(url: string) {
    this.calls.push(`navigate ${url}`);
  }
  async deliver(entries: readonly SupervisorEntry[]) {
    this.deliveries.push([...entries]);
    return this.acceptDeliveries;
  }
  async close() {
    this.calls.push('close');
  }
  async kill() {
    this.calls.push('kill');
  }
  beat(screen = 'attract') {
    this.events.heartbeat(
      JSON.stringify({ screen, heapUsed: 1e7, lastError: null, at: new Date().toISOString() }),
    );
  }
}

function harness(options: Partial<SupervisorOptions> = {}) {
  const browsers: FakeBrowser[] = [];
  const entries: SupervisorEntry[] = [];
  const failures: string[] = [];
  const launch: LaunchBrowser = async (_url, events) => {
    const failure = failures.shift();
    if (failure) throw new Error(failure);
    const browser = new FakeBrowser(100 + browsers.length, events);
    browsers.push(browser);
    return browser;
  };
  const supervisor = new Supervisor({ url: URL, launch, log: (entry) => entries.push(entry), ...options });
  const current = () => {
    const browser = browsers.at(-1);
    if (!browser) throw new Error('no browser launched');
    return browser;
  };
  return {
    supervisor,
    browsers,
    entries,
    failures,
    current,
    actions: () => entries.map((entry) => entry.action),
    /** The page beats every 10 s for `ms`. */
    async beatFor(ms: number, screen = 'attract') {
      for (let t = 0; t < ms; t += heartbeatMs) {
        current().beat(screen);
        await vi.advanceTimersByTimeAsync(heartbeatMs);
      }
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00+01:00') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('supervisor', () => {
  it('launches the station and runs while the page beats', async () => {
    const h = harness();
    await h.supervisor.start();
    expect(h.actions()).toEqual(['launch']);
    expect(h.entries[0]?.reason).toContain(URL);
    expect(h.supervisor.status().state).toBe('loading');
    await h.beatFor(10 * 60_000);
    expect(h.supervisor.status()).toMatchObject({ state: 'running', heartbeats: 60, pid: 100 });
    expect(h.actions()).toEqual(['launch']);
    expect(h.current().calls).toEqual([]);
  });

  it('reloads the page after 3 missed heartbeats, not after 2', async () => {
    const h = harness();
    await h.supervisor.start();
    await h.beatFor(30_000, 'journey');
    // Two beats missed (and a late third still on its way): nothing yet.
    await vi.advanceTimersByTimeAsync(2 * heartbeatMs + heartbeatMs / 4);
    expect(h.actions()).toEqual(['launch']);
    h.current().beat('journey');
    await vi.advanceTimersByTimeAsync(3 * heartbeatMs);
    expect(h.actions()).toEqual(['launch']);
    await vi.advanceTimersByTimeAsync(heartbeatMs);
    expect(h.actions()).toEqual(['launch', 'missed-heartbeats', 'reload']);
    expect(h.entries[1]).toMatchObject({ screen: 'journey', reason: expect.stringContaining('3 missed') });
    expect(h.current().calls).toEqual(['reload']);
    expect(h.supervisor.status().state).toBe('loading');
    // The reloaded page beats again: back to running, same browser.
    await h.beatFor(60_000);
    expect(h.supervisor.status().state).toBe('running');
    expect(h.browsers).toHaveLength(1);
  });

  it('kills and relaunches Chromium when a reload brings no heartbeat within the grace period', async () => {
    const h = harness();
    await h.supervisor.start();
    h.current().beat();
    await vi.advanceTimersByTimeAsync(35_000); // the watchdog: reload
    expect(h.actions()).toEqual(['launch', 'missed-heartbeats', 'reload']);
    await vi.advanceTimersByTimeAsync(graceMs - 1000);
    expect(h.browsers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.actions()).toEqual(['launch', 'missed-heartbeats', 'reload', 'relaunch', 'launch']);
    expect(h.entries[3]?.reason).toBe('no heartbeat within 60 s after the reload');
    expect(h.browsers[0]?.calls).toEqual(['reload', 'kill']);
    expect(h.supervisor.status()).toMatchObject({ state: 'loading', pid: 101 });
    await h.beatFor(20_000);
    expect(h.supervisor.status().state).toBe('running');
  });

  it('relaunches when the first launch never beats', async () => {
    const h = harness();
    await h.supervisor.start();
    await vi.advanceTimersByTimeAsync(graceMs);
    expect(h.actions()).toEqual(['launch', 'relaunch', 'launch']);
    expect(h.entries[1]?.reason).toBe('no heartbeat within 60 s after the launch');
  });

  it('opens the station again after a renderer crash, and waits for its heartbeat', async () => {
    const h = harness();
    await h.supervisor.start();
    await h.beatFor(20_000, 'journey');
    h.current().events.crashed('the page renderer crashed');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.actions()).toEqual(['launch', 'crash', 'reload']);
    expect(h.entries[1]).toMatchObject({ reason: 'the page renderer crashed', screen: 'journey' });
    expect(h.current().calls).toEqual([`navigate ${URL}`]);
    await h.beatFor(20_000);
    expect(h.supervisor.status().state).toBe('running');
    expect(h.browsers).toHaveLength(1);
  });

  it('does not let a renderer that keeps crashing push the relaunch back for ever', async () => {
    const h = harness();
    await h.supervisor.start();
    await h.beatFor(10_000);
    for (let i = 0; i < 5; i++) {
      h.current().events.crashed('the page renderer crashed');
      await vi.advanceTimersByTimeAsync(graceMs / 5);
    }
    expect(h.browsers).toHaveLength(2);
    expect(h.actions().filter((action) => action === 'crash')).toHaveLength(5);
    expect(h.actions()).toContain('relaunch');
  });

  it('relaunches Chromium at once when it exits by itself', async () => {
    const h = harness();
    await h.supervisor.start();
    await h.beatFor(20_000);
    h.current().events.exited('Chromium exited (signal SIGKILL)');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.actions()).toEqual(['launch', 'relaunch', 'launch']);
    expect(h.entries[1]?.reason).toBe('Chromium exited (signal SIGKILL)');
    expect(h.browsers).toHaveLength(2);
    // The dead browser's late events change nothing.
    h.browsers[0]?.events.exited('Chromium exited (code 0)');
    h.browsers[0]?.events.crashed('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.browsers).toHaveLength(2);
    expect(h.actions()).toEqual(['launch', 'relaunch', 'launch']);
  });

  it('pauses 30 s when Chromium exits 5 times within 2 minutes', async () => {
    const h = harness();
    await h.supervisor.start();
    for (let i = 0; i < 4; i++) {
      h.current().events.exited('Chromium exited (code 1)');
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(h.browsers).toHaveLength(5);
    h.current().events.exited('Chromium exited (code 1)');
    await vi.advanceTimersByTimeAsync(0);
    const pause = h.entries.at(-1);
    expect(pause).toMatchObject({ action: 'relaunch' });
    expect(pause?.reason).toBe(
      'Chromium exited (code 1); 5 exits within 120 s: waiting 30 s before starting Chromium again',
    );
    expect(h.supervisor.status().state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(h.browsers).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.browsers).toHaveLength(6);
    expect(h.entries.at(-1)?.action).toBe('launch');
  });

  it('counts a launch that fails as an exit, and keeps trying', async () => {
    const h = harness();
    h.failures.push('Chromium exited while starting (code 1)');
    await h.supervisor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.actions()).toEqual(['relaunch', 'launch']);
    expect(h.entries[0]?.reason).toBe('Chromium did not start: Chromium exited while starting (code 1)');
  });

  it('hands its log to the page after a heartbeat, again until the page keeps it', async () => {
    const h = harness();
    await h.supervisor.start();
    h.current().acceptDeliveries = false;
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.current().deliveries.map((batch) => batch.map((entry) => entry.action))).toEqual([['launch']]);
    h.current().acceptDeliveries = true;
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    // Kept on the second try; nothing more to send on the third beat.
    expect(h.current().deliveries).toHaveLength(2);
    h.current().events.crashed('the page renderer crashed');
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    expect(
      h
        .current()
        .deliveries.at(-1)
        ?.map((entry) => entry.action),
    ).toEqual(['crash', 'reload']);
  });

  it('hands a relaunched browser its recent entries again (a SIGKILL loses what the page had not flushed)', async () => {
    const h = harness();
    await h.supervisor.start();
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    h.current().events.crashed('the page renderer crashed');
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    const first = h.current();
    first.events.exited('Chromium exited (signal SIGKILL)');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.current()).not.toBe(first);
    h.current().beat();
    await vi.advanceTimersByTimeAsync(0);
    expect(
      h
        .current()
        .deliveries.at(-1)
        ?.map((entry) => entry.action),
    ).toEqual(['launch', 'crash', 'reload', 'relaunch', 'launch']);
  });

  it('on stop closes Chromium cleanly, stops the server and logs exit', async () => {
    const stops: string[] = [];
    const server: StationServer = {
      start: () => ({ pid: 7, stop: async () => void stops.push('server') }),
      ready: async () => true,
    };
    const h = harness({ server });
    await h.supervisor.start();
    await h.beatFor(10_000);
    await h.supervisor.stop('SIGTERM');
    expect(h.current().calls).toEqual(['close']);
    expect(stops).toEqual(['server']);
    expect(h.actions()).toEqual(['launch', 'exit']);
    expect(h.entries.at(-1)?.reason).toBe('SIGTERM');
    expect(h.supervisor.status().state).toBe('stopped');
    // Nothing fires afterwards.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(h.actions()).toEqual(['launch', 'exit']);
  });

  it('waits for the server before launching, and restarts it when it exits', async () => {
    let onExit: (reason: string) => void = () => {};
    let starts = 0;
    let answer: (ready: boolean) => void = () => {};
    const server: StationServer = {
      start: (exited) => {
        starts++;
        onExit = exited;
        return { pid: 7, stop: async () => {} };
      },
      ready: () => new Promise((resolve) => (answer = resolve)),
    };
    const h = harness({ server });
    const started = h.supervisor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.browsers).toHaveLength(0);
    answer(true);
    await started;
    expect(h.browsers).toHaveLength(1);
    for (let i = 0; i < 4; i++) onExit('the server exited (code 1)');
    expect(starts).toBe(5);
    expect(h.actions()).toEqual(['launch', ...Array(4).fill('server-restart')]);
    onExit('the server exited (code 1)');
    expect(h.entries.at(-1)?.reason).toContain('waiting 30 s before starting it again');
    expect(starts).toBe(5);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(starts).toBe(6);
  });
});

describe('nightly restart', () => {
  const at = { hour: 3, minute: 0 };

  it('restarts at the set time while the attract loop shows', async () => {
    vi.setSystemTime(new Date('2026-12-07T02:58:00+01:00'));
    const h = harness({ nightlyRestart: at });
    await h.supervisor.start();
    await h.beatFor(3 * 60_000);
    expect(h.actions()).toEqual(['launch', 'nightly-restart', 'launch']);
    expect(h.entries[1]?.at).toBe('2026-12-07T02:00:00.000Z'); // 03:00 in Rome
    expect(h.entries[1]?.screen).toBe('attract');
    expect(h.browsers[0]?.calls).toEqual(['close']);
  });

  it('waits for the attract loop, never restarting mid-visit', async () => {
    vi.setSystemTime(new Date('2026-12-07T02:50:00+01:00'));
    const h = harness({ nightlyRestart: at });
    await h.supervisor.start();
    await h.beatFor(40 * 60_000, 'journey');
    expect(h.actions()).toEqual(['launch']);
    await h.beatFor(10_000, 'attract');
    expect(h.actions()).toEqual(['launch', 'nightly-restart', 'launch']);
    expect(h.entries[1]?.at).toBe('2026-12-07T02:30:00.000Z');
  });

  it('skips the night after an hour without the attract loop, and tries the next night', async () => {
    vi.setSystemTime(new Date('2026-12-07T02:50:00+01:00'));
    const h = harness({ nightlyRestart: at });
    await h.supervisor.start();
    await h.beatFor(80 * 60_000, 'journey');
    expect(h.actions()).toEqual(['launch', 'nightly-restart']);
    expect(h.entries[1]?.reason).toBe(
      'skipped tonight: no attract loop within 3600 s of 03:00 (screen: journey)',
    );
    expect(h.browsers).toHaveLength(1);
    // The attract loop later that day does not restart it: that night is over. The next one does.
    await h.beatFor((22 * 60 + 51) * 60_000, 'attract'); // 04:10 → 03:01 on the 8th
    expect(h.actions()).toEqual(['launch', 'nightly-restart', 'nightly-restart', 'launch']);
    expect(h.entries[2]?.at).toBe('2026-12-08T02:00:00.000Z');
  });

  it('notices a clock set right after boot (a Raspberry Pi without a clock battery)', async () => {
    vi.setSystemTime(new Date('2026-01-01T12:00:00+01:00'));
    const h = harness({ nightlyRestart: at });
    await h.supervisor.start();
    await h.beatFor(10 * 60_000);
    vi.setSystemTime(new Date('2026-12-07T02:30:00+01:00')); // the network's time arrives
    await h.beatFor(60 * 60_000);
    expect(h.actions()).toEqual(['launch', 'nightly-restart', 'launch']);
    // Within the hour after 03:00, at the latest when the hourly check comes round.
    const restartedAt = new Date(h.entries[1]?.at ?? 0).getTime();
    expect(restartedAt).toBeGreaterThanOrEqual(new Date('2026-12-07T03:00:00+01:00').getTime());
    expect(restartedAt).toBeLessThanOrEqual(new Date('2026-12-07T03:30:00+01:00').getTime());
  });

  it('finds the next local time, across midnight and a DST change', () => {
    const rome = (text: string) => new Date(text).getTime();
    expect(nextTimeOfDay(rome('2026-12-07T02:00:00+01:00'), at)).toBe(rome('2026-12-07T03:00:00+01:00'));
    expect(nextTimeOfDay(rome('2026-12-07T03:00:00+01:00'), at)).toBe(rome('2026-12-08T03:00:00+01:00'));
    // The night clocks go back (25 October 2026): 04:00 is still 04:00 local.
    expect(nextTimeOfDay(rome('2026-10-24T12:00:00+02:00'), { hour: 4, minute: 0 })).toBe(
      rome('2026-10-25T04:00:00+01:00'),
    );
  });
});

describe('parts', () => {
  it('counts exits within the window only', () => {
    const history = new ExitHistory(120_000);
    expect(history.record(0)).toBe(1);
    expect(history.record(60_000)).toBe(2);
    expect(history.record(130_000)).toBe(2);
  });

  it('reads a heartbeat, and refuses what is not one', () => {
    const at = '2026-12-07T09:00:00.000Z';
    expect(parseHeartbeat(JSON.stringify({ screen: 'attract', heapUsed: 5, lastError: null, at }))).toEqual({
      screen: 'attract',
      heapUsed: 5,
      lastError: null,
      at,
    });
    expect(parseHeartbeat('{')).toBeUndefined();
    expect(parseHeartbeat(JSON.stringify({ screen: 3 }))).toBeUndefined();
  });
});
