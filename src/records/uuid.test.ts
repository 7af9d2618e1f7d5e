import { describe, expect, it } from 'vitest';
import { createUuid7, UUID7_PATTERN, uuid7Time } from './uuid.ts';

describe('UUIDv7', () => {
  it('carries the millisecond time, version 7 and the RFC variant', () => {
    const id = createUuid7(() => Date.UTC(2026, 10, 23, 12))();
    expect(id).toMatch(UUID7_PATTERN);
    expect(uuid7Time(id)).toBe(Date.UTC(2026, 10, 23, 12));
  });

  it('stays strictly increasing within a millisecond and when the clock steps back', () => {
    let t = 1_700_000_000_000;
    const next = createUuid7(() => t);
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i === 2500) t -= 60_000; // NTP steps the clock back a minute
      ids.push(next());
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
