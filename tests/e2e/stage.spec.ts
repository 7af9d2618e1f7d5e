// The 3D stage in Debian Chromium (SwiftShader), through the scene viewer (/stage.html): every
// scene keeps its budgets, draws something that looks like its stored reference, and gives back
// everything it took when unmounted, 200 times over.

import { expect, type Page, test } from '@playwright/test';
import { takeSnapshot } from '../soak/heap.ts';
import { startVisit } from './helpers.ts';

interface Stats {
  mode: string;
  tier: string | null;
  calls: number;
  triangles: number;
  geometries: number;
  textures: number;
  programs: number;
  textureBytes: number;
  largestTexture: number;
}

interface Viewer {
  keys: string[];
  describeScene(key: string): Promise<{ states: string[]; cameras: string[] }>;
  show(request: { scene: string; state?: string; camera?: string }): Promise<Stats>;
  cycle(key: string, count: number): Promise<Stats>;
  clear(): Promise<Stats>;
  references(frames: number): Promise<Record<string, { median: number; emptyMedian: number; p95: number }>>;
  renderer(): string;
  sample(): { distinct: number; spread: number; mean: number; width: number; height: number };
  stage: EventTarget & { stats(): Stats };
}

declare global {
  interface Window {
    percorsoStage: Viewer;
  }
}

async function openViewer(page: Page, query: string): Promise<string[]> {
  await page.goto(`/stage.html?bare&${query}`);
  await page.waitForFunction(() => window.percorsoStage !== undefined);
  return page.evaluate(() => window.percorsoStage.keys);
}

// Tracing keeps references in the page while it records: measured heap would include them.
test.use({ trace: 'off' });

const KEYS_COUNT = 12; // 7 "Workers" scenes and 5 "Nobody" scenes

test.describe('3D stage', () => {
  test('every scene keeps its budgets in every state, from every camera, at the highest tier', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const keys = await openViewer(page, 'tier=high');
    expect(keys).toHaveLength(KEYS_COUNT);
    const worst = await page.evaluate(async (keys) => {
      const viewer = window.percorsoStage;
      const rows: (Stats & { key: string })[] = [];
      for (const key of keys) {
        const { states, cameras } = await viewer.describeScene(key);
        for (const state of states) {
          for (const camera of cameras)
            rows.push({ key, ...(await viewer.show({ scene: key, state, camera })) });
        }
      }
      return rows;
    }, keys);
    for (const row of worst) {
      const where = `${row.key} (${JSON.stringify(row)})`;
      expect(row.tier, where).toBe('high');
      expect(row.calls, where).toBeGreaterThan(0);
      expect(row.calls, where).toBeLessThanOrEqual(100);
      expect(row.triangles, where).toBeLessThanOrEqual(100_000);
      expect(row.textureBytes, where).toBeLessThanOrEqual(64 * 2 ** 20);
      expect(row.largestTexture, where).toBeLessThanOrEqual(2048);
    }
  });

  test('each scene draws a picture like its stored reference once stage-ready fires', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 480, height: 270 });
    const keys = await openViewer(page, 'tier=medium&still');
    for (const key of keys) {
      const ready = page.evaluate(
        (key) =>
          new Promise<string>((resolve) =>
            window.percorsoStage.stage.addEventListener('stage-ready', (event) => {
              const scene = (event as CustomEvent<{ scene: string }>).detail.scene;
              if (scene === key) resolve(scene);
            }),
          ),
        key,
      );
      await page.evaluate((key) => window.percorsoStage.show({ scene: key }), key);
      expect(await ready).toBe(key);
      const sample = await page.evaluate(() => window.percorsoStage.sample());
      // Not blank: many colours and a real spread of light and dark.
      // (the empty room of "Nobody" has few colours by design, but more than a blank frame's one)
      expect(sample.distinct, key).toBeGreaterThan(6);
      expect(sample.spread, key).toBeGreaterThan(4);
      await expect(page.locator('canvas.stage'), key).toHaveScreenshot(`stage-${key.replace('/', '-')}.png`, {
        maxDiffPixelRatio: 0.03,
        threshold: 0.25,
      });
    }
  });

  test('mounting and unmounting every scene 200 times gives back all GPU memory and heap', async ({
    page,
  }) => {
    test.setTimeout(600_000);
    const keys = await openViewer(page, 'tier=low');
    const cdp = await page.context().newCDPSession(page);
    // What the page really holds: the live size of a heap snapshot taken after a full collection
    // (tests/soak/heap.ts). Performance.getMetrics' JSHeapUsedSize also counts garbage V8 has not
    // yet compacted and swings by tens of KB between readings.
    const heap = async () => (await takeSnapshot(cdp)).live;
    // A few rounds of every scene first: modules load, three.js fills its caches, V8 settles its
    // code, Chromium's long-task timeline buffer fills up to its cap.
    for (const key of keys) await page.evaluate((key) => window.percorsoStage.cycle(key, 20), key);
    const baseline = await page.evaluate(() => window.percorsoStage.clear());
    const report: string[] = [];
    for (const key of keys) {
      const before = await heap();
      const after200 = await page.evaluate((key) => window.percorsoStage.cycle(key, 200), key);
      const per100Kb = ((await heap()) - before) / 2 / 1024;
      report.push(`${key}: ${per100Kb.toFixed(1)} KB per 100 cycles`);
      expect(after200.geometries, key).toBe(baseline.geometries);
      expect(after200.textures, key).toBe(baseline.textures);
      expect(after200.programs, key).toBe(baseline.programs);
      expect(per100Kb, key).toBeLessThanOrEqual(50);
    }
    test.info().annotations.push({ type: 'heap', description: report.join('; ') });
    console.log(`stage heap growth: ${report.join('; ')}`);
  });
});

test.describe('3D stage: the minimal tier', () => {
  /** Mean brightness of every scene's first frame, drawn by the viewer with `query`. */
  async function brightness(page: Page, query: string) {
    const keys = await openViewer(page, `${query}&still`);
    return page.evaluate(async (keys) => {
      const rows: Record<string, { mean: number; distinct: number; pixels: number; tier: string | null }> =
        {};
      for (const key of keys) {
        const stats = await window.percorsoStage.show({ scene: key });
        const { mean, distinct, width, height } = window.percorsoStage.sample();
        rows[key] = { mean, distinct, pixels: width * height, tier: stats.tier };
      }
      return rows;
    }, keys);
  }

  test('draws every scene as the lit tiers and the 2D rendition do, light baked in, at most 640 × 360 pixels', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const lit = await brightness(page, 'tier=low');
    const baked = await brightness(page, 'tier=minimal');
    const flat = await brightness(page, 'webgl=0');
    const report: string[] = [];
    for (const [key, row] of Object.entries(baked)) {
      report.push(
        `${key}: ${row.mean.toFixed(1)} baked, ${lit[key]?.mean.toFixed(1)} lit, ${flat[key]?.mean.toFixed(1)} 2D`,
      );
    }
    console.log(`mean brightness: ${report.join('; ')}`);
    for (const [key, row] of Object.entries(baked)) {
      expect(row.tier, key).toBe('minimal');
      expect(row.pixels, key).toBeLessThanOrEqual(640 * 360);
      expect(row.distinct, key).toBeGreaterThan(3);
      // The same light: per-vertex on the CPU against per-pixel on the GPU (measured within 0.2
      // of 255), and per-triangle in 2D (flat faces on round hills: within 14).
      expect(Math.abs(row.mean - (lit[key]?.mean ?? 0)), key).toBeLessThanOrEqual(2);
      expect(Math.abs(row.mean - (flat[key]?.mean ?? 0)), key).toBeLessThanOrEqual(16);
    }
  });

  test('is what a CPU rasterizer gets at boot, without multisampling', async ({ page }) => {
    await openViewer(page, 'scene=workers/campo');
    const { renderer, tier, antialias } = await page.evaluate(async () => {
      const canvas = document.querySelector('canvas.stage') as HTMLCanvasElement;
      while (!canvas.dataset.tier) await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        renderer: window.percorsoStage.renderer(),
        tier: canvas.dataset.tier,
        antialias: (canvas.getContext('webgl2') as WebGL2RenderingContext).getContextAttributes()?.antialias,
      };
    });
    test.skip(!/swiftshader/i.test(renderer), `WebGL runs on ${renderer}, not on the CPU`);
    expect(tier).toBe('minimal');
    expect(antialias).toBe(false);
  });

  test('mounting and unmounting every scene gives back all GPU memory at the minimal tier too', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const keys = await openViewer(page, 'tier=minimal');
    for (const key of keys) await page.evaluate((key) => window.percorsoStage.cycle(key, 5), key);
    const baseline = await page.evaluate(() => window.percorsoStage.clear());
    for (const key of keys) {
      const after = await page.evaluate((key) => window.percorsoStage.cycle(key, 50), key);
      expect(after.tier, key).toBe('minimal');
      expect(after.geometries, key).toBe(baseline.geometries);
      expect(after.textures, key).toBe(baseline.textures);
      expect(after.programs, key).toBe(baseline.programs);
    }
  });
});

test("the bench's reference frames are drawn beside a mounted scene and leave it, and the GPU, as they were", async ({
  page,
}) => {
  await openViewer(page, 'tier=minimal&still');
  const before = await page.evaluate(async () => {
    const stats = await window.percorsoStage.show({ scene: 'workers/campo' });
    return { stats, sample: window.percorsoStage.sample() };
  });
  const times = await page.evaluate(() => window.percorsoStage.references(4));
  expect(Object.keys(times).sort()).toEqual(['full-screen', 'one-triangle']);
  for (const [frame, row] of Object.entries(times)) {
    expect(row.median, frame).toBeGreaterThan(0);
    expect(row.emptyMedian, frame).toBeGreaterThan(0);
  }
  const after = await page.evaluate(() => ({
    stats: window.percorsoStage.stage.stats(),
    sample: window.percorsoStage.sample(),
  }));
  expect(after.sample).toEqual(before.sample);
  expect(after.stats.geometries).toBe(before.stats.geometries);
  expect(after.stats.programs).toBe(before.stats.programs);
});

test.describe('3D stage failures', () => {
  const station = (page: Page) => page.locator('percorso-app').locator('percorso-journey');

  async function sceneOnScreen(page: Page): Promise<void> {
    await startVisit(page);
    const button = station(page).locator('pc-big-button[name="continue:"]');
    await button.click();
    await button.click();
    await expect(station(page)).toHaveAttribute('data-stage-ready', 'workers/campo', { timeout: 15_000 });
  }

  /** Makes the GPU drop the stage's context, as a driver reset or GPU process crash does. */
  const loseContext = (page: Page) =>
    page.evaluate(() => {
      const root = document
        .querySelector('percorso-app')
        ?.shadowRoot?.querySelector('percorso-journey')?.shadowRoot;
      const canvas = root?.querySelector('canvas.stage') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
      const lose = gl.getExtension('WEBGL_lose_context') as WEBGL_lose_context;
      Object.assign(window, { loseContext: lose, sameDocument: true });
      lose.loseContext();
      return performance.now();
    });

  test('a lost WebGL context returns the station to the attract loop, and the next visit draws again without a reload', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/?kiosk=workers-journey');
    await sceneOnScreen(page);
    const lostAt = await loseContext(page);
    await page.locator('percorso-app[data-screen="attract"]').waitFor({ timeout: 2000 });
    const backAfter = (await page.evaluate(() => performance.now())) - lostAt;
    expect(backAfter).toBeLessThan(2000);
    await page.evaluate(() =>
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext(),
    );
    await sceneOnScreen(page);
    // Same document: recovered without a reload; and the stage draws real pixels again.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await expect(station(page).locator('canvas.stage')).not.toHaveAttribute('data-lost');
  });

  test('a context that does not come back reloads the page into the attract loop', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/?kiosk=workers-journey');
    await sceneOnScreen(page);
    await loseContext(page);
    await page.locator('percorso-app[data-screen="attract"]').waitFor({ timeout: 2000 });
    // RESTORE_WAIT_MS (8 s) later the stage gives up and reloads: a fresh document, attract loop.
    await page.waitForFunction(
      () => !(window as unknown as { sameDocument?: boolean }).sameDocument,
      undefined,
      {
        timeout: 15_000,
      },
    );
    await page.locator('percorso-app[data-screen="attract"]').waitFor();
    await sceneOnScreen(page);
  });
});
