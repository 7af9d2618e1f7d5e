// Bench harness: runs figures in Debian Chromium, prints one progress line per benchmark and
// each figure as a ratio against a baseline measured in the same run, and merges the figures
// into tests/bench/results.json (name → { value, unit, goal, met, measured }).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticHandler } from '../../src/server/static.ts';

export interface Figure {
  value: number;
  unit: string;
  goal: string;
  met: boolean;
  measured: string;
}

const RESULTS = new URL('./results.json', import.meta.url);

export function mergeResults(
  figures: Record<string, Omit<Figure, 'measured'>>,
  now = new Date(),
): Record<string, Figure> {
  const existing: Record<string, Figure> = existsSync(RESULTS)
    ? JSON.parse(readFileSync(RESULTS, 'utf8'))
    : {};
  for (const [name, figure] of Object.entries(figures))
    existing[name] = { ...figure, measured: now.toISOString() };
  writeFileSync(RESULTS, `${JSON.stringify(existing, null, 2)}\n`);
  return existing;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function progress(line: string): void {
  process.stdout.write(`  … ${line}\n`);
}

/** Serves a built folder on a free port; close() stops it for real (offline tests). */
export async function serve(
  root: string,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(staticHandler(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
