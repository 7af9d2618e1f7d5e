// Figures:
// - narration-start-ratio: from a tap to the station's streamed narration playing (its media
//   clock advancing), divided by a raw Web Audio buffer started on the tap and detected at the
//   output by an analyser, medians of interleaved rounds. Goal ≤ 1.2. The two are detected
//   differently (a media element has no output node to listen to), so
// - prompt-start-ratio: the speaker's prompt path (decoded Web Audio, what answers a tap), detected
//   at howler's master gain exactly like the raw buffer, is the like-for-like figure.
// - audio-cycles-heap-kb: JS heap growth over 1,000 play/stop cycles through the speaker (after a
//   warm-up and forced garbage collection), with no howl left alive beyond the bounded cache.

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { type Figure, median, progress, serve } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function benchAudio(): Promise<Record<string, Omit<Figure, 'measured'>>> {
  progress('building the audio page');
  const outDir = join(ROOT, '.cache/bench-audio');
  await build({
    root: join(ROOT, 'tests/bench/audio'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  mkdirSync(join(outDir, 'audio/it'), { recursive: true });
  copyFileSync(join(ROOT, 'audio/it/shell.journey.confirm.webm'), join(outDir, 'audio/it/prompt.webm'));
  copyFileSync(join(ROOT, 'audio/it/campo.intro.rapporto.webm'), join(outDir, 'audio/it/narration.webm'));
  copyFileSync(join(ROOT, 'audio/it/campo.arrivo.furgone.webm'), join(outDir, 'audio/it/other.webm'));
  const server = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => '__ready' in window);
    const rounds = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) * 3 : 15;
    const times = (await page.evaluate(
      (n) => (window as unknown as { benchRun: (n: number) => Promise<unknown> }).benchRun(n),
      rounds,
    )) as { raw: number[]; prompt: number[]; narration: number[]; missed: number };
    if (times.narration.length === 0) throw new Error('narration was never heard at the output');
    const raw = median(times.raw);
    const narration = median(times.narration);
    const prompt = median(times.prompt);
    const ratio = Number((narration / raw).toFixed(2));
    progress(
      `${rounds} taps (${times.missed} unheard): narration ${narration.toFixed(1)} ms, prompt ${prompt.toFixed(1)} ms, raw Web Audio ${raw.toFixed(1)} ms → ratio ${ratio} (prompt ${(prompt / raw).toFixed(2)})`,
    );

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    const cycle = (n: number) =>
      page.evaluate(
        (count) => (window as unknown as { benchCycles: (n: number) => Promise<unknown> }).benchCycles(count),
        n,
      ) as Promise<{ liveHowls: number; howlerHowls: number }>;
    await cycle(100); // warm-up
    const start = await heap();
    await cycle(1000);
    const before = await heap();
    const left = await cycle(1000);
    const after = await heap();
    progress(
      `first 1,000 cycles ${((before - start) / 1024).toFixed(1)} KB (includes JIT and pools settling)`,
    );
    const kb = Number(((after - before) / 1024).toFixed(1));
    progress(
      `1,000 play/stop cycles: heap ${kb} KB, ${left.liveHowls} howls alive (${left.howlerHowls} in howler)`,
    );
    return {
      'narration-start-ratio': { value: ratio, unit: 'x', goal: '<= 1.2', met: ratio <= 1.2 },
      'prompt-start-ratio': {
        value: Number((prompt / raw).toFixed(2)),
        unit: 'x',
        goal: '<= 1.2',
        met: prompt / raw <= 1.2,
      },
      'audio-cycles-heap-kb': {
        value: kb,
        unit: 'KB',
        goal: '<= 100',
        met: kb <= 100 && left.liveHowls <= 3,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
