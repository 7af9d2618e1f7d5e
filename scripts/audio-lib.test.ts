import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Measurement, measure, problemsOf } from './audio-lib.ts';

const good: Measurement = {
  codec: 'opus',
  container: 'matroska,webm',
  channels: 1,
  sampleRate: 48000,
  durationMs: 4000,
  loudnessLufs: -16.4,
  truePeakDb: -1.2,
};

const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const dir = mkdtempSync(join(tmpdir(), 'percorso-audio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recorded clips: what may ship', () => {
  it('accepts mono Opus in WebM near −16 LUFS without clipping', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it('refuses wrong format, stereo, clipping and loudness far from target, saying how to fix each', () => {
    const problems = problemsOf({
      ...good,
      codec: 'mp3',
      container: 'mp3',
      channels: 2,
      truePeakDb: 0.3,
      loudnessLufs: -28,
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /^not Opus in WebM \(mp3 in mp3\): convert it with\n\s+ffmpeg -i recording\.wav/,
    );
    expect(problems[1]).toContain('2 channels, not mono: add -ac 1');
    expect(problems[2]).toContain('clipping: true peak 0.3 dBFS');
    expect(problems[3]).toContain('loudness -28 LUFS, target -16 ± 3');
    expect(problemsOf({ ...good, loudnessLufs: Number.NEGATIVE_INFINITY, durationMs: 100 })).toEqual([
      expect.stringContaining('loudness -Infinity LUFS'),
      'only 100 ms long: is the recording empty?',
    ]);
  });

  it.skipIf(!hasFfmpeg)(
    'measures real files with ffmpeg (skipped where ffmpeg is not installed)',
    async () => {
      const quiet = join(dir, 'quiet.webm');
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=2',
        '-af',
        'volume=-30dB',
        '-ac',
        '1',
        '-c:a',
        'libopus',
        quiet,
      ]);
      const loud = join(dir, 'loud.wav');
      // Stereo, and driven past full scale: the 16-bit file clips.
      const wave = '1.2*sin(2*PI*440*t)';
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        `aevalsrc=${wave}|${wave}:s=48000:d=2`,
        loud,
      ]);
      const q = await measure(quiet);
      expect(q).toMatchObject({ codec: 'opus', channels: 1 });
      expect(q.loudnessLufs).toBeLessThan(-30);
      expect(problemsOf(q).some((p) => p.startsWith('loudness'))).toBe(true);
      const l = await measure(loud);
      expect(l.channels).toBe(2);
      expect(problemsOf(l).map((p) => p.split(':')[0])).toEqual(
        expect.arrayContaining(['not Opus in WebM (pcm_s16le in wav)', '2 channels, not mono', 'clipping']),
      );
    },
  );
});
