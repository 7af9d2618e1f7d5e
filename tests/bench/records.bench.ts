// Figures, in Chromium with a real IndexedDB (tests/bench/records/main.ts):
// - record-append-ratio: throughput of `Records.addAttendance` (a tally) relative to a raw idb
//   `put` of a record of the same shape with strict durability in its own transaction, medians
//   of interleaved rounds: raw time ÷ append time, so higher is better. Goal ≥ 0.8.
// - csv-export-100k-ratio: `exportCsv` of 100k attendance records from IndexedDB ÷ csv-stringify
//   of the same rows (same mapping) already in memory, medians of interleaved rounds. Goal ≤ 3.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { type Figure, median, progress, serve } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITES = 200;

interface PageResult {
  appendMs: number[];
  rawMs: number[];
  exportMs: number[];
  stringifyMs: number[];
  seedMs: number;
  mapMs: number;
  count: number;
  csvBytes: number;
  error?: string;
}

export async function benchRecords(): Promise<Record<string, Omit<Figure, 'measured'>>> {
  progress('building the records page');
  const outDir = join(ROOT, '.cache/bench-records');
  await build({
    root: join(ROOT, 'tests/bench/records'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const runs = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : 5;
    await page.goto(`${server.url}/?writes=${WRITES}&appendRounds=${runs}&exportRounds=${runs}`);
    await page.waitForFunction(() => '__result' in window, undefined, { timeout: 300_000 });
    const result = (await page.evaluate(
      () => (window as unknown as { __result: unknown }).__result,
    )) as PageResult;
    if (result.error) throw new Error(result.error);

    const append = median(result.appendMs);
    const raw = median(result.rawMs);
    const appendRatio = Number((raw / append).toFixed(2));
    progress(
      `append: ${result.appendMs.length} rounds × ${WRITES} writes: addAttendance ${append.toFixed(1)} ms (${(append / WRITES).toFixed(2)} ms each), raw strict put ${raw.toFixed(1)} ms (${(raw / WRITES).toFixed(2)} ms each) → ratio ${appendRatio}`,
    );
    const exported = median(result.exportMs);
    const stringified = median(result.stringifyMs);
    const csvRatio = Number((exported / stringified).toFixed(2));
    progress(
      `CSV: ${result.count} records (${(result.csvBytes / 1e6).toFixed(1)} MB, seeded in ${result.seedMs.toFixed(0)} ms, mapped in ${result.mapMs.toFixed(0)} ms): exportCsv ${exported.toFixed(0)} ms, csv-stringify in memory ${stringified.toFixed(0)} ms → ratio ${csvRatio}`,
    );
    return {
      'record-append-ratio': { value: appendRatio, unit: 'x', goal: '>= 0.8', met: appendRatio >= 0.8 },
      'csv-export-100k-ratio': { value: csvRatio, unit: 'x', goal: '<= 3', met: csvRatio <= 3 },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
