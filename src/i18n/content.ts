// Installation content strings (journey lines): Italian from the compiled journeys, other
// languages from locales/<lang>/<installation>.json, loaded when a journey station starts.
// Keys are line ids with dots ("campo.arrivo.offerta"), so lookups never split on them.

import type { i18n as I18n } from 'i18next';
import type { LanguageCode } from '../contracts/languages.ts';
import { resolutionOrder, SOURCE_LANGUAGE } from './languages.ts';

const translations = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/*/*.json',
  '!../../locales/*/shell.json',
]);

/** Adds the Italian source lines and the translations along `language`'s fallback chain. */
export async function loadContentStrings(
  i18n: I18n,
  installation: string,
  source: Record<string, { it: string }>,
  language: LanguageCode,
): Promise<void> {
  i18n.addResourceBundle(
    SOURCE_LANGUAGE,
    installation,
    Object.fromEntries(Object.entries(source).map(([id, line]) => [id, line.it])),
    true,
    true,
  );
  for (const lang of resolutionOrder(language)) {
    if (lang === SOURCE_LANGUAGE || i18n.hasResourceBundle(lang, installation)) continue;
    const load = translations[`../../locales/${lang}/${installation}.json`];
    if (!load) continue;
    const { _meta: _ignored, ...strings } = (await load()).default;
    i18n.addResourceBundle(lang, installation, strings, true, true);
  }
}

/** The caption for a line in a language (falling back along its chain to Italian). */
export function lineText(i18n: I18n, installation: string, language: LanguageCode, lineId: string): string {
  // The typed keys cover the shell's own strings; content keys come from the journeys.
  const fixed = i18n.getFixedT as unknown as (
    lng: string,
    ns: string,
  ) => (key: string, options: object) => string;
  return fixed.call(i18n, language, installation)(lineId, { keySeparator: false, nsSeparator: false });
}
