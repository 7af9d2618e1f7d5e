import { describe, expect, it } from 'vitest';
import { appendBounded, ERROR_LOG_CAPACITY, ErrorLog, type KeyValueStore } from './error-log.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('error log', () => {
  it('keeps only the newest entries', () => {
    let items: number[] = [];
    for (let i = 0; i < 7; i++) items = appendBounded(items, i, 5);
    expect(items).toEqual([2, 3, 4, 5, 6]);
  });

  it('stores entries with a timestamp and caps the buffer', () => {
    const log = new ErrorLog(memoryStore(), () => Date.UTC(2026, 10, 23, 9));
    for (let i = 0; i < ERROR_LOG_CAPACITY + 10; i++) log.append({ kind: 'error', message: `e${i}` });
    const entries = log.entries();
    expect(entries).toHaveLength(ERROR_LOG_CAPACITY);
    expect(entries[0]?.message).toBe('e10');
    expect(entries[0]?.at).toBe('2026-11-23T09:00:00.000Z');
  });

  it('calls three crashes within a minute a crash loop, but not three spread out', () => {
    let now = 1_000_000;
    const log = new ErrorLog(memoryStore(), () => now);
    expect(log.recordCrash().crashLoop).toBe(false);
    now += 40_000;
    expect(log.recordCrash().crashLoop).toBe(false);
    now += 30_000; // the first crash is now 70 s old
    expect(log.recordCrash().crashLoop).toBe(false);
    now += 5_000;
    expect(log.recordCrash().crashLoop).toBe(true);
  });

  it('survives a store that throws or holds garbage', () => {
    const store = memoryStore();
    store.data.set('percorso.errorLog', '{not json');
    const log = new ErrorLog({
      getItem: store.getItem,
      setItem: () => {
        throw new Error('quota');
      },
    });
    expect(log.entries()).toEqual([]);
    expect(() => log.append({ kind: 'error', message: 'x' })).not.toThrow();
  });
});
