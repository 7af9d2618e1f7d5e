// Services the dashboard's root hands its views through @lit/context: the register's client, and
// the language with its words and formats (replaced as a whole when staff switch language, so
// every view that subscribes re-renders). Tests or a demo can provide fakes of either.

import { createContext } from '@lit/context';
import type { RegisterApi } from './api.ts';
import { type Formatter, formatter } from './format.ts';
import { type Lang, STRINGS, type Strings, vocabulary } from './strings.ts';

export interface DashboardLocale {
  lang: Lang;
  t: Strings;
  fmt: Formatter;
  /** Event types, audiences and provinces in this language. */
  words: ReturnType<typeof vocabulary>;
}

export const localeFor = (lang: Lang): DashboardLocale => ({
  lang,
  t: STRINGS[lang],
  fmt: formatter(lang),
  words: vocabulary(lang),
});

export const apiContext = createContext<RegisterApi>(Symbol('percorso-dashboard-api'));
export const localeContext = createContext<DashboardLocale>(Symbol('percorso-dashboard-locale'));

/** A sentence for the page's polite live region (the root listens and reads it out). */
export type AnnounceEvent = CustomEvent<{ message: string }>;

export function announce(from: EventTarget, message: string): void {
  from.dispatchEvent(new CustomEvent('pd-announce', { detail: { message }, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'pd-announce': AnnounceEvent;
  }
}
