import { describe, expect, it, vi } from 'vitest';
import { CornerHold, HOLD_MS } from './corner-hold.ts';

const setup = () => {
  vi.useFakeTimers();
  const onTrigger = vi.fn();
  const armed: boolean[] = [];
  const hold = new CornerHold({ width: () => 1280, onTrigger, onArmed: (a) => armed.push(a) });
  return { hold, onTrigger, armed };
};

describe('two-corner hold', () => {
  it('opens after both top corners are held for 3 s', () => {
    const { hold, onTrigger, armed } = setup();
    hold.down(1, 20, 20);
    hold.down(2, 1260, 30);
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(onTrigger).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onTrigger).toHaveBeenCalledOnce();
    expect(armed).toEqual([true, false]);
    // Lifting the two fingers must not also count as a tap on the station.
    expect([hold.release(1), hold.release(2), hold.release(1), hold.release(3)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('does nothing for one corner, two fingers in one corner, or the middle of the screen', () => {
    const { hold, onTrigger } = setup();
    hold.down(1, 20, 20);
    vi.advanceTimersByTime(10_000);
    hold.down(2, 30, 30);
    vi.advanceTimersByTime(10_000);
    hold.reset();
    hold.down(3, 640, 20);
    hold.down(4, 1260, 20);
    vi.advanceTimersByTime(10_000);
    expect(onTrigger).not.toHaveBeenCalled();
  });

  it('cancels when a finger lifts, drifts away, or a third finger lands', () => {
    const { hold, onTrigger } = setup();
    hold.down(1, 20, 20);
    hold.down(2, 1260, 20);
    vi.advanceTimersByTime(2000);
    hold.up(2);
    vi.advanceTimersByTime(5000);
    hold.down(1, 20, 20);
    hold.down(2, 1260, 20);
    hold.move(1, 20 + 60, 20);
    vi.advanceTimersByTime(5000);
    hold.down(1, 20, 20);
    hold.down(2, 1260, 20);
    hold.down(3, 600, 400);
    vi.advanceTimersByTime(5000);
    expect(onTrigger).not.toHaveBeenCalled();
  });

  it('tolerates the small drift of a resting finger', () => {
    const { hold, onTrigger } = setup();
    hold.down(1, 20, 20);
    hold.down(2, 1260, 20);
    hold.move(1, 30, 35);
    vi.advanceTimersByTime(HOLD_MS);
    expect(onTrigger).toHaveBeenCalledOnce();
  });
});
