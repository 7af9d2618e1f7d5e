// `npm run audio:check`: every clip in audio/<lang>/ must be Opus in WebM, mono, not clipping and
// near −16 LUFS. A file that is not the draft we generated is a recording dropped in by a mediator:
// if it passes it is adopted (status "recorded" in audio/manifest.json, for today's Italian text);
// if not, it is refused with what to do. Ambience beds in audio/beds/ are checked the same way
// against their own target (−30 LUFS, at least 10 s). Exit status 1 when anything is refused.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audioManifestSchema } from '../src/contracts/audio-manifest.ts';
import { isLanguageCode } from '../src/contracts/languages.ts';
import { BED_TARGET_LUFS } from './audio-beds-recipes.ts';
import { fileHash, measure, problemsOf, spokenLines } from './audio-lib.ts';

/** A bed loops: shorter than this and the repeat is easy to hear. */
const MIN_BED_MS = 10_000;

const root = new URL('..', import.meta.url).pathname;
const manifestPath = join(root, 'audio/manifest.json');
const manifest = audioManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
const known = new Map(spokenLines(root).map((line) => [line.lineId, line]));

const refused: string[] = [];
let adopted = 0;
let checked = 0;
const dirs = readdirSync(join(root, 'audio')).filter(
  (d) => isLanguageCode(d) && statSync(join(root, 'audio', d)).isDirectory(),
);
for (const lang of dirs) {
  for (const name of readdirSync(join(root, 'audio', lang)).filter((f) =>
    /\.(webm|mp3|wav|ogg|m4a)$/.test(f),
  )) {
    const file = `${lang}/${name}`;
    const path = join(root, 'audio', file);
    const lineId = name.replace(/\.[a-z0-9]+$/, '');
    const entry = manifest.lines[lineId]?.[lang];
    const hash = fileHash(path);
    if (entry?.fileHash === hash) continue; // the clip as generated or adopted
    checked++;
    const line = known.get(lineId);
    if (!line) {
      refused.push(
        `audio/${file}: no line has the id "${lineId}" (see npm run journeys:check); rename the file to <line id>.webm`,
      );
      continue;
    }
    if (!name.endsWith('.webm')) {
      refused.push(
        `audio/${file}: convert it to audio/${lang}/${lineId}.webm with\n      ffmpeg -i ${name} -af loudnorm=I=-16:TP=-1.5:LRA=11 -ac 1 -ar 48000 -c:a libopus -b:a 32k ${lineId}.webm`,
      );
      continue;
    }
    const m = await measure(path);
    const problems = problemsOf(m);
    if (problems.length > 0) {
      refused.push(`audio/${file}:\n    - ${problems.join('\n    - ')}`);
      continue;
    }
    manifest.lines[lineId] = {
      ...manifest.lines[lineId],
      [lang]: {
        status: 'recorded',
        file,
        durationMs: m.durationMs,
        ...(line.madeFor ? { madeFor: line.madeFor } : {}),
        loudnessLufs: m.loudnessLufs,
        truePeakDb: m.truePeakDb,
        fileHash: hash,
      },
    };
    adopted++;
    console.log(
      `  ✓ adopted audio/${file} as the recording of ${lineId} (${(m.durationMs / 1000).toFixed(1)} s, ${m.loudnessLufs} LUFS)`,
    );
  }
}
// Ambience beds: a field recording dropped in as audio/beds/<id>.webm replaces the synthetic loop.
const beds = { ...manifest.beds };
const bedDir = join(root, 'audio/beds');
for (const name of existsSync(bedDir)
  ? readdirSync(bedDir).filter((f) => /\.(webm|mp3|wav|ogg|m4a)$/.test(f))
  : []) {
  const id = name.replace(/\.[a-z0-9]+$/, '');
  const file = `beds/${name}`;
  const path = join(root, 'audio', file);
  const hash = fileHash(path);
  if (beds[id]?.fileHash === hash) continue;
  checked++;
  if (!beds[id]) {
    refused.push(
      `audio/${file}: no bed is called "${id}"; use a name from audio/manifest.json "beds" (${Object.keys(beds).join(', ')})`,
    );
    continue;
  }
  const m = await measure(path);
  const problems = problemsOf(m, BED_TARGET_LUFS);
  if (m.durationMs < MIN_BED_MS)
    problems.push(
      `only ${(m.durationMs / 1000).toFixed(1)} s: a bed loops, record at least ${MIN_BED_MS / 1000} s`,
    );
  if (problems.length > 0) {
    refused.push(`audio/${file}:\n    - ${problems.join('\n    - ')}`);
    continue;
  }
  beds[id] = {
    status: 'recorded',
    file,
    durationMs: m.durationMs,
    ...(beds[id]?.title ? { title: beds[id]?.title } : {}),
    loudnessLufs: m.loudnessLufs,
    truePeakDb: m.truePeakDb,
    fileHash: hash,
  };
  adopted++;
  console.log(`  ✓ adopted audio/${file} as the recorded bed "${id}" (${m.loudnessLufs} LUFS)`);
}
manifest.beds = beds;
for (const [id, bed] of Object.entries(beds)) {
  if (!existsSync(join(root, 'audio', bed.file)))
    refused.push(
      `audio/${bed.file}: listed as the bed "${id}" but missing; restore it, or run npm run audio:beds`,
    );
}
for (const [lineId, perLanguage] of Object.entries(manifest.lines)) {
  for (const [lang, clip] of Object.entries(perLanguage)) {
    try {
      statSync(join(root, 'audio', clip.file));
    } catch {
      refused.push(
        `audio/${clip.file}: listed in audio/manifest.json for ${lineId} (${lang}) but missing; restore it, or run npm run audio:drafts`,
      );
    }
  }
}
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `${checked} new or changed file(s) checked, ${adopted} recording(s) adopted, ${refused.length} refused.`,
);
if (refused.length > 0) {
  console.log(`\nRefused:\n  ${refused.join('\n  ')}`);
  process.exitCode = 1;
}
