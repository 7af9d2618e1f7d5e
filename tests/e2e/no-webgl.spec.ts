// A station whose browser has no WebGL (old driver, blocklisted GPU; here `--disable-webgl`)
// still runs every journey of both installations to its end, showing each place in the 2D
// rendition of the same scene.

import { expect, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { startVisit } from './helpers.ts';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-webgl'] } });

const STATIONS = [
  'workers-journey',
  'workers-02-cucina',
  'workers-03-rider',
  'workers-04-autolavaggio',
  'workers-05-cantiere',
  'workers-06-promessa',
  'workers-07-chiusura',
  'nobody-journey',
  'nobody-02-appartamento',
  'nobody-03-telefono',
  'nobody-04-nessuno',
  'nobody-05-chiusura',
];

const journey = (page: Page) => page.locator('percorso-app').locator('percorso-journey');

/** Touches a control twice (the first touch speaks it, the second acts). */
async function touchTwice(page: Page, name: string): Promise<void> {
  const button = journey(page).locator(`pc-big-button[name="${name}"]`);
  await button.click();
  await button.click();
}

for (const kiosk of STATIONS) {
  test(`${kiosk}: the journey completes with its scenes drawn in 2D`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.clock.install();
    await page.goto(`/?kiosk=${kiosk}`);
    await page.clock.pauseAt(Date.now() + 1000);
    await startVisit(page);
    const scenes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const now = await page.evaluate(() => {
        const app = document.querySelector('percorso-app');
        const station = app?.shadowRoot?.querySelector('percorso-journey');
        const root = station?.shadowRoot;
        return {
          screen: app?.getAttribute('data-screen') ?? '',
          kind: root?.querySelector('.journey')?.getAttribute('data-kind') ?? '',
          option: root?.querySelector('.choice')?.getAttribute('name') ?? '',
          ready: station?.getAttribute('data-stage-ready') ?? '',
          stage: root?.querySelector('.stage')?.getAttribute('data-stage') ?? '',
        };
      });
      if (now.screen === 'attract') break;
      if (now.ready) scenes.add(now.ready);
      if (now.stage) expect(now.stage).toBe('2d');
      if (now.kind === 'note') await touchTwice(page, 'continue:');
      else if (now.kind === 'choose') await touchTwice(page, now.option);
      else await page.clock.runFor(3000);
    }
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    expect(scenes.size, `scenes shown in 2D: ${[...scenes].join(', ')}`).toBeGreaterThan(0);
  });
}
