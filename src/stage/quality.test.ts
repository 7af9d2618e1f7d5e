import { describe, expect, it } from 'vitest';
import { FrameWatch, PROBE_LIMITS_MS, pixelRatioFor, TIERS, tierBelow, tierForProbe } from './quality.ts';

describe('quality tiers', () => {
  it('picks the tier from the median probe time, not from one slow or fast sample', () => {
    expect(tierForProbe([2, 3, 90, 2.5, 3])).toBe('high');
    expect(tierForProbe([PROBE_LIMITS_MS.high + 1, 9, 10, 0.5, 12])).toBe('medium');
    expect(tierForProbe([40, 35, 2, 50, 45])).toBe('low');
    expect(tierForProbe([PROBE_LIMITS_MS.low + 1, 70, 2, 90, 65])).toBe('minimal');
    expect(tierForProbe([])).toBe('low');
  });

  it('orders tiers from cheap to rich, and steps down one at a time', () => {
    expect(tierBelow('high')).toBe('medium');
    expect(tierBelow('medium')).toBe('low');
    expect(tierBelow('low')).toBe('minimal');
    expect(tierBelow('minimal')).toBeUndefined();
    expect(TIERS.minimal.maxPixelRatio).toBeLessThan(TIERS.low.maxPixelRatio);
    expect(TIERS.minimal.bakedLight).toBe(true);
    expect([TIERS.low, TIERS.medium, TIERS.high].some((q) => q.bakedLight)).toBe(false);
    expect(TIERS.low.particles).toBeLessThan(TIERS.medium.particles);
    expect(TIERS.medium.particles).toBeLessThan(TIERS.high.particles);
    expect(TIERS.low.maxPixelRatio).toBeLessThan(TIERS.high.maxPixelRatio);
    expect(TIERS.high.shadows && TIERS.high.post).toBe(true);
    expect(TIERS.low.shadows || TIERS.low.post).toBe(false);
  });
});

describe('pixel ratio', () => {
  it('follows the screen and the tier, and holds the minimal tier to its pixel budget', () => {
    expect(pixelRatioFor(TIERS.high, 1920, 1080, 2)).toBe(1.5);
    expect(pixelRatioFor(TIERS.medium, 1920, 1080, 1)).toBe(1);
    expect(pixelRatioFor(TIERS.low, 1280, 720, 1)).toBe(0.75);
    // A small screen stays at half resolution; a large one draws the same 640 × 360 pixels.
    expect(pixelRatioFor(TIERS.minimal, 800, 450, 1)).toBe(0.5);
    for (const [w, h] of [
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      const ratio = pixelRatioFor(TIERS.minimal, w, h, 1);
      expect(Math.round(w * ratio) * Math.round(h * ratio)).toBeLessThanOrEqual(640 * 360 + 1000);
      expect(Math.round(w * ratio)).toBe(640);
    }
  });
});

describe('FrameWatch', () => {
  it('steps down only after a full window of mostly slow frames', () => {
    const watch = new FrameWatch(33, 8);
    const verdicts = [50, 50, 50, 50, 50, 50, 50].map((ms) => watch.add(ms));
    expect(verdicts.every((v) => !v)).toBe(true); // the window is not full yet
    expect(watch.add(50)).toBe(true);
    // The window starts over after a verdict: the next slow frame alone does not step down again.
    expect(watch.add(50)).toBe(false);
  });

  it('forgives a few hitches among smooth frames', () => {
    const watch = new FrameWatch(33, 8);
    const frames = [16, 80, 16, 16, 90, 16, 16, 16, 16, 70, 16, 16];
    expect(frames.map((ms) => watch.add(ms)).some(Boolean)).toBe(false);
  });

  it('forgets what it saw when reset (after a tier change)', () => {
    const watch = new FrameWatch(33, 4);
    watch.add(50);
    watch.add(50);
    watch.add(50);
    watch.reset();
    expect(watch.add(50)).toBe(false);
  });
});
