import { describe, expect, it } from 'vitest';
import { CLOCK_JUMP_MS, ClockWatch, describeClockJump, describeDuration } from './clock-watch.ts';

const YEAR = 365 * 24 * 3600_000;

function clocks() {
  const state = { wall: Date.UTC(2026, 11, 7, 9), mono: 1000 };
  const watch = new ClockWatch(
    () => state.wall,
    () => state.mono,
  );
  const pass = (ms: number) => {
    state.wall += ms;
    state.mono += ms;
  };
  return { state, watch, pass };
}

describe('ClockWatch', () => {
  it('says nothing while both clocks run together', () => {
    const { watch, pass } = clocks();
    for (let i = 0; i < 100; i++) {
      pass(30_000);
      expect(watch.check()).toBe(0);
    }
  });

  it('reports a jump forward or back of a year once, then starts from the new time', () => {
    const { state, watch, pass } = clocks();
    pass(30_000);
    state.wall += YEAR;
    expect(watch.check()).toBe(YEAR);
    pass(30_000);
    expect(watch.check()).toBe(0);
    state.wall -= 2 * YEAR;
    expect(watch.check()).toBe(-2 * YEAR);
  });

  it('lets slow corrections (NTP slewing) pass, however long they add up', () => {
    const { state, watch, pass } = clocks();
    for (let i = 0; i < 20; i++) {
      pass(30_000);
      state.wall += CLOCK_JUMP_MS / 4;
      expect(watch.check()).toBe(0);
    }
    state.wall += CLOCK_JUMP_MS;
    expect(watch.check()).toBe(CLOCK_JUMP_MS);
  });
});

describe('describeClockJump', () => {
  it('names the size, the direction and the time the clock now shows', () => {
    const forward = describeClockJump(YEAR, new Date(Date.UTC(2027, 11, 7, 9, 30)));
    expect(forward.it).toContain('avanti di 1 anno');
    expect(forward.it).toMatch(/ora segna 0?7\/12\/2027/);
    expect(forward.en).toMatch(/it now reads 0?7\/12\/2027/);
    expect(forward.en).toContain('forward by 1 year');
    const back = describeClockJump(-3 * 3600_000, new Date(Date.UTC(2026, 11, 7, 6)));
    expect(back.it).toContain('indietro di 3 ore');
    expect(back.en).toContain('back by 3 hours');
  });

  it('rounds to the largest unit', () => {
    expect(describeDuration(2 * 60_000).en).toBe('2 minutes');
    expect(describeDuration(26 * 3600_000).en).toBe('1 day');
    expect(describeDuration(-10 * 24 * 3600_000).it).toBe('10 giorni');
  });
});
