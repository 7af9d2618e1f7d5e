// Figures:
// - cold-start-offline-ratio: a cold browser start with the service worker warm and the server
//   stopped, from navigation to an interactive attract loop (rendered, next frame), divided by
//   the same for a blank Vite page with a service worker. Goal ≤ 1.3.
// - initial-js-gzip-kb: gzip size of every script the station loads up to the start of a
//   visit, i.e. before any 3D scene. Goal ≤ 120.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { type Figure, median, progress, serve } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Target {
  name: string;
  dist: string;
  /** Runs in the page before any script: sets window.__ready when the page is interactive. */
  readyProbe: string;
}

/**
 * Marks window.__ready (ms since navigation) one frame after `selector` matches. A string, not
 * a function: tsx rewrites functions with helpers that do not exist inside the page.
 */
const readyProbe = (selector: string): string => `(() => {
  const check = () => {
    if (!document.querySelector(${JSON.stringify(selector)})) return false;
    requestAnimationFrame(() => { window.__ready = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function buildAll(): Promise<{ app: string; blank: string }> {
  progress('building the app and the blank baseline');
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const blank = join(ROOT, '.cache/bench-blank');
  await build({
    root: join(ROOT, 'tests/bench/blank'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: blank, emptyOutDir: true },
    plugins: [
      VitePWA({
        strategies: 'generateSW',
        injectRegister: false,
        manifest: false,
        workbox: { globPatterns: ['**/*.{js,html}'], navigateFallback: 'index.html', clientsClaim: true },
      }),
    ],
  });
  return { app: join(ROOT, 'dist'), blank };
}

async function launch(profile: string) {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** First load online: installs the service worker and fills the precache. */
async function warm(profile: string, url: string): Promise<void> {
  const context = await launch(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.close();
}

/** One cold offline start: new browser process, same profile, server already stopped. */
async function coldStart(target: Target, profile: string, url: string): Promise<number> {
  const context = await launch(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript({ content: target.readyProbe });
  await page.goto(url);
  await page
    .waitForFunction(() => '__ready' in window, undefined, { timeout: 30_000 })
    .catch(async (error) => {
      const body = await page
        .evaluate(
          () =>
            document.body.outerHTML.slice(0, 400) +
            ' | ' +
            document.querySelector('percorso-app')?.getAttribute('data-screen'),
        )
        .catch(() => '?');
      throw new Error(`${target.name} did not become ready offline at ${page.url()}: ${body}`, {
        cause: error,
      });
    });
  const ms = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  await context.close();
  return ms;
}

async function initialJsKb(dist: string): Promise<number> {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path);
    });
    await page.goto(`${server.url}/`);
    await page.locator('percorso-app[data-screen="attract"]').waitFor();
    await page.mouse.click(640, 200);
    await page.locator('percorso-app[data-screen="journey"]').waitFor();
    let bytes = 0;
    for (const path of scripts) bytes += gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
    progress(`${scripts.size} scripts before any 3D scene: ${[...scripts].join(', ')}`);
    return bytes / 1024;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchStartup(): Promise<Record<string, Omit<Figure, 'measured'>>> {
  const dists = await buildAll();
  const targets: Target[] = [
    { name: 'app', dist: dists.app, readyProbe: readyProbe('percorso-app[data-screen="attract"]') },
    { name: 'blank', dist: dists.blank, readyProbe: readyProbe('body[data-ready]') },
  ];
  const profiles = targets.map(() => mkdtempSync(join(tmpdir(), 'percorso-bench-')));
  const servers = await Promise.all(targets.map((t) => serve(t.dist)));
  const urls = servers.map((s) => `${s.url}/`);
  try {
    for (const [i, target] of targets.entries()) {
      progress(`warming the service worker: ${target.name}`);
      await warm(profiles[i] as string, urls[i] as string);
    }
  } finally {
    for (const server of servers) await server.close();
  }
  const times: number[][] = targets.map(() => []);
  for (let run = 1; run <= RUNS; run++) {
    // Interleaved, so machine noise hits both sides alike.
    for (const [i, target] of targets.entries()) {
      times[i]?.push(await coldStart(target, profiles[i] as string, urls[i] as string));
    }
    progress(
      `cold offline start ${run}/${RUNS}: app ${times[0]?.at(-1)?.toFixed(0)} ms, blank ${times[1]?.at(-1)?.toFixed(0)} ms`,
    );
  }
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  const app = median(times[0] ?? []);
  const blank = median(times[1] ?? []);
  const ratio = Number((app / blank).toFixed(2));
  progress(`median: app ${app.toFixed(0)} ms, blank ${blank.toFixed(0)} ms → ratio ${ratio}`);

  const kb = Number((await initialJsKb(dists.app)).toFixed(1));
  return {
    'cold-start-offline-ratio': { value: ratio, unit: 'x', goal: '<= 1.3', met: ratio <= 1.3 },
    'initial-js-gzip-kb': { value: kb, unit: 'KB', goal: '<= 120', met: kb <= 120 },
  };
}
