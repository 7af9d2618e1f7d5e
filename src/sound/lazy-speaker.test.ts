import { describe, expect, it, vi } from 'vitest';
import type { LanguageCode } from '../contracts/languages.ts';
import { LazySpeaker } from './lazy-speaker.ts';
import type { Speaker } from './speaker.ts';

class FakeSpeaker implements Speaker {
  current: string | null = null;
  said: string[] = [];
  volume = 1;
  private readonly listeners = new Set<(lineId: string | null) => void>();
  async say(lineId: string, lang: LanguageCode): Promise<void> {
    this.said.push(`${lang}:${lineId}`);
    this.current = lineId;
    for (const l of this.listeners) l(lineId);
  }
  stop(): void {
    this.current = null;
    for (const l of this.listeners) l(null);
  }
  subscribe(listener: (lineId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setVolume(volume: number): void {
    this.volume = volume;
  }
  beds: (string | null)[] = [];
  ambience(bed: string | null): void {
    this.beds.push(bed);
  }
}

function deferred() {
  const real = new FakeSpeaker();
  let resolve!: () => void;
  const gate = new Promise<void>((r) => {
    resolve = r;
  });
  const load = vi.fn(async () => {
    await gate;
    return real;
  });
  return { real, load, open: resolve };
}

describe('LazySpeaker', () => {
  it('does not load until asked', () => {
    const { load } = deferred();
    new LazySpeaker(load, 0.5);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once, on the first say, and plays the line with the configured volume', async () => {
    const { real, load, open } = deferred();
    const speaker = new LazySpeaker(load, 0.5);
    const said = speaker.say('a', 'it');
    void speaker.preload();
    open();
    await said;
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.said).toEqual(['it:a']);
    expect(real.volume).toBe(0.5);
    expect(speaker.current).toBe('a');
  });

  it('plays only the latest request made while loading, and nothing after a stop', async () => {
    const { real, load, open } = deferred();
    const speaker = new LazySpeaker(load, 1);
    const first = speaker.say('first', 'it');
    const second = speaker.say('second', 'en');
    open();
    await Promise.all([first, second]);
    expect(real.said).toEqual(['en:second']);

    const other = deferred();
    const stopped = new LazySpeaker(other.load, 1);
    const pending = stopped.say('never', 'it');
    stopped.stop();
    other.open();
    await pending;
    expect(other.real.said).toEqual([]);
  });

  it('forwards changes to listeners subscribed before loading, until they unsubscribe', async () => {
    const { load, open } = deferred();
    const speaker = new LazySpeaker(load, 1);
    const heard: (string | null)[] = [];
    const unsubscribe = speaker.subscribe((id) => heard.push(id));
    open();
    await speaker.say('a', 'it');
    speaker.stop();
    unsubscribe();
    await speaker.say('b', 'it');
    expect(heard).toEqual(['a', null]);
  });

  it('goes on silently when loading fails, reports it, and tries again on the next line', async () => {
    const real = new FakeSpeaker();
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk missing')).mockResolvedValueOnce(real);
    const errors: unknown[] = [];
    const speaker = new LazySpeaker(load, 1, (error) => errors.push(error));
    await expect(speaker.say('a', 'it')).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    await speaker.say('b', 'it');
    expect(real.said).toEqual(['it:b']);
  });

  it('plays the latest bed asked for before the real speaker loaded, and forwards later ones', async () => {
    const { real, load, open } = deferred();
    const lazy = new LazySpeaker(load, 1);
    lazy.ambience('campo');
    lazy.ambience('cucina');
    open();
    await lazy.preload();
    await Promise.resolve();
    expect(real.beds.at(-1)).toBe('cucina');
    expect(real.beds).not.toContain('campo');
    lazy.ambience(null);
    expect(real.beds.at(-1)).toBeNull();
  });
});
