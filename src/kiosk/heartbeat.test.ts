import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisorEntry } from '../contracts/supervisor.ts';
import type { KeyValueStore } from './error-log.ts';
import {
  appendSupervisorLog,
  type HeartbeatSource,
  heartbeatPayload,
  readSupervisorLog,
  SUPERVISOR_LOG_CAPACITY,
  SUPERVISOR_LOG_KEY,
  startHeartbeat,
} from './heartbeat.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const entry = (i: number): SupervisorEntry => ({
  at: new Date(Date.UTC(2026, 11, 7, 9, 0, i)).toISOString(),
  action: 'reload',
  reason: `reason ${i}`,
  screen: 'attract',
});

function source(overrides: Partial<HeartbeatSource> = {}): HeartbeatSource {
  return {
    screen: () => 'attract',
    errors: () => [{ message: 'TypeError: old' }, { message: 'RangeError: newest' }],
    heapUsed: () => 12_345_678,
    now: () => Date.UTC(2026, 11, 7, 9, 30),
    ...overrides,
  };
}

function fakeWindow() {
  return {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
    clearInterval: (id: number | undefined) => clearInterval(id),
  } as Parameters<typeof startHeartbeat>[0];
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('heartbeatPayload', () => {
  it('reports the screen, the heap, the newest error message and the time', () => {
    expect(heartbeatPayload(source())).toEqual({
      screen: 'attract',
      heapUsed: 12_345_678,
      lastError: 'RangeError: newest',
      at: '2026-12-07T09:30:00.000Z',
    });
  });

  it('says null where the browser or the shell has nothing to tell', () => {
    expect(
      heartbeatPayload(source({ screen: () => undefined, errors: () => [], heapUsed: () => undefined })),
    ).toEqual({
      screen: null,
      heapUsed: null,
      lastError: null,
      at: '2026-12-07T09:30:00.000Z',
    });
  });
});

describe('startHeartbeat', () => {
  it('beats at once and every 10 s through the supervisor binding', () => {
    const win = fakeWindow();
    const beats: unknown[] = [];
    win.percorsoHeartbeat = (payload: string) => beats.push(JSON.parse(payload));
    const stop = startHeartbeat(win, source(), memoryStore());
    expect(beats).toHaveLength(1);
    vi.advanceTimersByTime(30_000);
    expect(beats).toHaveLength(4);
    expect(beats[0]).toMatchObject({ screen: 'attract', lastError: 'RangeError: newest' });
    stop();
    vi.advanceTimersByTime(30_000);
    expect(beats).toHaveLength(4);
  });

  it('beats at each change of screen as well, and stops watching when stopped', () => {
    const win = fakeWindow();
    const beats: { screen: string }[] = [];
    win.percorsoHeartbeat = (payload: string) => beats.push(JSON.parse(payload));
    let screen = 'journey';
    let changed: (() => void) | undefined;
    const stop = startHeartbeat(
      win,
      source({
        screen: () => screen,
        watchScreen: (callback) => {
          changed = callback;
          return () => {
            changed = undefined;
          };
        },
      }),
      memoryStore(),
    );
    screen = 'attract';
    changed?.();
    expect(beats.map((b) => b.screen)).toEqual(['journey', 'attract']);
    stop();
    expect(changed).toBeUndefined();
  });

  it('stays silent without a supervisor, and starts beating when the binding appears', () => {
    const win = fakeWindow();
    startHeartbeat(win, source(), memoryStore());
    vi.advanceTimersByTime(20_000);
    const beats: string[] = [];
    win.percorsoHeartbeat = (payload: string) => beats.push(payload);
    vi.advanceTimersByTime(10_000);
    expect(beats).toHaveLength(1);
  });

  it('never throws into the page when the binding does', () => {
    const win = fakeWindow();
    win.percorsoHeartbeat = () => {
      throw new Error('binding gone');
    };
    expect(() => startHeartbeat(win, source(), memoryStore())).not.toThrow();
    expect(() => vi.advanceTimersByTime(10_000)).not.toThrow();
  });

  it("keeps the supervisor's entries it is handed and says so", () => {
    const win = fakeWindow();
    const store = memoryStore();
    const stop = startHeartbeat(win, source(), store);
    const deliver = win.percorsoSupervisorLog as (entries: unknown) => unknown;
    expect(deliver([entry(1), entry(2)])).toBe(true);
    expect(readSupervisorLog(store)).toEqual([entry(1), entry(2)]);
    stop();
    expect(win.percorsoSupervisorLog).toBeUndefined();
  });
});

describe('supervisor log in the page', () => {
  it('keeps an entry handed over twice once, in time order (a relaunched supervisor resends)', () => {
    const store = memoryStore();
    appendSupervisorLog(store, [entry(1), entry(3)]);
    expect(appendSupervisorLog(store, [entry(1), entry(2), entry(3), entry(4)])).toBe(2);
    expect(readSupervisorLog(store).map((e) => e.reason)).toEqual([
      'reason 1',
      'reason 2',
      'reason 3',
      'reason 4',
    ]);
  });

  it(`keeps the newest ${SUPERVISOR_LOG_CAPACITY} entries, oldest first`, () => {
    const store = memoryStore();
    for (let i = 0; i < 70; i += 7)
      appendSupervisorLog(
        store,
        Array.from({ length: 7 }, (_, j) => entry(i + j)),
      );
    const kept = readSupervisorLog(store);
    expect(kept).toHaveLength(SUPERVISOR_LOG_CAPACITY);
    expect(kept[0]).toEqual(entry(20));
    expect(kept.at(-1)).toEqual(entry(69));
  });

  it('drops what is not an entry, from the supervisor or from storage', () => {
    const store = memoryStore();
    expect(appendSupervisorLog(store, [entry(1), { action: 'format-disk' }, 'x', null])).toBe(1);
    expect(appendSupervisorLog(store, 'not a list')).toBe(0);
    store.data.set(SUPERVISOR_LOG_KEY, JSON.stringify([entry(2), { ...entry(3), action: 'nope' }]));
    expect(readSupervisorLog(store)).toEqual([entry(2)]);
    store.data.set(SUPERVISOR_LOG_KEY, '{torn');
    expect(readSupervisorLog(store)).toEqual([]);
    store.data.set(SUPERVISOR_LOG_KEY, '{"a":1}');
    expect(readSupervisorLog(store)).toEqual([]);
    expect(readSupervisorLog(memoryStore())).toEqual([]);
  });

  it('survives a store that refuses writes', () => {
    const store: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(appendSupervisorLog(store, [entry(1)])).toBe(1);
  });
});
