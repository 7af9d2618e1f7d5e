// Loaded after the first frame (see boot.ts): the howler speaker with the audio manifest that
// the build bundled and checked.
import manifestJson from '../../audio/manifest.json';
import { audioManifestSchema } from '../contracts/audio-manifest.ts';
import { HowlerSpeaker } from '../sound/howler-speaker.ts';

export function createSpeaker(baseUrl: string, volume: number): HowlerSpeaker {
  return new HowlerSpeaker(audioManifestSchema.parse(manifestJson), baseUrl, volume);
}
