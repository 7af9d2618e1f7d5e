// The speaker: plays one line at a time by line id and language. This is the interface the
// shell and station roles see; the howler implementation lives in howler-speaker.ts and
// tests may pass a fake.

import type { LanguageCode } from '../contracts/languages.ts';

export interface Speaker {
  /** Plays a line; resolves when it ends, is stopped, fails, or its failsafe timer fires. */
  say(lineId: string, lang: LanguageCode): Promise<void>;
  /** Silences whatever is playing. */
  stop(): void;
  /** The line being spoken, or null. Listeners hear every change. */
  readonly current: string | null;
  subscribe(listener: (lineId: string | null) => void): () => void;
  setVolume(volume: number): void;
  /** Gets short prompts ready so they start at once when touched (optional). */
  warm?(lineIds: readonly string[], lang: LanguageCode): void;
  /** Loops an ambience bed (an id of the audio manifest's beds) under the scene, ducked under
   * speech; null fades it out (optional: speakers without beds ignore it). */
  ambience?(bed: string | null): void;
}
