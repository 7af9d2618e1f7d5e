// Loaded after the first frame (see boot.ts): the howler speaker with the audio manifest, slimmed
// and validated at build time (src/build/station-assets-plugin.ts).
import manifest from 'virtual:percorso-audio-manifest';
import { HowlerSpeaker } from '../sound/howler-speaker.ts';

export function createSpeaker(baseUrl: string, volume: number): HowlerSpeaker {
  return new HowlerSpeaker(manifest, baseUrl, volume);
}
