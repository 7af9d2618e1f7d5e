import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioManifestSchema } from '../src/contracts/audio-manifest.ts';
import { BED_RECIPES, BED_TARGET_LUFS, bedGraph } from './audio-beds-recipes.ts';

const root = new URL('..', import.meta.url).pathname;
let hasFfmpeg = true;
try {
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
} catch {
  hasFfmpeg = false;
}

/** Renders a graph to raw 16-bit mono samples at 48 kHz. */
function render(graph: string): Int16Array {
  const out = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-filter_complex', graph, '-ac', '1', '-f', 's16le', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return new Int16Array(out.buffer, out.byteOffset, out.byteLength / 2);
}

/** The jump from the loop's last sample to its first, against the median step between neighbours. */
function seamJump(samples: Int16Array): { jump: number; typical: number } {
  const steps: number[] = [];
  for (let i = 1; i < samples.length; i++) steps.push(Math.abs((samples[i] ?? 0) - (samples[i - 1] ?? 0)));
  steps.sort((a, b) => a - b);
  const typical = steps[Math.floor(steps.length / 2)] ?? 0;
  return { jump: Math.abs((samples[0] ?? 0) - (samples.at(-1) ?? 0)), typical };
}

describe('ambience beds', () => {
  it('every source runs for the loop plus its seam, and the seam fades equal-power', () => {
    const graph = bedGraph(BED_RECIPES.campo ?? { title: '', sources: [] }, 20, 2);
    for (const source of graph.split(';').filter((part) => /^(anoisesrc|sine|aevalsrc)=/.test(part)))
      expect(source).toMatch(/^[a-z]+=d=22:/);
    expect(graph).toContain('afade=t=in:d=2:curve=qsin');
    expect(graph).toContain('atrim=20:22');
    expect(graph).toMatch(/concat=n=2:v=0:a=1$/);
  });

  it('the shipped manifest lists every recipe as a bed, with its file', () => {
    const manifest = audioManifestSchema.parse(
      JSON.parse(readFileSync(join(root, 'audio/manifest.json'), 'utf8')),
    );
    for (const id of Object.keys(BED_RECIPES)) {
      const bed = manifest.beds?.[id];
      expect(bed?.file, id).toBe(`beds/${id}.webm`);
      expect(existsSync(join(root, 'audio', bed?.file ?? '')), id).toBe(true);
      if (bed?.status === 'synthetic') {
        expect(Math.abs((bed.loudnessLufs ?? 0) - BED_TARGET_LUFS), id).toBeLessThanOrEqual(1.5);
        expect(bed.durationMs, id).toBeGreaterThan(19_000);
      }
    }
  });

  it.skipIf(!hasFfmpeg)(
    'a rendered loop joins its end to its start without a click (skipped without ffmpeg)',
    () => {
      for (const id of ['campo', 'citta', 'cantiere']) {
        const recipe = BED_RECIPES[id];
        if (!recipe) throw new Error(id);
        const looped = seamJump(render(bedGraph(recipe, 2, 0.5)));
        expect(looped.jump, `${id}: jump at the seam`).toBeLessThanOrEqual(4 * looped.typical + 8);
      }
      // The same noise cut without the cross-fade does click: the check above can fail.
      const cut = seamJump(render('anoisesrc=d=2:c=brown:a=0.6:r=48000:seed=7,lowpass=f=500,atrim=0:1.37'));
      expect(cut.jump).toBeGreaterThan(4 * cut.typical + 8);
    },
  );
});
