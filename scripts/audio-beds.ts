// `npm run audio:beds`: the ambience beds played under the 3D scenes (scenes/<installation>/
// scenes.yaml names one per scene), made offline with ffmpeg from filtered noise and tones, since
// the project ships no downloaded sound. Each bed is a 20 s loop whose last two seconds are
// cross-faded into its first two (equal power), so it repeats without a click; normalised to
// −30 LUFS, well under narration at −16, and ducked a further 12 dB while a line is spoken
// (src/sound/ambience.ts). Encoded like the clips: mono Opus in WebM, 24 kbit/s.
// Resumable: a bed whose recipe is unchanged is kept; a recorded bed (status "recorded", adopted
// by npm run audio:check) is never touched. Field recordings are welcome replacements.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type AudioManifest, audioManifestSchema } from '../src/contracts/audio-manifest.ts';
import { BED_LOOP_S, BED_RECIPES, BED_TARGET_LUFS, bedGraph } from './audio-beds-recipes.ts';
import { fileHash, measure } from './audio-lib.ts';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const manifestPath = join(root, 'audio/manifest.json');
/** The encoding after the gain (part of each bed's hash: changing it remakes the beds). */
const ENCODE = ['-ac', '1', '-ar', '48000', '-c:a', 'libopus', '-b:a', '24k'];

async function makeBeds(only: readonly string[]): Promise<void> {
  const manifest: AudioManifest = audioManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const beds = { ...manifest.beds };
  const wanted = Object.keys(BED_RECIPES).filter((id) => only.length === 0 || only.includes(id));
  const unknown = only.filter((id) => !(id in BED_RECIPES));
  if (unknown.length > 0) {
    console.error(
      `No recipe for ${unknown.join(', ')}. Beds: ${Object.keys(BED_RECIPES).join(', ')} (scripts/audio-beds-recipes.ts).`,
    );
    process.exitCode = 2;
    return;
  }
  mkdirSync(join(root, 'audio/beds'), { recursive: true });
  let made = 0;
  for (const [index, id] of wanted.entries()) {
    const recipe = BED_RECIPES[id];
    if (!recipe) continue;
    const graph = bedGraph(recipe);
    const hash = createHash('sha256')
      .update(`${BED_TARGET_LUFS}\n${graph}\nlimit 0.7, corrected after encoding\n${ENCODE.join(' ')}`)
      .digest('hex')
      .slice(0, 16);
    const file = `beds/${id}.webm`;
    const target = join(root, 'audio', file);
    const entry = beds[id];
    const label = `[${index + 1}/${wanted.length}] ${id}`;
    if (entry?.status === 'recorded') {
      console.log(`${label}: recorded, kept`);
      continue;
    }
    if (existsSync(target) && entry?.fileHash && fileHash(target) !== entry.fileHash) {
      console.log(`${label}: a different file is there (a recording?): run npm run audio:check to adopt it`);
      continue;
    }
    if (entry?.sourceHash === hash && existsSync(target)) {
      console.log(`${label}: up to date`);
      continue;
    }
    const wav = join(tmpdir(), `percorso-bed-${process.pid}-${id}.wav`);
    try {
      await run('ffmpeg', ['-v', 'error', '-y', '-filter_complex', graph, '-ac', '1', '-ar', '48000', wav]);
      // Measure the raw loop, apply the gain that brings it to the target, and correct once more
      // for what the encoder changed (Opus drops the highest band: hiss-heavy beds lose a dB or two).
      let gain = BED_TARGET_LUFS - (await measure(wav)).loudnessLufs;
      for (let pass = 0; pass < 3; pass++) {
        await run('ffmpeg', [
          ...['-v', 'error', '-y', '-i', wav],
          ...['-af', `volume=${gain.toFixed(2)}dB,alimiter=limit=0.7:level=0`],
          ...ENCODE,
          target,
        ]);
        const off = BED_TARGET_LUFS - (await measure(target)).loudnessLufs;
        if (Math.abs(off) <= 0.5) break;
        gain += off;
      }
    } finally {
      rmSync(wav, { force: true });
    }
    const m = await measure(target);
    beds[id] = {
      status: 'synthetic',
      file,
      durationMs: m.durationMs,
      sourceHash: hash,
      title: recipe.title,
      loudnessLufs: m.loudnessLufs,
      truePeakDb: m.truePeakDb,
      fileHash: fileHash(target),
    };
    made++;
    console.log(`${label}: made, ${m.loudnessLufs} LUFS, ${Math.round(m.durationMs / 100) / 10} s`);
  }
  const sorted = Object.fromEntries(Object.entries(beds).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, beds: sorted }, null, 2)}\n`);
  console.log(
    `${made} bed${made === 1 ? '' : 's'} made, ${wanted.length - made} kept; ${BED_LOOP_S} s loops at ${BED_TARGET_LUFS} LUFS in audio/beds/.`,
  );
}

await makeBeds(process.argv.slice(2));
