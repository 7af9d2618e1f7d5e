// A stand-in for howler's Howl in unit tests: records what the sound code asks of it (play, fades,
// volume, unload) and lets a test end a clip. No audio device needed.
import type { HowlOptions } from 'howler';
import type { HowlLike } from './howler-speaker.ts';

export class FakeHowl implements HowlLike {
  unloaded = false;
  playing = false;
  /** 'loaded' at once unless a test holds the load back (then `load()` finishes it). */
  loadState: 'unloaded' | 'loading' | 'loaded';
  /** The load state the next fake starts in (reset to 'loaded' after each). */
  static nextLoadState: 'loading' | 'loaded' = 'loaded';
  level: number;
  /** Every fade asked for, as [from, to, ms]. */
  readonly fades: [number, number, number][] = [];
  private readonly handlers = new Map<string, () => void>();
  constructor(readonly options: HowlOptions) {
    this.level = options.volume ?? 1;
    this.loadState = FakeHowl.nextLoadState;
    FakeHowl.nextLoadState = 'loaded';
  }
  play = (() => {
    this.playing = true;
    return 1001;
  }) as HowlLike['play'];
  stop = (() => {
    this.playing = false;
    return this;
  }) as unknown as HowlLike['stop'];
  unload = (() => {
    this.unloaded = true;
    this.playing = false;
  }) as HowlLike['unload'];
  /** volume(id) reads a sound's level; volume(level, id) or volume(level) sets it. */
  volume = ((...args: number[]) => {
    if (args.length === 0 || (args.length === 1 && args[0] === 1001)) return this.level;
    this.level = args[0] ?? this.level;
    return this;
  }) as unknown as HowlLike['volume'];
  fade = ((from: number, to: number, ms: number) => {
    this.fades.push([from, to, ms]);
    this.level = to; // as howler leaves it once the fade has run
    return this;
  }) as unknown as HowlLike['fade'];
  once = ((event: string, fn: () => void) => {
    this.handlers.set(event, fn);
    return this;
  }) as unknown as HowlLike['once'];
  off = (() => this) as unknown as HowlLike['off'];
  state = (() => this.loadState) as HowlLike['state'];
  load(): void {
    this.loadState = 'loaded';
    this.handlers.get('load')?.();
  }
  end(): void {
    this.handlers.get('end')?.();
  }
}
