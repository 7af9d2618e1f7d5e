// The recording script for one language: a CSV that Italian Excel opens as it is (";" between
// cells, UTF-8 with BOM, CRLF), one row per line id in the order a visitor meets them.

import type { AudioManifest } from '../../contracts/audio-manifest.ts';
import type { LanguageCode } from '../../contracts/languages.ts';
import type { CompiledInstallation } from '../compiled.ts';
import { lineStatus, type TranslationFile } from './coverage.ts';

/** Quotes a cell and defuses text a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r\0＝＋－＠]/.test(value) ? `'${value}` : value;
  return `"${defused.replaceAll('"', '""')}"`;
}

const STATUS_TEXT: Record<string, string> = {
  source: 'testo sorgente',
  current: 'tradotto',
  stale: 'DA RIVEDERE: il testo italiano è cambiato',
  unchecked: 'tradotto (non verificato sul testo attuale)',
  missing: 'DA TRADURRE',
};

export function recordingScript(
  installation: CompiledInstallation,
  lang: LanguageCode,
  translations: TranslationFile | null,
  manifest: AudioManifest,
): string {
  const header = [
    'id riga / line id',
    'voce / speaker',
    'italiano (sorgente)',
    `testo (${lang})`,
    'stato / status',
    'audio',
  ];
  const rows = [header];
  for (const journey of [...installation.journeys].sort((a, b) => a.order - b.order)) {
    for (const [id, line] of Object.entries(journey.lines)) {
      const status = lineStatus(id, line.hash, lang, translations, manifest);
      const text = lang === 'it' ? line.it : (translations?.strings[id] ?? '');
      rows.push([
        id,
        line.speaker,
        line.it,
        text,
        STATUS_TEXT[status.translation] ?? status.translation,
        status.audioStale ? `${status.audio}: DA RIREGISTRARE (testo cambiato)` : status.audio,
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
