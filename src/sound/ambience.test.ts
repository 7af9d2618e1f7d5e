import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AudioManifest } from '../contracts/audio-manifest.ts';
import { Ambience, CROSSFADE_MS, DUCK_MS, DUCKED_GAIN, RELEASE_MS } from './ambience.ts';
import { FakeHowl } from './fake-howl.test-support.ts';

const bed = (id: string) => ({ status: 'synthetic' as const, file: `beds/${id}.webm`, durationMs: 20_000 });
const manifest: AudioManifest = {
  version: 1,
  lines: {},
  beds: { campo: bed('campo'), cucina: bed('cucina') },
};

function ambience(volume = 1) {
  const howls: FakeHowl[] = [];
  const a = new Ambience(manifest, '/base/', volume, (options) => {
    const howl = new FakeHowl(options);
    howls.push(howl);
    return howl;
  });
  return { a, howls };
}

describe('Ambience: a bed under the scene, ducked under speech', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loops the bed as decoded Web Audio and fades it in', () => {
    const { a, howls } = ambience(0.6);
    a.play('campo');
    expect(howls).toHaveLength(1);
    const [howl] = howls;
    expect(howl?.options).toMatchObject({ src: ['/base/audio/beds/campo.webm'], loop: true, volume: 0 });
    expect(howl?.options.html5).toBeUndefined();
    expect(howl?.playing).toBe(true);
    expect(howl?.fades).toEqual([[0, 0.6, CROSSFADE_MS]]);
    expect(a.state).toEqual({ bed: 'campo', ducked: false });
  });

  it('ducks by 12 dB quickly when speech starts and releases slowly when it ends', () => {
    const { a, howls } = ambience();
    a.play('campo');
    a.duck(true);
    a.duck(true); // no second fade for the same state
    a.duck(false);
    expect(howls[0]?.fades.slice(1)).toEqual([
      [1, DUCKED_GAIN, DUCK_MS],
      [DUCKED_GAIN, 1, RELEASE_MS],
    ]);
    expect(20 * Math.log10(DUCKED_GAIN)).toBeCloseTo(-12, 0);
  });

  it('a bed that starts during speech starts ducked', () => {
    const { a, howls } = ambience();
    a.duck(true);
    a.play('cucina');
    expect(howls[0]?.fades).toEqual([[0, DUCKED_GAIN, CROSSFADE_MS]]);
  });

  it('cross-fades to a new bed and unloads the old one once silent: at most two alive', () => {
    const { a, howls } = ambience();
    a.play('campo');
    a.play('campo'); // the same scene again keeps its bed
    expect(howls).toHaveLength(1);
    a.play('cucina');
    expect(howls).toHaveLength(2);
    expect(howls[0]?.fades.at(-1)).toEqual([1, 0, CROSSFADE_MS]);
    expect(a.live).toBe(2);
    vi.advanceTimersByTime(CROSSFADE_MS + 100);
    expect(howls[0]?.unloaded).toBe(true);
    expect(howls[1]?.unloaded).toBe(false);
    expect(a.live).toBe(1);
  });

  it('null or an unknown bed fades out to silence; dispose unloads everything at once', () => {
    const { a, howls } = ambience();
    a.play('campo');
    a.play('nessuno');
    expect(howls).toHaveLength(1);
    expect(a.state.bed).toBeNull();
    a.play('cucina');
    a.play(null);
    expect(a.live).toBe(2);
    a.dispose();
    expect(howls.every((h) => h.unloaded)).toBe(true);
    expect(a.live).toBe(0);
    vi.runAllTimers(); // the fade-out timers were cleared: nothing unloads twice
  });

  it('starts a bed still loading once decoded, at the level of that moment; one never heard is just unloaded', () => {
    const { a, howls } = ambience();
    FakeHowl.nextLoadState = 'loading';
    a.play('campo');
    a.duck(true);
    expect(howls[0]?.playing).toBe(false);
    expect(howls[0]?.fades).toEqual([]);
    howls[0]?.load();
    expect(howls[0]?.playing).toBe(true);
    expect(howls[0]?.fades).toEqual([[0, DUCKED_GAIN, CROSSFADE_MS]]);
    FakeHowl.nextLoadState = 'loading';
    a.play('cucina');
    a.play(null);
    expect(howls[1]?.unloaded).toBe(true);
    howls[1]?.load(); // too late: it was left before it could play
    expect(howls[1]?.playing).toBe(false);
  });

  it('follows the station volume, ducked or not', () => {
    const { a, howls } = ambience(1);
    a.play('campo');
    a.duck(true);
    a.setVolume(0.4);
    expect(howls[0]?.level).toBeCloseTo(0.4 * DUCKED_GAIN);
  });
});
