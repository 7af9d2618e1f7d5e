// Figures:
// - narration-start-ratio: from a tap to the station's streamed narration playing (its media
//   clock advancing), divided by a raw Web Audio buffer started on the tap and detected at the
//   output by an analyser, medians of interleaved rounds. Goal ≤ 1.2. The two are detected
//   differently (a media element has no output node to listen to), so
// - prompt-start-ratio: the speaker's prompt path (decoded Web Audio, what answers a tap), detected
//   at howler's master gain exactly like the raw buffer, is the like-for-like figure.
// - audio-cycles-heap-kb: JS heap growth per 1,000 play/stop cycles through one speaker in a fresh
//   page (median of three batches after a settling batch, each measured after forced garbage
//   collection), met only if no howl is left alive beyond the narration and the prompt cache.

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

    // A fresh page for the cycles: nothing from the start-time rounds in its heap.
    const cyclePage = await browser.newPage();
    await cyclePage.goto(`${server.url}/`);
    await cyclePage.waitForFunction(() => '__ready' in window);
    const cdp = await cyclePage.context().newCDPSession(cyclePage);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    const cycle = (n: number) =>
      cyclePage.evaluate(
        (count) => (window as unknown as { benchCycles: (n: number) => Promise<unknown> }).benchCycles(count),
        n,
      ) as Promise<{ liveHowls: number; howlerHowls: number }>;
    // One speaker for the page's lifetime: the first 1,000 cycles settle JIT code and howler's
    // pools; the figure is the median growth of the next three batches of 1,000.
    let previous = await heap();
    await cycle(1000);
    progress(
      `first 1,000 cycles: ${(((await heap()) - previous) / 1024).toFixed(1)} KB (JIT and pools settling)`,
    );
    const growth: number[] = [];
    let left = { liveHowls: 0, howlerHowls: 0 };
    for (let batch = 0; batch < 3; batch++) {
      previous = await heap();
      left = await cycle(1000);
      growth.push((await heap()) - previous);
    }
    const after = median(growth);
    const before = 0;
    const kb = Number(((after - before) / 1024).toFixed(1));
    progress(
      `1,000 play/stop cycles: heap ${kb} KB (median of ${growth.map((g) => (g / 1024).toFixed(0)).join(', ')} KB), ${left.liveHowls} howls alive (${left.howlerHowls} in howler)`,
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
