// Loaded after the first frame (see boot.ts): the howler speaker with the audio manifest, slimmed
// and validated at build time (src/build/station-assets-plugin.ts).
import manifest from 'virtual:percorso-audio-manifest';
import { HowlerSpeaker } from '../sound/howler-speaker.ts';

export { manifest };

export function createSpeaker(baseUrl: string, volume: number): HowlerSpeaker {
  return new HowlerSpeaker(manifest, baseUrl, volume);
}

/** Clip URLs a station may play: the shell's lines and `lines`, in `languages`. */
export function stationClips(
  baseUrl: string,
  lines: ReadonlySet<string>,
  languages: readonly string[],
): string[] {
  const wanted = new Set(languages);
  const urls: string[] = [];
  for (const [lineId, perLanguage] of Object.entries(manifest.lines)) {
    if (!lineId.startsWith('shell.') && !lines.has(lineId)) continue;
    for (const [lang, clip] of Object.entries(perLanguage))
      if (wanted.has(lang)) urls.push(`${baseUrl}audio/${clip.file}`);
  }
  return urls;
}
