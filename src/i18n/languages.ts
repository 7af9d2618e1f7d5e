// Per-language facts the shell needs: name in its own script, writing direction, and the
// explicit fallback chain used for text and audio when a string or clip is missing.
// Fallbacks are a last resort, not a substitute: Pidgin speakers get English, not Italian,
// before nothing at all (FIELD-NOTES, "mother tongue matters more than format").

import type { LanguageCode } from '../contracts/languages.ts';

export interface LanguageInfo {
  code: LanguageCode;
  /** The language's name written in its own script. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** Tried in order after the language itself; always ends in the source language, Italian. */
  fallback: readonly LanguageCode[];
}

export const SOURCE_LANGUAGE = 'it' satisfies LanguageCode;

export const LANGUAGES: Readonly<Record<LanguageCode, LanguageInfo>> = {
  it: { code: 'it', nativeName: 'Italiano', dir: 'ltr', fallback: [] },
  en: { code: 'en', nativeName: 'English', dir: 'ltr', fallback: ['it'] },
  pcm: { code: 'pcm', nativeName: 'Naijá', dir: 'ltr', fallback: ['en', 'it'] },
  fr: { code: 'fr', nativeName: 'Français', dir: 'ltr', fallback: ['en', 'it'] },
  wo: { code: 'wo', nativeName: 'Wolof', dir: 'ltr', fallback: ['fr', 'en', 'it'] },
  ar: { code: 'ar', nativeName: 'العربية', dir: 'rtl', fallback: ['fr', 'en', 'it'] },
  ary: { code: 'ary', nativeName: 'الدارجة', dir: 'rtl', fallback: ['ar', 'fr', 'it'] },
  ur: { code: 'ur', nativeName: 'اردو', dir: 'rtl', fallback: ['en', 'it'] },
  pa: { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr', fallback: ['hi', 'en', 'it'] },
  bn: { code: 'bn', nativeName: 'বাংলা', dir: 'ltr', fallback: ['en', 'it'] },
  hi: { code: 'hi', nativeName: 'हिन्दी', dir: 'ltr', fallback: ['en', 'it'] },
  sq: { code: 'sq', nativeName: 'Shqip', dir: 'ltr', fallback: ['it', 'en'] },
  ro: { code: 'ro', nativeName: 'Română', dir: 'ltr', fallback: ['it', 'en'] },
  zh: { code: 'zh', nativeName: '中文', dir: 'ltr', fallback: ['en', 'it'] },
  es: { code: 'es', nativeName: 'Español', dir: 'ltr', fallback: ['it', 'en'] },
  'pt-BR': { code: 'pt-BR', nativeName: 'Português', dir: 'ltr', fallback: ['es', 'it', 'en'] },
};

/** The language itself followed by its fallbacks, without repeats. */
export function resolutionOrder(code: LanguageCode): LanguageCode[] {
  return [...new Set<LanguageCode>([code, ...LANGUAGES[code].fallback, SOURCE_LANGUAGE])];
}
