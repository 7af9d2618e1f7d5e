// The audio info point, used by ear: language by its spoken name, topics by picture, each tile
// speaking on the first touch and acting on the second; fixed controls; and the design rules every
// info point screen must pass in every one of the 16 languages.

import { expect, type Page, test } from '@playwright/test';
import { LANGUAGE_CODES } from '../../src/contracts/languages.ts';
import { followsTheRules, speaking } from './design-rules.ts';
import { startVisit } from './helpers.ts';

const station = (page: Page) => page.locator('percorso-infopoint');
const view = (page: Page) => station(page).locator('main').getAttribute('data-view');
async function open(page: Page): Promise<void> {
  await page.goto('/?kiosk=infopoint');
  await startVisit(page, 'infopoint');
  await expect(station(page).locator('main[data-view="language"]')).toBeVisible();
}

async function chooseLanguage(page: Page, code: string): Promise<void> {
  const tile = station(page).locator(`pc-big-button[name="lang:${code}"]`);
  await tile.click();
  await tile.click();
  await expect(station(page).locator('main[data-view="topics"]')).toBeVisible();
}

test.describe('audio info point', () => {
  test('its attract loop shows, without words, a hand touching a picture that speaks', async ({ page }) => {
    await page.goto('/?kiosk=infopoint');
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    const demo = page.locator('percorso-app svg.demo');
    await expect(demo).toBeVisible();
    expect(await demo.locator('.finger').evaluate((el) => getComputedStyle(el).animationName)).toBe('touch');
    expect(await demo.locator('text').count()).toBe(0);
    // Not on the installations' stations.
    await page.goto('/');
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    await expect(page.locator('percorso-app svg.demo')).toHaveCount(0);
  });

  test('language by ear: the first touch speaks the name, the second chooses it; the page follows', async ({
    page,
  }) => {
    await open(page);
    await expect(station(page).locator('pc-big-button[name^="lang:"]')).toHaveCount(LANGUAGE_CODES.length);
    const wolof = station(page).locator('pc-big-button[name="lang:wo"]');
    await wolof.click();
    await expect.poll(() => speaking(page)).toBe('shell.language.name');
    expect(await view(page)).toBe('language');
    await wolof.click();
    await expect(station(page).locator('main[data-view="topics"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'wo');
  });

  test('topics by picture, then listening with captions; topics and language stay one touch away', async ({
    page,
  }) => {
    await open(page);
    await chooseLanguage(page, 'it');
    const tiles = station(page).locator('pc-big-button[name^="topic:"]');
    await expect(tiles.first()).toBeVisible();
    expect(await tiles.count()).toBeGreaterThanOrEqual(5);
    expect(await tiles.count()).toBeLessThanOrEqual(8);
    const first = tiles.first();
    await first.click();
    await expect.poll(() => speaking(page)).toMatch(/^info\..*\.titolo$/);
    await first.click();
    await expect(station(page).locator('main[data-view="topic"]')).toBeVisible();
    const journey = station(page).locator('percorso-journey');
    await expect(journey.locator('.caption')).toHaveAttribute('data-line', /^info\./);
    await expect(journey.locator('.caption')).toHaveAttribute('data-speaking', '');
    await station(page).locator('pc-big-button[name="home"]').click();
    await expect(station(page).locator('main[data-view="topics"]')).toBeVisible();
    await station(page).locator('pc-big-button[name="language"]').click();
    await expect(station(page).locator('main[data-view="language"]')).toBeVisible();
    await station(page).locator('pc-big-button[name="exit"]').click();
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    expect(await speaking(page)).toBeNull();
  });

  test('every info point screen follows the design rules, in all 16 languages', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page);
    await followsTheRules(page, station(page), 'language grid');
    for (const code of LANGUAGE_CODES) {
      if ((await view(page)) !== 'language')
        await station(page).locator('pc-big-button[name="language"]').click();
      await expect(station(page).locator('main[data-view="language"]')).toBeVisible();
      await chooseLanguage(page, code);
      await expect(page.locator('html')).toHaveAttribute(
        'dir',
        ['ar', 'ary', 'ur'].includes(code) ? 'rtl' : 'ltr',
      );
      await followsTheRules(page, station(page), `topics (${code})`);
      // Mirrored for right-to-left languages: the language control sits at the right.
      const language = await station(page).locator('pc-big-button[name="language"]').boundingBox();
      const exit = await station(page).locator('pc-big-button[name="exit"]').boundingBox();
      const rtl = ['ar', 'ary', 'ur'].includes(code);
      expect((language?.x ?? 0) > (exit?.x ?? 0), `${code}: layout mirrors`).toBe(rtl);
    }
  });
});
