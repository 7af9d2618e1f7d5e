// Figure sync-100k-ratio: 100k records synced from a kiosk's IndexedDB to the events register by
// the uploader (src/sync/uploader.ts), throughput ÷ raw HTTP POSTs of batches of the same size
// and kind already serialized in memory, to the same register (embedded SQLite) on the same
// origin, in Chromium. Both insert new rows; the difference is what the kiosk side costs
// (reading unsynced records, marking them synced). Higher is better; goal ≥ 0.5.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { buildRegisterApp } from '../../src/register/app.ts';
import { migrate, openRegisterDb } from '../../src/register/db.ts';
import { enrolKiosk } from '../../src/register/kiosks.ts';
import { staticHandler } from '../../src/server/static.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { type Figure, median, progress } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDS = 100_000;

export async function benchSync(): Promise<Record<string, Omit<Figure, 'measured'>>> {
  progress('building the sync page');
  const outDir = join(ROOT, '.cache/bench-sync');
  await build({
    root: join(ROOT, 'tests/bench/sync'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const opened = openRegisterDb({ dataDir });
  await migrate(opened.db);
  const { token } = await enrolKiosk(opened.db, 'bench');
  const app = await buildRegisterApp({
    db: opened.db,
    backend: opened.backend,
    rate: { burst: 1e9, perSecond: 1e9 },
    fallback: staticHandler(outDir),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const rounds = process.env.BENCH_RUNS ? Math.min(3, Number(process.env.BENCH_RUNS)) : 2;
    await page.goto(`http://127.0.0.1:${port}/?records=${RECORDS}&rounds=${rounds}&token=${token}`);
    await page.waitForFunction(() => '__result' in window, undefined, { timeout: 600_000 });
    const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as {
      syncMs: number[];
      rawMs: number[];
      error?: string;
    };
    if (result.error) throw new Error(result.error);
    const sync = median(result.syncMs);
    const raw = median(result.rawMs);
    const ratio = Number((raw / sync).toFixed(2));
    progress(
      `${rounds} rounds × ${RECORDS} records: uploader ${(sync / 1000).toFixed(1)} s (${Math.round((RECORDS / sync) * 1000)}/s), raw POSTs ${(raw / 1000).toFixed(1)} s (${Math.round((RECORDS / raw) * 1000)}/s) → ratio ${ratio}`,
    );
    return { 'sync-100k-ratio': { value: ratio, unit: 'x', goal: '>= 0.5', met: ratio >= 0.5 } };
  } finally {
    await browser.close();
    await app.close();
    await opened.db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
