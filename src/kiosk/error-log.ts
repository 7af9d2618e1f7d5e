// The shell's error log: a bounded ring buffer behind a small storage interface, and the
// crash-loop rule (3 crashes within a minute → "out of order" instead of flapping).
// The browser passes localStorage so the log and the crash count survive a reload.

export interface ErrorEntry {
  at: string;
  kind: 'error' | 'unhandledrejection' | 'render' | 'csp' | 'boot' | 'clock';
  message: string;
  stack?: string;
  screen?: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const ERROR_LOG_CAPACITY = 100;
export const CRASH_WINDOW_MS = 60_000;
export const CRASH_LOOP_THRESHOLD = 3;
/** How long the out-of-order screen stays before the station tries again by itself. */
export const OUT_OF_ORDER_RETRY_MS = 5 * 60_000;

const LOG_KEY = 'percorso.errorLog';
const CRASH_KEY = 'percorso.crashTimes';

function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // A full or unavailable store must never turn logging into a second crash.
  }
}

/** Appends to a ring buffer that keeps the newest `capacity` entries. */
export function appendBounded<T>(items: readonly T[], item: T, capacity: number): T[] {
  const next = [...items, item];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}

/** Crash times still inside the window, plus `now`. */
export function recentCrashes(times: readonly number[], now: number, windowMs = CRASH_WINDOW_MS): number[] {
  return [...times.filter((t) => now - t < windowMs && t <= now), now];
}

export class ErrorLog {
  /** Also told about every entry (the records' error ring, for the staff panel and the register). */
  sink?: (entry: ErrorEntry) => void;

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  entries(): ErrorEntry[] {
    return readJson<ErrorEntry[]>(this.store, LOG_KEY, []);
  }

  append(entry: Omit<ErrorEntry, 'at'>): ErrorEntry {
    const full: ErrorEntry = { at: new Date(this.now()).toISOString(), ...entry };
    writeJson(this.store, LOG_KEY, appendBounded(this.entries(), full, ERROR_LOG_CAPACITY));
    try {
      this.sink?.(full);
    } catch {
      // the mirror is best effort: the local log above already has the entry
    }
    return full;
  }

  /** Records a crash and says whether the station is now in a crash loop. */
  recordCrash(): { crashLoop: boolean } {
    const times = recentCrashes(readJson<number[]>(this.store, CRASH_KEY, []), this.now());
    writeJson(this.store, CRASH_KEY, times);
    return { crashLoop: times.length >= CRASH_LOOP_THRESHOLD };
  }

  clearCrashes(): void {
    writeJson(this.store, CRASH_KEY, []);
  }
}

/** Turns whatever was thrown into a message and stack worth logging. */
export function describeThrown(thrown: unknown): { message: string; stack?: string } {
  if (thrown instanceof Error) return { message: `${thrown.name}: ${thrown.message}`, stack: thrown.stack };
  try {
    return { message: typeof thrown === 'string' ? thrown : JSON.stringify(thrown) };
  } catch {
    return { message: String(thrown) };
  }
}
