// i18next set-up: resources from locales/, bundled at build time and precached (works offline),
// explicit fallback chains per language, and the document's lang/dir kept in step.

import i18next, { type i18n as I18n } from 'i18next';
import type { LanguageCode } from '../contracts/languages.ts';
import { LANGUAGES, resolutionOrder, SOURCE_LANGUAGE } from './languages.ts';

// The source language's shell strings are in the entry chunk; every other language's load on
// demand (its own small chunk, precached): the visit's language and its fallbacks before the
// first frame, the other offered languages right after it.
const source = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/it/shell.json', {
  eager: true,
});
const others = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/*/shell.json',
  '!../../locales/it/shell.json',
]);

const strip = ({ _meta: _ignored, ...strings }: Record<string, unknown>) => strings;

/** Loads the shell strings of `languages` (and their fallback chains) that are not loaded yet. */
export async function loadShellStrings(i18n: I18n, languages: readonly LanguageCode[]): Promise<void> {
  const wanted = [...new Set(languages.flatMap((lang) => resolutionOrder(lang)))];
  await Promise.all(
    wanted
      .filter((lang) => !i18n.hasResourceBundle(lang, 'shell'))
      .map(async (lang) => {
        const load = others[`../../locales/${lang}/shell.json`];
        if (load) i18n.addResourceBundle(lang, 'shell', strip((await load()).default), true, true);
      }),
  );
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
    resources: {
      [SOURCE_LANGUAGE]: { shell: strip(Object.values(source)[0]?.default ?? {}) },
    },
    ns: ['shell'],
    defaultNS: 'shell',
    interpolation: { escapeValue: false }, // lit escapes every binding; double escaping would show &amp;
    returnNull: false,
    initAsync: false, // resources are bundled: no need to defer init to a later task
  });
  await loadShellStrings(instance, [language]);
  return instance;
}

/** Sets lang and dir on <html>: Arabic, Darija and Urdu mirror the layout. */
export function applyDocumentLanguage(doc: Document, language: LanguageCode): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = LANGUAGES[language].dir;
}
