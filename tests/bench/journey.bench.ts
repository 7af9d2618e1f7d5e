// Figure: journey-transition-ratio — a journey transition (event → new snapshot rendered by lit)
// divided by the same lit render of the same steps without the machine, over the main path of
// the "Workers" field station, medians of interleaved rounds. Goal ≤ 1.2.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { journeys } from '../../src/build/journeys-plugin.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { type Figure, median, progress, serve } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function benchJourney(): Promise<Record<string, Omit<Figure, 'measured'>>> {
  progress('building the journey transition page');
  const outDir = join(ROOT, '.cache/bench-journey');
  await build({
    root: join(ROOT, 'tests/bench/journey'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    plugins: [journeys(ROOT)],
  });
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(
      `${server.url}/?rounds=${process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) * 4 : 30}`,
    );
    await page.waitForFunction(() => '__result' in window, undefined, { timeout: 120_000 });
    const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as {
      machineMs: number[];
      renderMs: number[];
      transitions: number;
      distinct: number;
      error?: string;
    };
    if (result.error) throw new Error(result.error);
    console.log('PROBE', await page.evaluate(() => (window as unknown as { __probe: unknown }).__probe));
    console.log('SEND', (result as unknown as { sendMs: number }).sendMs / (result.machineMs.length + 3));
    const machine = median(result.machineMs);
    const render = median(result.renderMs);
    const ratio = Number((machine / render).toFixed(2));
    progress(
      `${result.transitions} transitions (${result.distinct} distinct steps) × ${result.machineMs.length} rounds: machine + render ${machine.toFixed(1)} ms, render alone ${render.toFixed(1)} ms → ratio ${ratio}`,
    );
    return { 'journey-transition-ratio': { value: ratio, unit: 'x', goal: '<= 1.2', met: ratio <= 1.2 } };
  } finally {
    await browser.close();
    await server.close();
  }
}
