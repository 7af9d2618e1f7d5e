// The two languages: which one a browser starts in, and that English says everything Italian does.
import { describe, expect, it } from 'vitest';
import { pickLanguage, STRINGS, vocabulary } from './strings.ts';

/** Every key path of a dictionary, functions counted as leaves. */
const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix];

describe('languages', () => {
  it('start from what was chosen, else the browser’s preference, else Italian', () => {
    expect(pickLanguage('en', ['it-IT'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'en-GB', 'it'])).toBe('en');
    expect(pickLanguage(null, ['it-CH'])).toBe('it');
    expect(pickLanguage('de', ['de-DE', 'ro'])).toBe('it');
    expect(pickLanguage(null, [])).toBe('it');
  });

  it('have the same keys in both, none empty', () => {
    expect(keys(STRINGS.en).sort()).toEqual(keys(STRINGS.it).sort());
    for (const lang of ['it', 'en'] as const)
      for (const path of keys(STRINGS[lang])) {
        const value = path
          .slice(0, -1)
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], STRINGS[lang]);
        if (typeof value === 'string') expect(value.trim(), `${lang}.${path}`).not.toBe('');
      }
  });

  it('name the report’s vocabulary in each language', () => {
    expect(vocabulary('it').type('photo-exhibition')).toBe('Mostre fotografiche');
    expect(vocabulary('en').audience('students')).toBe('Students');
    expect(vocabulary('it').province('PV')).toBe('PV · Pavia');
    expect(vocabulary('en').province('other')).toBe('Other');
  });
});
