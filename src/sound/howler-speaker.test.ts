import { Howler } from 'howler';
import { describe, expect, it } from 'vitest';
import type { AudioManifest } from '../contracts/audio-manifest.ts';
import { FakeHowl } from './fake-howl.test-support.ts';
import { HowlerSpeaker, PROMPT_CACHE_SIZE } from './howler-speaker.ts';

const clip = (file: string) => ({ status: 'draft' as const, file, durationMs: 1000 });
const ids = [...Array.from({ length: 60 }, (_, i) => `shell.prompt${i}`), 'campo.uno', 'campo.due'];
const manifest: AudioManifest = {
  version: 1,
  lines: Object.fromEntries(ids.map((id) => [id, { it: clip(`it/${id}.webm`) }])),
  beds: { campo: { status: 'synthetic', file: 'beds/campo.webm', durationMs: 20_000 } },
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

  it('ducks the bed under the scene while a line plays and brings it back after', async () => {
    const { s, howls } = speaker();
    s.ambience('campo');
    const bed = howls[0];
    expect(bed?.options.loop).toBe(true);
    expect(bed?.level).toBeCloseTo(0.8);
    const done = s.say('campo.uno', 'it');
    expect(bed?.level).toBeCloseTo(0.2);
    howls[1]?.end();
    await done;
    expect(bed?.level).toBeCloseTo(0.8);
    expect(s.liveHowls).toBe(2); // the bed and the last narration
    s.dispose();
    expect(bed?.unloaded).toBe(true);
  });
});
