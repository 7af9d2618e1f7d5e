import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  lockDuration,
  MAX_LOCK_MS,
  parseLockout,
  remainingMs,
  UNLOCKED,
} from './lockout.ts';

const fail = (state: typeof UNLOCKED, now: number, times: number) => {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, now);
  return s;
};

describe('PIN lockout', () => {
  it('locks for 30 s after 5 wrong PINs, not before', () => {
    const four = fail(UNLOCKED, 1000, 4);
    expect(remainingMs(four, 1000)).toBe(0);
    const five = afterFailure(four, 1000);
    expect(remainingMs(five, 1000)).toBe(30_000);
    expect(remainingMs(five, 31_000)).toBe(0);
  });

  it('ignores guesses while locked', () => {
    const locked = fail(UNLOCKED, 0, 5);
    expect(afterFailure(locked, 10_000)).toEqual(locked);
  });

  it('doubles each lockout up to 15 minutes, never locking for good', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(lockDuration)).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      MAX_LOCK_MS,
      MAX_LOCK_MS,
    ]);
    let state = UNLOCKED;
    let now = 0;
    for (let round = 0; round < 8; round++) {
      state = fail(state, now, 5);
      expect(remainingMs(state, now)).toBe(lockDuration(round));
      now += remainingMs(state, now);
      expect(remainingMs(state, now)).toBe(0);
    }
  });

  it('clears everything after the right PIN', () => {
    expect(afterSuccess()).toEqual(UNLOCKED);
  });

  it('caps a lock stretched by a clock moved back', () => {
    const locked = fail(UNLOCKED, Date.UTC(2027, 0, 1), 5);
    expect(remainingMs(locked, Date.UTC(2026, 0, 1))).toBe(MAX_LOCK_MS);
  });

  it('reads a stored state defensively', () => {
    expect(parseLockout(undefined)).toEqual(UNLOCKED);
    expect(parseLockout({ failures: 3, lockouts: 'x', lockedUntil: -5 })).toEqual({
      failures: 3,
      lockouts: 0,
      lockedUntil: 0,
    });
  });
});
