// The ambience bed: a quiet loop under a scene (a field at dawn, a kitchen's hood), ducked 12 dB
// while a line is spoken so words stay clear (field notes: speech first, for listeners who hear
// poorly or listen in a second language). One bed at a time; a change cross-fades, and the bed
// that leaves is unloaded once silent, so a whole day of scenes holds at most two decoded loops.
// Beds are decoded Web Audio buffers: an HTML5 <audio> loop leaves a gap at every repeat.

import type { AudioManifest } from '../contracts/audio-manifest.ts';
import type { HowlFactory, HowlLike } from './howler-speaker.ts';

/** The bed's level under speech, relative to its own level: −12 dB. */
export const DUCKED_GAIN = 0.25;
/** Duck fast (the first word must be clear), come back slowly (no pumping between lines). */
export const DUCK_MS = 250;
export const RELEASE_MS = 900;
/** A new bed fades in over this; the old one fades out over the same and is then unloaded. */
export const CROSSFADE_MS = 1500;

interface Playing {
  bed: string;
  howl: HowlLike;
  /** howler's sound id once the loop is decoded and started; null while it loads. */
  id: number | null;
}

/**
 * Fades a started sound from where it is now. Howler keeps one fade timer per sound and stops the
 * running one only for fades of the whole group: setting the level first stops it, or the old
 * timer would keep snapping the level back to its own target (a bed ducked after speech ended).
 * For the same reason nothing is faded before the loop has loaded: howler would queue the fades
 * and run them in an order where one timer orphans another.
 */
function fadeTo({ howl, id }: Playing, to: number, ms: number): void {
  if (id === null) return;
  const now = howl.volume(id);
  const from = typeof now === 'number' ? now : 0;
  howl.volume(from, id);
  howl.fade(from, to, ms, id);
}

export class Ambience {
  private playing: Playing | null = null;
  /** Beds fading out, unloaded when their fade ends. */
  private readonly leaving = new Map<HowlLike, ReturnType<typeof setTimeout>>();
  private ducked = false;

  constructor(
    private readonly manifest: AudioManifest,
    private readonly baseUrl: string,
    private volume: number,
    private readonly createHowl: HowlFactory,
  ) {}

  /** The bed playing (null when none) and whether it is ducked: for the staff panel and tests. */
  get state(): { bed: string | null; ducked: boolean } {
    return { bed: this.playing?.bed ?? null, ducked: this.ducked };
  }

  /** Decoded beds alive, including those fading out. */
  get live(): number {
    return (this.playing ? 1 : 0) + this.leaving.size;
  }

  private target(): number {
    return this.volume * (this.ducked ? DUCKED_GAIN : 1);
  }

  /** Plays `bed` (an id of the manifest's beds) under the scene; null or an unknown id fades out. */
  play(bed: string | null): void {
    if (bed === (this.playing?.bed ?? null)) return;
    this.fadeOut();
    const entry = bed ? this.manifest.beds?.[bed] : undefined;
    if (!bed || !entry) return;
    const howl = this.createHowl({
      src: [`${this.baseUrl}audio/${entry.file}`],
      format: ['webm'],
      loop: true,
      volume: 0,
      preload: true,
    });
    const playing: Playing = { bed, howl, id: null };
    this.playing = playing;
    // Started once decoded, at the level of that moment (speech may have begun meanwhile).
    const start = () => {
      if (this.playing !== playing) return;
      playing.id = howl.play();
      howl.fade(0, this.target(), CROSSFADE_MS, playing.id);
    };
    if (howl.state() === 'loaded') start();
    else howl.once('load', start);
  }

  /** Speech started (true) or ended (false). */
  duck(on: boolean): void {
    if (on === this.ducked) return;
    this.ducked = on;
    const playing = this.playing;
    if (!playing) return;
    fadeTo(playing, this.target(), on ? DUCK_MS : RELEASE_MS);
  }

  setVolume(volume: number): void {
    this.volume = volume;
    const playing = this.playing;
    if (playing?.id != null) playing.howl.volume(this.target(), playing.id);
  }

  private fadeOut(): void {
    const playing = this.playing;
    if (!playing) return;
    this.playing = null;
    if (playing.id === null) {
      playing.howl.unload(); // never heard: nothing to fade
      return;
    }
    fadeTo(playing, 0, CROSSFADE_MS);
    this.leaving.set(
      playing.howl,
      setTimeout(() => {
        this.leaving.delete(playing.howl);
        playing.howl.unload();
      }, CROSSFADE_MS + 100),
    );
  }

  dispose(): void {
    this.playing?.howl.unload();
    this.playing = null;
    for (const [howl, timer] of this.leaving) {
      clearTimeout(timer);
      howl.unload();
    }
    this.leaving.clear();
  }
}
