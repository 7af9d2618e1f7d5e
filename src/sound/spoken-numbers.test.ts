import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NON_LATIN_DIGITS, speakableDigits } from './spoken-numbers.ts';

const locales = new URL('../../locales/', import.meta.url).pathname;

describe('numbers a visitor must act on', () => {
  it('are spoken digit by digit in their groups, never as hundreds', () => {
    expect(speakableDigits('Call 800 290 290, free.')).toBe('Call 8 0 0, 2 9 0, 2 9 0, free.');
    expect(speakableDigits('اتصل بالرقم 800 290 290')).toBe('اتصل بالرقم 8 0 0, 2 9 0, 2 9 0');
    expect(speakableDigits('800290290')).toBe('8 0 0, 2 9 0, 2 9 0');
  });

  it('leaves other numbers alone: years, counts, Italian thousands', () => {
    const text = 'Nel 2024, 870 persone; in tutto 3.115.';
    expect(speakableDigits(text)).toBe(text);
  });

  it('are written with Latin digits in every language file', () => {
    const offenders: string[] = [];
    for (const lang of readdirSync(locales).filter((d) => statSync(join(locales, d)).isDirectory())) {
      for (const file of readdirSync(join(locales, lang)).filter((f) => f.endsWith('.json'))) {
        const text = readFileSync(join(locales, lang, file), 'utf8');
        if (NON_LATIN_DIGITS.test(text)) offenders.push(`${lang}/${file}`);
        if (/800\D{0,3}290\D{0,3}290/.test(text) && !text.includes('800 290 290'))
          offenders.push(`${lang}/${file}: helpline`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
