// `npm run audio:drafts [lang …]`: draft (text-to-speech) clips for every spoken line — the shell's
// and every journey's — with espeak-ng, loudness-normalised to −16 LUFS and encoded as mono Opus in
// WebM (24 kbit/s) via ffmpeg. Resumable: skips clips whose text and voice have not changed
// (content hash in audio/manifest.json) and never touches a recorded clip. Drafts are placeholders
// for recordings by cultural mediators and are marked as such in the manifest.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compileAll } from '../src/build/journeys-plugin.ts';
import { type AudioManifest, audioManifestSchema } from '../src/contracts/audio-manifest.ts';
import { SHELL_SPOKEN_KEYS } from '../src/i18n/spoken.ts';
import { readTranslations } from '../src/journeys/compiler/coverage.ts';
import { speakableDigits } from '../src/sound/spoken-numbers.ts';

const run = promisify(execFile);
const ESPEAK_VOICES: Record<string, string> = {
  it: 'it',
  en: 'en-gb',
  fr: 'fr',
  es: 'es',
  ro: 'ro',
  sq: 'sq',
};
/** A different espeak variant per speaker, so a listener can tell the voices apart in drafts. */
const SPEAKER_VARIANTS: Record<string, string> = {
  narratore: '',
  lavoratore: '+m3',
  lavoratrice: '+f3',
  caporale: '+m7',
  datore: '+m5',
  operatrice: '+f2',
  voce: '+whisper',
};
const CONCURRENCY = 3;
const root = new URL('..', import.meta.url).pathname;
const manifestPath = join(root, 'audio/manifest.json');

interface Job {
  lang: string;
  lineId: string;
  text: string;
  speaker: string;
  /** Hash of the Italian line (journey lines), recorded as the clip's `madeFor`. */
  madeFor?: string;
}

function lookup(strings: Record<string, unknown>, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings);
  return typeof value === 'string' ? value : undefined;
}

const manifest: AudioManifest = existsSync(manifestPath)
  ? audioManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
  : { version: 1, lines: {} };
const languages = process.argv.slice(2).length ? process.argv.slice(2) : ['it', 'en'];

const { installations, problems } = compileAll(root);
if (problems.length > 0) {
  console.error(
    `the journeys have problems; fix them first (npm run journeys:check):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}

const jobs: Job[] = [];
const unspeakable = new Set<string>();
for (const lang of languages) {
  if (!ESPEAK_VOICES[lang]) {
    unspeakable.add(lang);
    continue;
  }
  const shell = JSON.parse(readFileSync(join(root, `locales/${lang}/shell.json`), 'utf8'));
  for (const key of SHELL_SPOKEN_KEYS) {
    const text = lookup(shell, key);
    if (text) jobs.push({ lang, lineId: `shell.${key}`, text, speaker: 'narratore' });
  }
  for (const installation of installations.values()) {
    const translations = lang === 'it' ? null : readTranslations(root, lang, installation.installation);
    for (const journey of installation.journeys) {
      for (const [lineId, line] of Object.entries(journey.lines)) {
        const text = lang === 'it' ? line.it : translations?.strings[lineId];
        if (text) jobs.push({ lang, lineId, text, speaker: line.speaker, madeFor: line.hash });
      }
    }
  }
}

async function make(job: Job, index: number): Promise<'made' | 'kept'> {
  const voice = `${ESPEAK_VOICES[job.lang]}${SPEAKER_VARIANTS[job.speaker] ?? ''}`;
  const hash = createHash('sha256')
    .update(`${voice}\n${speakableDigits(job.text)}`)
    .digest('hex')
    .slice(0, 16);
  const entry = manifest.lines[job.lineId]?.[job.lang];
  const file = `${job.lang}/${job.lineId}.webm`;
  const target = join(root, 'audio', file);
  if (entry?.status === 'recorded') return 'kept';
  if (entry?.sourceHash === hash && existsSync(target)) {
    if (job.madeFor && entry.madeFor !== job.madeFor) entry.madeFor = job.madeFor; // same words, newer source
    return 'kept';
  }
  mkdirSync(join(root, 'audio', job.lang), { recursive: true });
  const wav = join(tmpdir(), `percorso-${process.pid}-${index}.wav`);
  await run('espeak-ng', ['-v', voice, '-s', '150', '-w', wav, speakableDigits(job.text)]);
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    wav,
    '-af',
    'loudnorm=I=-16:TP=-1.5:LRA=11',
    '-ac',
    '1',
    '-ar',
    '48000',
    '-c:a',
    'libopus',
    '-b:a',
    '24k',
    target,
  ]);
  rmSync(wav);
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    target,
  ]);
  manifest.lines[job.lineId] = {
    ...manifest.lines[job.lineId],
    [job.lang]: {
      status: 'draft',
      file,
      durationMs: Math.round(Number(stdout.trim()) * 1000),
      sourceHash: hash,
      ...(job.madeFor ? { madeFor: job.madeFor } : {}),
      voice: `espeak-ng:${voice}`,
    },
  };
  return 'made';
}

let done = 0;
let made = 0;
const started = Date.now();
let lastLine = -1;
const progress = () => {
  // A bar on a terminal; in a log (CI, a pipe), one line every tenth of the way.
  if (!process.stdout.isTTY) {
    const tenth = Math.floor((done / Math.max(1, jobs.length)) * 10);
    if (tenth !== lastLine) {
      lastLine = tenth;
      process.stdout.write(`${done}/${jobs.length} clips, ${made} new\n`);
    }
    return;
  }
  const width = 30;
  const filled = Math.round((done / Math.max(1, jobs.length)) * width);
  process.stdout.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${jobs.length} clips, ${made} new`,
  );
};
let next = 0;
let saved = Date.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const index = next++;
      if ((await make(jobs[index] as Job, index)) === 'made') made++;
      done++;
      progress();
      // Save now and then, so an interrupted run resumes where it stopped.
      if (Date.now() - saved > 10_000) {
        saved = Date.now();
        writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      }
    }
  }),
);
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `\n${made} draft clip(s) made, ${jobs.length - made} up to date, in ${Math.round((Date.now() - started) / 1000)} s.`,
);
console.log(
  'Drafts are machine speech: each needs review, and replacing by a recording, by a cultural mediator.',
);
if (unspeakable.size > 0) {
  console.log(
    `No espeak-ng voice here for: ${[...unspeakable].join(', ')} — these need recordings by cultural mediators.`,
  );
}
