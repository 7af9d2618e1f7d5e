// A speaker that loads its implementation (howler and the audio manifest) on first use or when
// asked to preload, so neither weighs on the station's cold start. Calls made before the real
// speaker exists are kept in order: the last `say` wins, a `stop` cancels it.

import type { LanguageCode } from '../contracts/languages.ts';
import type { Speaker } from './speaker.ts';

export class LazySpeaker implements Speaker {
  private real: Speaker | null = null;
  private loading: Promise<Speaker | null> | null = null;
  private readonly listeners = new Set<(lineId: string | null) => void>();
  /** Bumped by every say/stop before loading finishes: only the latest request plays. */
  private requestSerial = 0;
  private bed: string | null = null;

  constructor(
    private readonly load: () => Promise<Speaker>,
    private volume: number,
    /** Told when loading fails; the station then goes on without sound (captions still show). */
    private readonly onLoadError: (error: unknown) => void = () => {},
  ) {}

  get current(): string | null {
    return this.real?.current ?? null;
  }

  /** Starts loading now (e.g. once the attract loop is on screen). */
  preload(): Promise<Speaker | null> {
    this.loading ??= this.load().then(
      (real) => {
        real.setVolume(this.volume);
        real.subscribe((lineId) => {
          for (const listener of this.listeners) listener(lineId);
        });
        this.real = real;
        return real;
      },
      (error: unknown) => {
        this.loading = null; // the next line tries again
        this.onLoadError(error);
        return null;
      },
    );
    return this.loading;
  }

  async say(lineId: string, lang: LanguageCode): Promise<void> {
    if (this.real) return this.real.say(lineId, lang);
    const serial = ++this.requestSerial;
    const real = await this.preload();
    if (!real || serial !== this.requestSerial) return; // no sound, or stopped/overtaken while loading
    return real.say(lineId, lang);
  }

  stop(): void {
    this.requestSerial++;
    this.real?.stop();
  }

  subscribe(listener: (lineId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  warm(lineIds: readonly string[], lang: LanguageCode): void {
    void this.preload().then((real) => real?.warm?.(lineIds, lang));
  }

  /** The latest bed asked for wins, also when it was asked for before the real speaker loaded. */
  ambience(bed: string | null): void {
    this.bed = bed;
    if (this.real) this.real.ambience?.(bed);
    else if (bed) void this.preload().then((real) => real?.ambience?.(this.bed));
  }

  setVolume(volume: number): void {
    this.volume = volume;
    this.real?.setVolume(volume);
  }
}
