// Quality tiers of the 3D stage: how much a station's GPU is asked to do. Chosen once at boot from
// a short probe (a reference frame rendered a few times at the highest settings), stepped down for
// good when frames stay over budget while something moves, and never stepped up by itself: a
// station that once stuttered stays calm for the rest of the day. Pure: no three.js, no DOM.

export const TIER_NAMES = ['minimal', 'low', 'medium', 'high'] as const;
export type TierName = (typeof TIER_NAMES)[number];
/** What a kiosk config may ask for: a fixed tier, or `auto` (probe at boot). */
export type TierSetting = TierName | 'auto';

export interface Quality {
  tier: TierName;
  /** Upper bound of the renderer's pixel ratio (below 1 renders fewer pixels and scales up). */
  maxPixelRatio: number;
  /**
   * Upper bound of the pixels drawn per frame, whatever the screen: where every pixel is paid on
   * a CPU, the cost of a frame must not grow with the screen. Infinity: no bound.
   */
  maxPixels: number;
  /** Sun shadows (one 1024² shadow map). */
  shadows: boolean;
  /** The finishing pass (vignette and grain) through an offscreen render target. */
  post: boolean;
  /** Share of each scene's particles drawn (rain, dust, steam), 0 to 1. */
  particles: number;
  /**
   * Light worked out per vertex on the CPU when a scene or its state changes (light.ts), drawn
   * unlit, with colours already in sRGB: the cheapest pixel there is. Per-pixel lighting and the
   * per-pixel sRGB encoding cost most of a frame on a CPU rasterizer or a Raspberry Pi's GPU.
   */
  bakedLight: boolean;
}

export const TIERS: Readonly<Record<TierName, Quality>> = {
  minimal: {
    tier: 'minimal',
    maxPixelRatio: 0.5,
    // 640 × 360: a third of a 1080p screen's width, scaled up smoothly by the browser.
    maxPixels: 640 * 360,
    shadows: false,
    post: false,
    particles: 0,
    bakedLight: true,
  },
  low: {
    tier: 'low',
    maxPixelRatio: 0.75,
    maxPixels: Number.POSITIVE_INFINITY,
    shadows: false,
    post: false,
    particles: 0,
    bakedLight: false,
  },
  medium: {
    tier: 'medium',
    maxPixelRatio: 1,
    maxPixels: Number.POSITIVE_INFINITY,
    shadows: false,
    post: false,
    particles: 0.5,
    bakedLight: false,
  },
  high: {
    tier: 'high',
    maxPixelRatio: 1.5,
    maxPixels: Number.POSITIVE_INFINITY,
    shadows: true,
    post: true,
    particles: 1,
    bakedLight: false,
  },
};

/**
 * Milliseconds the probe's reference frame may take (rendered and finished on the GPU) for each
 * tier. A frame at 60 Hz has 16.7 ms; the probe frame is a heavy scene at the high tier's
 * settings, so a machine that needs a third of that for it has room for everything. Beyond
 * `low`'s limit the machine is drawing on its CPU (SwiftShader, llvmpipe: 60 ms and more on two
 * cores) or on a GPU as weak: the minimal tier.
 */
export const PROBE_LIMITS_MS = { high: 6, medium: 16, low: 40 } as const;

/** The tier for a probe's render times: their median against PROBE_LIMITS_MS. */
export function tierForProbe(samplesMs: readonly number[]): TierName {
  if (samplesMs.length === 0) return 'low';
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
  if (median <= PROBE_LIMITS_MS.high) return 'high';
  if (median <= PROBE_LIMITS_MS.medium) return 'medium';
  if (median <= PROBE_LIMITS_MS.low) return 'low';
  return 'minimal';
}

/** The pixel ratio to draw a `width` × `height` CSS-pixel canvas at, on a `devicePixelRatio` screen. */
export function pixelRatioFor(quality: Quality, width: number, height: number, devicePixelRatio = 1): number {
  const budget = Math.sqrt(quality.maxPixels / Math.max(1, width * height));
  return Math.min(devicePixelRatio, quality.maxPixelRatio, budget);
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
