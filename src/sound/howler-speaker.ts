// Howler-based speaker. One stream at a time (field notes: never two voices at once); every
// clip has a failsafe timer (duration + 2 s) so a clip that never ends cannot hold the
// station forever; a missing or undecodable clip resolves at once (captions still show).

import { Howl } from 'howler';
import type { AudioManifest } from '../contracts/audio-manifest.ts';
import type { LanguageCode } from '../contracts/languages.ts';
import { resolveClip } from './clips.ts';
import type { Speaker } from './speaker.ts';

const FAILSAFE_EXTRA_MS = 2000;

export class HowlerSpeaker implements Speaker {
  private readonly howls = new Map<string, Howl>();
  private readonly listeners = new Set<(lineId: string | null) => void>();
  private playing: { howl: Howl; finish: () => void } | null = null;
  current: string | null = null;

  constructor(
    private readonly manifest: AudioManifest,
    private readonly baseUrl: string,
    private volume: number,
  ) {}

  subscribe(listener: (lineId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setVolume(volume: number): void {
    this.volume = volume;
    for (const howl of this.howls.values()) howl.volume(volume);
  }

  private setCurrent(lineId: string | null): void {
    this.current = lineId;
    for (const listener of this.listeners) listener(lineId);
  }

  private howlFor(file: string): Howl {
    let howl = this.howls.get(file);
    if (!howl) {
      howl = new Howl({
        src: [`${this.baseUrl}audio/${file}`],
        format: ['webm'],
        volume: this.volume,
        preload: true,
      });
      this.howls.set(file, howl);
    }
    return howl;
  }

  say(lineId: string, lang: LanguageCode): Promise<void> {
    this.stop();
    const clip = resolveClip(this.manifest, lineId, lang);
    if (!clip) return Promise.resolve();
    const howl = this.howlFor(clip.file);
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
    for (const howl of this.howls.values()) howl.unload();
    this.howls.clear();
    this.listeners.clear();
  }
}
