// Language codes the project knows, shared by kiosk configs, locales, audio and the register.
// Codes are BCP 47 tags; `ary` (Moroccan Darija) and `pcm` (Nigerian Pidgin) are separate
// entries because their speakers do not understand the "nearby" standard language reliably.

export const LANGUAGE_CODES = [
  'it',
  'en',
  'pcm',
  'fr',
  'wo',
  'ar',
  'ary',
  'ur',
  'pa',
  'bn',
  'hi',
  'sq',
  'ro',
  'zh',
  'es',
  'pt-BR',
] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}
