// Per language: which lines of an installation have a translation (and whether it was made for
// the current Italian text), and which have a recorded or draft clip. Feeds journeys:check's
// table and journeys:script's status column.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AudioManifest } from '../../contracts/audio-manifest.ts';
import type { LanguageCode } from '../../contracts/languages.ts';
import type { CompiledInstallation } from '../compiled.ts';

export interface TranslationFile {
  strings: Record<string, string>;
  /** Line id → hash of the Italian text the translation was made from (`_meta.sourceHashes`). */
  sourceHashes: Record<string, string>;
  review?: string;
}

export type LineStatus = {
  translation: 'source' | 'current' | 'stale' | 'unchecked' | 'missing';
  audio: 'recorded' | 'draft' | 'missing';
  /** The clip was made for an older Italian text (manifest `madeFor`). */
  audioStale: boolean;
};

export interface LanguageCoverage {
  lang: LanguageCode;
  lines: number;
  translated: number;
  stale: number;
  unchecked: number;
  recorded: number;
  draft: number;
  audioMissing: number;
  audioStale: number;
}

export function readTranslations(root: string, lang: string, installation: string): TranslationFile | null {
  const path = join(root, 'locales', lang, `${installation}.json`);
  if (!existsSync(path)) return null;
  const { _meta, ...strings } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    _meta?: { sourceHashes?: Record<string, string>; review?: string };
  };
  return {
    strings: Object.fromEntries(
      Object.entries(strings).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    sourceHashes: _meta?.sourceHashes ?? {},
    review: _meta?.review,
  };
}

export function lineStatus(
  lineId: string,
  hash: string,
  lang: LanguageCode,
  translations: TranslationFile | null,
  manifest: AudioManifest,
): LineStatus {
  const clip = manifest.lines[lineId]?.[lang];
  const audio = clip ? clip.status : 'missing';
  const audioStale = clip?.madeFor !== undefined && clip.madeFor !== hash;
  if (lang === 'it') return { translation: 'source', audio, audioStale };
  if (!translations?.strings[lineId]) return { translation: 'missing', audio, audioStale };
  const made = translations.sourceHashes[lineId];
  return {
    translation: made === undefined ? 'unchecked' : made === hash ? 'current' : 'stale',
    audio,
    audioStale,
  };
}

export function coverage(
  root: string,
  installation: CompiledInstallation,
  languages: readonly LanguageCode[],
  manifest: AudioManifest,
): LanguageCoverage[] {
  const lines = installation.journeys.flatMap((j) => Object.entries(j.lines));
  return languages.map((lang) => {
    const translations = readTranslations(root, lang, installation.installation);
    const row: LanguageCoverage = {
      lang,
      lines: lines.length,
      translated: 0,
      stale: 0,
      unchecked: 0,
      recorded: 0,
      draft: 0,
      audioMissing: 0,
      audioStale: 0,
    };
    for (const [id, line] of lines) {
      const status = lineStatus(id, line.hash, lang, translations, manifest);
      if (status.translation !== 'missing') row.translated++;
      if (status.translation === 'stale') row.stale++;
      if (status.translation === 'unchecked') row.unchecked++;
      if (status.audioStale) row.audioStale++;
      if (status.audio === 'recorded') row.recorded++;
      else if (status.audio === 'draft') row.draft++;
      else row.audioMissing++;
    }
    return row;
  });
}
