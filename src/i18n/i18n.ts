// i18next set-up: resources bundled from locales/ at build time (no fetch, works offline),
// explicit fallback chains per language, and the document's lang/dir kept in step.

import i18next, { type i18n as I18n } from 'i18next';
import type { LanguageCode } from '../contracts/languages.ts';
import { isLanguageCode } from '../contracts/languages.ts';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages.ts';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

// Only the shell's strings are bundled with the entry; installations' lines load with their journeys.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/shell.json', {
  eager: true,
});

/** locales/<lang>/<namespace>.json → { lang: { namespace: strings } }; `_meta` stays out of the strings. */
export function bundledResources(): Resources {
  const resources: Resources = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2] || !isLanguageCode(match[1])) continue;
    const { _meta: _ignored, ...strings } = module.default;
    resources[match[1]] = { ...resources[match[1]], [match[2]]: strings };
  }
  return resources;
}

function fallbackChains(): Record<string, string[]> {
  const chains: Record<string, string[]> = { default: [SOURCE_LANGUAGE] };
  for (const info of Object.values(LANGUAGES)) chains[info.code] = [...info.fallback];
  return chains;
}

export async function createI18n(language: LanguageCode): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: fallbackChains(),
    supportedLngs: Object.keys(LANGUAGES),
    resources: bundledResources(),
    ns: ['shell'],
    defaultNS: 'shell',
    interpolation: { escapeValue: false }, // lit escapes every binding; double escaping would show &amp;
    returnNull: false,
    initAsync: false, // resources are bundled: no need to defer init to a later task
  });
  return instance;
}

/** Sets lang and dir on <html>: Arabic, Darija and Urdu mirror the layout. */
export function applyDocumentLanguage(doc: Document, language: LanguageCode): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = LANGUAGES[language].dir;
}
