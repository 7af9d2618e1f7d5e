// Reads @font-face rules (family, file, unicode-range) from CSS, for the Chinese subset builder
// and for the test that no string of any language falls back to tofu boxes.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface FontFace {
  family: string;
  weight: number;
  /** Absolute path of the woff2 file. */
  file: string;
  /** Inclusive code point ranges; empty means every code point. */
  ranges: [number, number][];
}

export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [from = '0', to = from] = part.split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as [number, number];
    });
}

export function readFontFaces(cssFile: string): FontFace[] {
  const css = readFileSync(cssFile, 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body = '']) => {
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const url = /url\(([^)]+\.woff2)\)/.exec(body)?.[1];
    if (!family || !url) return [];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    return [
      {
        family,
        weight: Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400),
        file: resolve(dirname(cssFile), url.replace(/^['"]|['"]$/g, '')),
        ranges: range ? parseUnicodeRange(range) : [],
      },
    ];
  });
}

export const inRanges = (codePoint: number, ranges: readonly [number, number][]): boolean =>
  ranges.length === 0 || ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** `U+4E2D,U+6587` for a set of code points, merging runs. */
export function formatUnicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  }
  return parts.join(',');
}
