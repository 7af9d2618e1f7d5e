// Loaded after the first frame (see boot.ts): the howler speaker with the audio manifest, slimmed
// and validated at build time (src/build/station-assets-plugin.ts).
import manifest from 'virtual:percorso-audio-manifest';
import { HowlerSpeaker } from '../sound/howler-speaker.ts';

export { manifest };

export function createSpeaker(baseUrl: string, volume: number): HowlerSpeaker {
  return new HowlerSpeaker(manifest, baseUrl, volume);
}

/** Clip URLs a station may play: the shell's lines and `lines`, in `languages`, and its scenes' `beds`. */
export function stationClips(
  baseUrl: string,
  lines: ReadonlySet<string>,
  languages: readonly string[],
  beds: ReadonlySet<string> = new Set(),
): string[] {
  const wanted = new Set(languages);
  const urls: string[] = [];
  for (const [lineId, perLanguage] of Object.entries(manifest.lines)) {
    if (!lineId.startsWith('shell.') && !lines.has(lineId)) continue;
    for (const [lang, clip] of Object.entries(perLanguage))
      if (wanted.has(lang)) urls.push(`${baseUrl}audio/${clip.file}`);
  }
  for (const bed of beds) {
    const file = manifest.beds?.[bed]?.file;
    if (file) urls.push(`${baseUrl}audio/${file}`);
  }
  return urls;
}
