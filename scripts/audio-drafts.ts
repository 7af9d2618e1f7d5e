// `npm run audio:drafts [lang …]`: draft (text-to-speech) clips for every spoken line — the shell's
// and every journey's — in every language espeak-ng can speak, loudness-normalised to −16 LUFS and
// encoded as mono Opus in WebM (24 kbit/s) via ffmpeg, with loudness and true peak measured into
// audio/manifest.json. Resumable: skips clips whose text and voice are unchanged; never touches a
// recording (status "recorded", or a file someone dropped in: npm run audio:check adopts those).
// Drafts are placeholders for recordings by cultural mediators and are marked as such.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type AudioManifest, audioManifestSchema } from '../src/contracts/audio-manifest.ts';
import { isLanguageCode, LANGUAGE_CODES } from '../src/contracts/languages.ts';
import { readTranslations } from '../src/journeys/compiler/coverage.ts';
import { speakableDigits } from '../src/sound/spoken-numbers.ts';
import { fileHash, measure, spokenLines } from './audio-lib.ts';

const run = promisify(execFile);
/** espeak-ng voices by language; ar and zh only under the conditions in `speakable`. */
const ESPEAK_VOICES: Record<string, string> = {
  it: 'it',
  en: 'en-gb',
  fr: 'fr',
  es: 'es',
  'pt-BR': 'pt-br',
  ro: 'ro',
  sq: 'sq',
  hi: 'hi',
  bn: 'bn',
  ur: 'ur',
  pa: 'pa',
  ar: 'ar',
  zh: 'cmn-latn-pinyin',
};
/** Why a language has no drafts here: these need recordings by cultural mediators. */
const NO_VOICE: Record<string, string> = {
  pcm: 'espeak-ng has no Nigerian Pidgin voice',
  wo: 'espeak-ng has no Wolof voice',
  ary: 'espeak-ng has no Darija voice (standard Arabic is not a substitute)',
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
const ARABIC_VOWEL_MARKS = /[\u064b-\u0652]/;
const CONCURRENCY = 3;
const root = new URL('..', import.meta.url).pathname;
const manifestPath = join(root, 'audio/manifest.json');

interface Job {
  lang: string;
  lineId: string;
  text: string;
  speaker: string;
  madeFor?: string;
}

function lookup(strings: Record<string, unknown>, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings);
  return typeof value === 'string' ? value : undefined;
}

const readJson = (path: string): Record<string, unknown> =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};

const manifest: AudioManifest = existsSync(manifestPath)
  ? audioManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
  : { version: 1, lines: {} };
const requested = process.argv.slice(2).filter(isLanguageCode);
const languages = requested.length ? requested : [...LANGUAGE_CODES];
const lines = spokenLines(root);

const jobs: Job[] = [];
const skipped = new Map<string, string>();
for (const lang of languages) {
  if (!ESPEAK_VOICES[lang]) {
    skipped.set(lang, NO_VOICE[lang] ?? 'no espeak-ng voice');
    continue;
  }
  const shell = readJson(join(root, `locales/${lang}/shell.json`));
  // Mandarin drafts are read from pinyin (espeak reads Hanzi as English): locales/zh/pinyin.json, line id → pinyin.
  const pinyin = lang === 'zh' ? readJson(join(root, 'locales/zh/pinyin.json')) : {};
  const translations = new Map<string, ReturnType<typeof readTranslations>>();
  let unvowelled = 0;
  let noPinyin = 0;
  for (const line of lines) {
    let text: string | undefined;
    if (line.group === 'shell') text = lookup(shell, line.lineId.slice('shell.'.length));
    else if (lang === 'it') text = line.it;
    else {
      if (!translations.has(line.group))
        translations.set(line.group, readTranslations(root, lang, line.group));
      text = translations.get(line.group)?.strings[line.lineId];
    }
    if (!text) continue;
    if (lang === 'ar' && !ARABIC_VOWEL_MARKS.test(text)) {
      unvowelled++;
      continue;
    }
    if (lang === 'zh') {
      const spoken = pinyin[line.lineId];
      if (typeof spoken !== 'string') {
        noPinyin++;
        continue;
      }
      text = spoken;
    }
    jobs.push({ lang, lineId: line.lineId, text, speaker: line.speaker, madeFor: line.madeFor });
  }
  if (unvowelled)
    skipped.set(lang, `${unvowelled} lines without vowel marks (espeak-ng needs vowelled Arabic)`);
  if (noPinyin) skipped.set(lang, `${noPinyin} lines without pinyin in locales/zh/pinyin.json`);
}

async function make(job: Job, index: number): Promise<'made' | 'kept'> {
  const voice = `${ESPEAK_VOICES[job.lang]}${SPEAKER_VARIANTS[job.speaker] ?? ''}`;
  const spoken = speakableDigits(job.text);
  const hash = createHash('sha256').update(`${voice}\n${spoken}`).digest('hex').slice(0, 16);
  const entry = manifest.lines[job.lineId]?.[job.lang];
  const file = `${job.lang}/${job.lineId}.webm`;
  const target = join(root, 'audio', file);
  if (entry?.status === 'recorded') return 'kept';
  // A file that is not the draft we made is a recording waiting for npm run audio:check.
  if (existsSync(target) && entry?.fileHash && fileHash(target) !== entry.fileHash) return 'kept';
  if (entry?.sourceHash === hash && existsSync(target)) {
    if (job.madeFor && entry.madeFor !== job.madeFor) entry.madeFor = job.madeFor; // same words, newer source
    if (entry.fileHash) return 'kept';
  } else {
    mkdirSync(join(root, 'audio', job.lang), { recursive: true });
    const wav = join(tmpdir(), `percorso-${process.pid}-${index}.wav`);
    await run('espeak-ng', ['-v', voice, '-s', '150', '-w', wav, spoken]);
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
  }
  const m = await measure(target);
  manifest.lines[job.lineId] = {
    ...manifest.lines[job.lineId],
    [job.lang]: {
      status: 'draft',
      file,
      durationMs: m.durationMs,
      sourceHash: hash,
      ...(job.madeFor ? { madeFor: job.madeFor } : {}),
      loudnessLufs: m.loudnessLufs,
      truePeakDb: m.truePeakDb,
      fileHash: fileHash(target),
      voice: `espeak-ng:${voice}`,
    },
  };
  return 'made';
}

let done = 0;
let made = 0;
let lastTenth = -1;
const started = Date.now();
const progress = () => {
  // A bar on a terminal; in a log (CI, a pipe), one line every tenth of the way.
  if (!process.stdout.isTTY) {
    const tenth = Math.floor((done / Math.max(1, jobs.length)) * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      process.stdout.write(`${done}/${jobs.length} clips, ${made} new or measured\n`);
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
  `\n${made} draft clip(s) made or measured, ${jobs.length - made} up to date, in ${Math.round((Date.now() - started) / 1000)} s.`,
);
console.log(
  'Drafts are machine speech: each needs review, and replacing by a recording, by a cultural mediator.',
);
for (const [lang, why] of skipped)
  console.log(`  ${lang}: ${why} — these need recordings by cultural mediators.`);
