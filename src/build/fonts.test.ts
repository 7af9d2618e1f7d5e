// No text ever falls back to tofu boxes: every character of every string of every language (and
// every language's own name) must be drawn by a face of that language's font stack whose
// unicode-range covers it and whose font file has a glyph for it (read from the cmap).

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_CODES, type LanguageCode } from '../contracts/languages.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { buildChineseSubset, localeStrings as stringsOf } from './cjk-font.ts';
import { type FontFace, inRanges, readFontFaces } from './font-faces.ts';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const css = (pkg: string) => require.resolve(`@fontsource/${pkg}/400.css`);
const out = mkdtempSync(join(tmpdir(), 'percorso-fonts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let stacks: Record<'default' | 'ur', FontFace[]>;
const fonts = new Map<string, { hasGlyphForCodePoint(cp: number): boolean }>();

beforeAll(async () => {
  const faces = (pkg: string) => readFontFaces(css(pkg));
  const chinese = readFontFaces(await buildChineseSubset(root, out));
  const latin = faces('noto-sans');
  // The same order as --pc-font and --pc-font-ur in src/app/base.css.
  stacks = {
    default: [
      ...latin,
      ...faces('noto-sans-arabic'),
      ...faces('noto-sans-devanagari'),
      ...faces('noto-sans-bengali'),
      ...faces('noto-sans-gurmukhi'),
      ...chinese,
    ],
    ur: [...faces('noto-nastaliq-urdu'), ...faces('noto-sans-arabic'), ...latin],
  };
  for (const face of [...stacks.default, ...stacks.ur]) {
    if (!fonts.has(face.file)) fonts.set(face.file, fontkit.openSync(face.file));
  }
}, 60_000);

const localeStrings = (lang: LanguageCode) => stringsOf(root, lang);

/** Characters no face of the stack draws, with the string they come from. */
function tofu(lang: LanguageCode, texts: string[]): string[] {
  const stack = lang === 'ur' ? stacks.ur : stacks.default;
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (cp < 0x20 || (cp >= 0x200b && cp <= 0x200f)) continue; // controls, zero-width joiners and marks
      const drawn = stack.some(
        (face) => inRanges(cp, face.ranges) && fonts.get(face.file)?.hasGlyphForCodePoint(cp),
      );
      if (!drawn) missing.add(`U+${cp.toString(16).toUpperCase()} "${char}" in "${text.slice(0, 40)}"`);
    }
  }
  return [...missing];
}

describe('fonts: no tofu in any language', () => {
  it('finds strings to check in every language that has a locale folder', () => {
    expect(localeStrings('it').length).toBeGreaterThan(30);
    expect(localeStrings('zh').length).toBeGreaterThan(30);
  });

  it.each(LANGUAGE_CODES)('draws every character of %s', (lang) => {
    expect(tofu(lang, [...localeStrings(lang), LANGUAGES[lang].nativeName])).toEqual([]);
  });

  it('notices a character no shipped face draws', () => {
    expect(tofu('it', ['Ciao ⌘'])).toEqual(['U+2318 "⌘" in "Ciao ⌘"']);
    expect(tofu('zh', ['中文 龘'])).toHaveLength(1); // not used by our Chinese strings: not in the subset
  });
});
