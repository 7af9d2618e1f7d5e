// Which clip plays for a line in a language: recorded before draft, then along the language's
// fallback chain. Pure, so it is unit-tested; the speaker only plays what this returns.

import type { AudioManifest, Clip } from '../contracts/audio-manifest.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { resolutionOrder } from '../i18n/languages.ts';

export interface ResolvedClip extends Clip {
  lang: LanguageCode;
  lineId: string;
}

export function resolveClip(
  manifest: AudioManifest,
  lineId: string,
  lang: LanguageCode,
): ResolvedClip | undefined {
  const perLanguage = manifest.lines[lineId];
  if (!perLanguage) return undefined;
  const order = resolutionOrder(lang);
  // The visitor's own language, even as a draft, beats a recording in a fallback language.
  const own = perLanguage[lang];
  if (own) return { ...own, lang, lineId };
  for (const candidate of order.slice(1)) {
    const clip = perLanguage[candidate];
    if (clip) return { ...clip, lang: candidate, lineId };
  }
  return undefined;
}
