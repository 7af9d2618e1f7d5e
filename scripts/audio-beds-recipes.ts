// The ambience beds' recipes: each a few ffmpeg sources (filtered noise, hums, soft knocks) mixed
// into one loop. They suggest a place without telling a story: no voices, no sirens, nothing that
// startles. The loop seam is hidden by `bedGraph` (see scripts/audio-beds.ts).

/** Loop length and the cross-fade that joins its end to its start. */
export const BED_LOOP_S = 20;
export const BED_SEAM_S = 2;
/** Under narration (−16 LUFS) by 14 LU before ducking. */
export const BED_TARGET_LUFS = -30;

export interface BedRecipe {
  /** What it should sound like: read by whoever records a replacement. */
  title: string;
  /** ffmpeg source filters, each producing mono audio at 48 kHz (the duration is appended). */
  sources: string[];
}

const brown = (amp: number, lowpass: number, seed: number, swell = '') =>
  `anoisesrc=c=brown:a=${amp}:r=48000:seed=${seed},lowpass=f=${lowpass}${swell}`;
const pink = (amp: number, filter: string, seed: number) =>
  `anoisesrc=c=pink:a=${amp}:r=48000:seed=${seed},${filter}`;
const hum = (amp: number, hz: number) => `sine=f=${hz}:r=48000,volume=${amp}`;
/** Short, rising chirps a few seconds apart, far away. */
const birds = (amp: number) =>
  `aevalsrc=exprs='${amp}*sin(2*PI*(2600+500*sin(2*PI*9*t))*t)*gt(sin(2*PI*0.37*t)\\,0.97)':s=48000`;
/** A muffled knock every `every` seconds (work somewhere else on the site). */
const knocks = (amp: number, hz: number, every: number) =>
  `aevalsrc=exprs='${amp}*sin(2*PI*${hz}*t)*exp(-28*mod(t\\,${every}))':s=48000`;

export const BED_RECIPES: Record<string, BedRecipe> = {
  campo: {
    title: 'Open fields at dawn: wind over crops, a few birds far away',
    sources: [brown(0.6, 500, 7, ',tremolo=f=0.13:d=0.5'), birds(0.1)],
  },
  cucina: {
    title: 'A restaurant kitchen: extractor hood, a fridge hum',
    sources: [pink(0.25, 'bandpass=f=900:width_type=o:w=2', 11), hum(0.05, 100), hum(0.02, 150)],
  },
  citta: {
    title: 'A city at night in light rain: distant traffic, rain hiss',
    sources: [brown(0.7, 250, 13, ',tremolo=f=0.1:d=0.5'), pink(0.08, 'highpass=f=4000', 17)],
  },
  autolavaggio: {
    title: 'A car wash by a road: water spray, traffic passing',
    sources: [pink(0.2, 'highpass=f=1500,tremolo=f=0.2:d=0.6', 19), brown(0.5, 200, 23)],
  },
  cantiere: {
    title: 'A building site in the heat: wind, knocks of work far off',
    sources: [brown(0.5, 400, 29), knocks(0.25, 180, 1.7)],
  },
  stanza: {
    title: 'An empty room: still air, almost silence',
    sources: [brown(0.3, 200, 31)],
  },
  strada: {
    title: 'A street at night: a low wind, the hum of a lamp',
    sources: [brown(0.5, 300, 37, ',tremolo=f=0.11:d=0.4'), hum(0.03, 60)],
  },
  appartamento: {
    title: 'A crowded flat at night: a fridge hum, a little air',
    sources: [hum(0.05, 100), hum(0.02, 200), pink(0.05, 'lowpass=f=1000', 41)],
  },
  telefono: {
    title: 'Alone with a phone: a low electric hum, faint static',
    sources: [hum(0.04, 55), pink(0.02, 'highpass=f=6000', 43)],
  },
  luce: {
    title: 'The end of the path: a soft, open chord that breathes',
    sources: [
      'sine=f=110:r=48000,volume=0.08,tremolo=f=0.1:d=0.3',
      'sine=f=164.81:r=48000,volume=0.05,tremolo=f=0.15:d=0.4',
      'sine=f=220:r=48000,volume=0.04,tremolo=f=0.2:d=0.5',
      pink(0.03, 'lowpass=f=600', 47),
    ],
  },
};

/**
 * The ffmpeg filter graph for a bed: its sources mixed over the loop plus the seam, then the last
 * `BED_SEAM_S` seconds faded (equal power) into the first ones, so the loop's end meets its start.
 */
export function bedGraph(recipe: BedRecipe, loopS = BED_LOOP_S, seamS = BED_SEAM_S): string {
  const duration = loopS + seamS;
  const inputs = recipe.sources.map(
    (source, i) => `${source.replace(/(^[a-z]+=)/, `$1d=${duration}:`)}[s${i}]`,
  );
  const labels = recipe.sources.map((_, i) => `[s${i}]`).join('');
  const mix = recipe.sources.length > 1 ? `amix=inputs=${recipe.sources.length}:normalize=0` : 'anull';
  return [
    ...inputs,
    `${labels}${mix},atrim=0:${duration},asplit=3[head][mid][tail]`,
    `[head]atrim=0:${seamS},asetpts=N/SR/TB,afade=t=in:d=${seamS}:curve=qsin[in]`,
    `[tail]atrim=${loopS}:${duration},asetpts=N/SR/TB,afade=t=out:d=${seamS}:curve=qsin[out]`,
    `[in][out]amix=inputs=2:normalize=0[seam]`,
    `[mid]atrim=${seamS}:${loopS},asetpts=N/SR/TB[body]`,
    '[seam][body]concat=n=2:v=0:a=1',
  ].join(';');
}
