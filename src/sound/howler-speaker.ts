// Howler-based speaker. One stream at a time (field notes: never two voices at once); every
// clip has a failsafe timer (duration + 2 s) so a clip that never ends cannot hold the
// station forever; a missing or undecodable clip resolves at once (captions still show).
// Memory stays flat over a whole day: short prompts (the shell's lines: language names, "touch
// again", "still there?") are decoded Web Audio buffers kept in a small LRU so they start at once;
// narration is streamed (HTML5 audio) and only the narration playing is kept alive. Under scenes an
// ambience bed loops quietly and ducks while any line plays (ambience.ts); it is not a voice, so
// "one stream at a time" still holds for speech.

import { Howl, Howler, type HowlOptions } from 'howler';
import type { AudioManifest } from '../contracts/audio-manifest.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { Ambience } from './ambience.ts';
import { resolveClip } from './clips.ts';
import type { Speaker } from './speaker.ts';

const FAILSAFE_EXTRA_MS = 2000;
/** Decoded prompts kept ready; the least recently used beyond this are unloaded. */
export const PROMPT_CACHE_SIZE = 48;

/** The howler surface the speaker uses; tests pass a fake. */
export type HowlLike = Pick<Howl, 'play' | 'stop' | 'unload' | 'volume' | 'once' | 'off' | 'fade' | 'state'>;
export type HowlFactory = (options: HowlOptions) => HowlLike;

const isPrompt = (lineId: string) => lineId.startsWith('shell.');

export class HowlerSpeaker implements Speaker {
  /** Prompts by file, in least-recently-used order (Map keeps insertion order). */
  private readonly prompts = new Map<string, HowlLike>();
  private narration: { file: string; howl: HowlLike } | null = null;
  private readonly listeners = new Set<(lineId: string | null) => void>();
  private playing: { howl: HowlLike; finish: () => void } | null = null;
  current: string | null = null;
  /** The bed under the scene, ducked while a line plays. */
  readonly ambienceBed: Ambience;

  constructor(
    private readonly manifest: AudioManifest,
    private readonly baseUrl: string,
    private volume: number,
    private readonly createHowl: HowlFactory = (options) => new Howl(options),
  ) {
    // A kiosk must not fall silent: howler would suspend the AudioContext after 30 s idle.
    Howler.autoSuspend = false;
    this.ambienceBed = new Ambience(manifest, baseUrl, volume, createHowl);
  }

  ambience(bed: string | null): void {
    this.ambienceBed.play(bed);
  }

  subscribe(listener: (lineId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setVolume(volume: number): void {
    this.volume = volume;
    for (const howl of this.prompts.values()) howl.volume(volume);
    this.narration?.howl.volume(volume);
    this.ambienceBed.setVolume(volume);
  }

  /** Decodes prompts ahead of use (e.g. every offered language's name on the info point). */
  warm(lineIds: readonly string[], lang: LanguageCode): void {
    for (const lineId of lineIds) {
      const clip = resolveClip(this.manifest, lineId, lang);
      if (clip) this.howlFor(lineId, clip.file);
    }
  }

  /** Live howls (tests and the soak suite: stays bounded). */
  get liveHowls(): number {
    return this.prompts.size + (this.narration ? 1 : 0) + this.ambienceBed.live;
  }

  private setCurrent(lineId: string | null): void {
    this.current = lineId;
    this.ambienceBed.duck(lineId !== null);
    for (const listener of this.listeners) listener(lineId);
  }

  private howlFor(lineId: string, file: string): HowlLike {
    const src = [`${this.baseUrl}audio/${file}`];
    if (!isPrompt(lineId)) {
      if (this.narration?.file === file) return this.narration.howl;
      // One narration alive: the previous one is released before the next streams.
      this.narration?.howl.unload();
      const howl = this.createHowl({
        src,
        format: ['webm'],
        volume: this.volume,
        html5: true,
        preload: true,
      });
      this.narration = { file, howl };
      return howl;
    }
    const cached = this.prompts.get(file);
    if (cached) {
      this.prompts.delete(file); // most recently used goes last
      this.prompts.set(file, cached);
      return cached;
    }
    const howl = this.createHowl({ src, format: ['webm'], volume: this.volume, preload: true });
    this.prompts.set(file, howl);
    for (const [oldFile, old] of this.prompts) {
      if (this.prompts.size <= PROMPT_CACHE_SIZE) break;
      if (old === this.playing?.howl) continue;
      old.unload();
      this.prompts.delete(oldFile);
    }
    return howl;
  }

  say(lineId: string, lang: LanguageCode): Promise<void> {
    this.stop();
    const clip = resolveClip(this.manifest, lineId, lang);
    if (!clip) return Promise.resolve();
    const howl = this.howlFor(lineId, clip.file);
    this.setCurrent(lineId);
    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(failsafe);
        howl.off('end', finish);
        howl.off('loaderror', finish);
        howl.off('playerror', finish);
        if (this.playing?.finish === finish) {
          this.playing = null;
          this.setCurrent(null);
        }
        resolve();
      };
      const failsafe = setTimeout(() => {
        howl.stop();
        finish();
      }, clip.durationMs + FAILSAFE_EXTRA_MS);
      howl.once('end', finish);
      howl.once('loaderror', finish);
      howl.once('playerror', finish);
      this.playing = { howl, finish };
      howl.play();
    });
  }

  stop(): void {
    const playing = this.playing;
    if (!playing) return;
    playing.howl.stop();
    playing.finish();
  }

  dispose(): void {
    this.stop();
    for (const howl of this.prompts.values()) howl.unload();
    this.prompts.clear();
    this.narration?.howl.unload();
    this.narration = null;
    this.ambienceBed.dispose();
    this.listeners.clear();
  }
}
