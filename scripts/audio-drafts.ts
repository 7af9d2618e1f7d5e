// `npm run audio:drafts`: draft (text-to-speech) clips for the shell's spoken lines with
// espeak-ng, loudness-normalised to −16 LUFS and encoded as mono Opus in WebM via ffmpeg.
// Skips clips whose source text has not changed (content hash in audio/manifest.json).
// Drafts are placeholders for recordings by cultural mediators and are marked as such.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AudioManifest, audioManifestSchema } from '../src/contracts/audio-manifest.ts';
import { SHELL_SPOKEN_KEYS } from '../src/i18n/spoken.ts';

const ESPEAK_VOICES: Record<string, string> = {
  it: 'it',
  en: 'en-gb',
  fr: 'fr',
  es: 'es',
  ro: 'ro',
  sq: 'sq',
};
const root = new URL('..', import.meta.url).pathname;
const manifestPath = join(root, 'audio/manifest.json');

function lookup(strings: Record<string, unknown>, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings);
  return typeof value === 'string' ? value : undefined;
}

function durationMs(file: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Math.round(Number(out.toString().trim()) * 1000);
}

const manifest: AudioManifest = existsSync(manifestPath)
  ? audioManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
  : { version: 1, lines: {} };

const languages = process.argv.slice(2).length ? process.argv.slice(2) : ['it', 'en'];
const jobs = languages.flatMap((lang) => {
  const strings = JSON.parse(readFileSync(join(root, `locales/${lang}/shell.json`), 'utf8'));
  return SHELL_SPOKEN_KEYS.map((key) => ({ lang, key, lineId: `shell.${key}`, text: lookup(strings, key) }));
});

let done = 0;
let made = 0;
for (const job of jobs) {
  done++;
  const voice = ESPEAK_VOICES[job.lang];
  process.stdout.write(`\r[${done}/${jobs.length}] ${job.lang} ${job.lineId}`.padEnd(70));
  if (!voice || !job.text) continue;
  const hash = createHash('sha256').update(`${voice}\n${job.text}`).digest('hex').slice(0, 16);
  const entry = manifest.lines[job.lineId]?.[job.lang];
  const file = `${job.lang}/${job.lineId}.webm`;
  if (entry?.status === 'recorded' || (entry?.sourceHash === hash && existsSync(join(root, 'audio', file))))
    continue;
  mkdirSync(join(root, 'audio', job.lang), { recursive: true });
  const wav = join(tmpdir(), `percorso-${process.pid}.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', wav, job.text]);
  execFileSync('ffmpeg', [
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
    '32k',
    join(root, 'audio', file),
  ]);
  rmSync(wav);
  manifest.lines[job.lineId] = {
    ...manifest.lines[job.lineId],
    [job.lang]: {
      status: 'draft',
      file,
      durationMs: durationMs(join(root, 'audio', file)),
      sourceHash: hash,
      voice: `espeak-ng:${voice}`,
    },
  };
  made++;
}
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `\n${made} draft clip(s) made, ${jobs.length - made} up to date or not speakable. Drafts need review by a cultural mediator.`,
);
