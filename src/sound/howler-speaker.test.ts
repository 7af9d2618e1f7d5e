import type { HowlOptions } from 'howler';
import { Howler } from 'howler';
import { describe, expect, it } from 'vitest';
import type { AudioManifest } from '../contracts/audio-manifest.ts';
import { HowlerSpeaker, type HowlLike, PROMPT_CACHE_SIZE } from './howler-speaker.ts';

class FakeHowl implements HowlLike {
  unloaded = false;
  private readonly handlers = new Map<string, () => void>();
  constructor(readonly options: HowlOptions) {}
  play = (() => {
    return 1;
  }) as HowlLike['play'];
  stop = (() => this) as unknown as HowlLike['stop'];
  unload = (() => {
    this.unloaded = true;
  }) as HowlLike['unload'];
  volume = (() => this) as unknown as HowlLike['volume'];
  once = ((event: string, fn: () => void) => {
    this.handlers.set(event, fn);
    return this;
  }) as unknown as HowlLike['once'];
  off = (() => this) as unknown as HowlLike['off'];
  end(): void {
    this.handlers.get('end')?.();
  }
}

const clip = (file: string) => ({ status: 'draft' as const, file, durationMs: 1000 });
const ids = [...Array.from({ length: 60 }, (_, i) => `shell.prompt${i}`), 'campo.uno', 'campo.due'];
const manifest: AudioManifest = {
  version: 1,
  lines: Object.fromEntries(ids.map((id) => [id, { it: clip(`it/${id}.webm`) }])),
};

function speaker() {
  const howls: FakeHowl[] = [];
  const s = new HowlerSpeaker(manifest, '/', 0.8, (options) => {
    const howl = new FakeHowl(options);
    howls.push(howl);
    return howl;
  });
  return { s, howls };
}

describe('HowlerSpeaker: memory stays flat over a day', () => {
  it('keeps the AudioContext running (no auto-suspend on an idle kiosk)', () => {
    Howler.autoSuspend = true;
    speaker();
    expect(Howler.autoSuspend).toBe(false);
  });

  it('streams narration and keeps only the narration playing alive', () => {
    const { s, howls } = speaker();
    void s.say('campo.uno', 'it');
    void s.say('campo.due', 'it');
    expect(howls.map((h) => h.options.html5)).toEqual([true, true]);
    expect(howls[0]?.unloaded).toBe(true);
    expect(howls[1]?.unloaded).toBe(false);
    expect(s.liveHowls).toBe(1);
  });

  it('decodes prompts as Web Audio, reuses them, and bounds how many stay decoded', () => {
    const { s, howls } = speaker();
    void s.say('shell.prompt0', 'it');
    void s.say('shell.prompt0', 'it');
    expect(howls).toHaveLength(1);
    expect(howls[0]?.options.html5).toBeUndefined();
    s.warm(ids.slice(0, 60), 'it');
    expect(howls).toHaveLength(60);
    expect(s.liveHowls).toBe(PROMPT_CACHE_SIZE);
    // The least recently used went first; prompt0 (used again above) was kept longer than prompt1.
    expect(howls[1]?.unloaded).toBe(true);
  });

  it('resolves when a line ends, and says nothing is playing afterwards', async () => {
    const { s, howls } = speaker();
    const done = s.say('campo.uno', 'it');
    expect(s.current).toBe('campo.uno');
    howls[0]?.end();
    await done;
    expect(s.current).toBeNull();
  });
});
