// Quality tiers of the 3D stage: how much a station's GPU is asked to do. Chosen once at boot from
// a short probe (a reference frame rendered a few times at the highest settings), stepped down for
// good when frames stay over budget while something moves, and never stepped up by itself: a
// station that once stuttered stays calm for the rest of the day. Pure: no three.js, no DOM.

export const TIER_NAMES = ['low', 'medium', 'high'] as const;
export type TierName = (typeof TIER_NAMES)[number];
/** What a kiosk config may ask for: a fixed tier, or `auto` (probe at boot). */
export type TierSetting = TierName | 'auto';

export interface Quality {
  tier: TierName;
  /** Upper bound of the renderer's pixel ratio (below 1 renders fewer pixels and scales up). */
  maxPixelRatio: number;
  /** Sun shadows (one 1024² shadow map). */
  shadows: boolean;
  /** The finishing pass (vignette and grain) through an offscreen render target. */
  post: boolean;
  /** Share of each scene's particles drawn (rain, dust, steam), 0 to 1. */
  particles: number;
}

export const TIERS: Readonly<Record<TierName, Quality>> = {
  low: { tier: 'low', maxPixelRatio: 0.75, shadows: false, post: false, particles: 0 },
  medium: { tier: 'medium', maxPixelRatio: 1, shadows: false, post: false, particles: 0.5 },
  high: { tier: 'high', maxPixelRatio: 1.5, shadows: true, post: true, particles: 1 },
};

/**
 * Milliseconds the probe's reference frame may take (rendered and finished on the GPU) for each
 * tier. A frame at 60 Hz has 16.7 ms; the probe frame is a heavy scene at the high tier's
 * settings, so a machine that needs a third of that for it has room for everything.
 */
export const PROBE_LIMITS_MS = { high: 6, medium: 16 } as const;

/** The tier for a probe's render times: their median against PROBE_LIMITS_MS. */
export function tierForProbe(samplesMs: readonly number[]): TierName {
  if (samplesMs.length === 0) return 'low';
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
  if (median <= PROBE_LIMITS_MS.high) return 'high';
  if (median <= PROBE_LIMITS_MS.medium) return 'medium';
  return 'low';
}

/** The tier below, or undefined at the bottom. */
export function tierBelow(tier: TierName): TierName | undefined {
  const index = TIER_NAMES.indexOf(tier);
  return index > 0 ? TIER_NAMES[index - 1] : undefined;
}

/**
 * Watches the intervals between frames drawn back to back (a camera move, rain) and says when to
 * step down: when three quarters of a full window of frames were over budget. Frames after a
 * rest (the stage draws on demand) are not intervals and are not counted.
 */
export class FrameWatch {
  private readonly intervals: number[] = [];

  constructor(
    /** Budget per frame: 30 frames a second is enough for slow camera moves. */
    readonly budgetMs = 1000 / 30,
    /** How many consecutive intervals make a judgement (about 2 s at 30 Hz). */
    readonly window = 60,
  ) {}

  /** Records one interval; true when the stage should step down (the window then starts over). */
  add(intervalMs: number): boolean {
    this.intervals.push(intervalMs);
    if (this.intervals.length > this.window) this.intervals.shift();
    if (this.intervals.length < this.window) return false;
    const over = this.intervals.filter((ms) => ms > this.budgetMs).length;
    if (over < this.window * 0.75) return false;
    this.intervals.length = 0;
    return true;
  }

  reset(): void {
    this.intervals.length = 0;
  }
}
