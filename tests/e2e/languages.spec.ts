// Languages on screen: every offered language's own name is drawn with a shipped font (no tofu),
// Urdu uses Nastaliq with room between lines, Chinese uses the subset built from our strings.

import { expect, test } from '@playwright/test';
import { startVisit } from './helpers.ts';

/** Whether a family has a face loaded for `text` (the browser fetched it from our files). */
const fontLoaded = (family: string, text: string) =>
  `document.fonts.load('24px "${family}"', ${JSON.stringify(text)}).then((faces) => faces.length > 0 && document.fonts.check('24px "${family}"', ${JSON.stringify(text)}))`;

test.describe('languages and scripts', () => {
  for (const [lang, family, sample] of [
    ['ar', 'Noto Sans Arabic', 'العربية'],
    ['ur', 'Noto Nastaliq Urdu', 'اردو'],
    ['hi', 'Noto Sans Devanagari', 'हिन्दी'],
    ['bn', 'Noto Sans Bengali', 'বাংলা'],
    ['pa', 'Noto Sans Gurmukhi', 'ਪੰਜਾਬੀ'],
    ['zh', 'Noto Sans SC', '中文'],
  ] as const) {
    test(`${lang}: the attract loop draws its own language name with ${family}`, async ({ page }) => {
      await page.goto(`/?lang=${lang}`);
      await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(await page.evaluate(fontLoaded(family, sample))).toBe(true);
    });
  }

  test('Urdu is set in Nastaliq with a line height of at least 2', async ({ page }) => {
    await page.goto('/?lang=ur');
    await startVisit(page);
    const caption = page.locator('percorso-journey .caption');
    await expect(caption).toBeVisible();
    const style = () =>
      caption.evaluate((el) => {
        const computed = getComputedStyle(el);
        return {
          family: computed.fontFamily,
          ratio: Number.parseFloat(computed.lineHeight) / Number.parseFloat(computed.fontSize),
        };
      });
    // The caption is re-rendered as the narration moves on, and a detached node computes no style,
    // so family and ratio are read together and polled until a live caption shows both.
    await expect
      .poll(async () => {
        const { family, ratio } = await style();
        return /^"Noto Nastaliq Urdu"/.test(family) && ratio >= 2
          ? 'nastaliq, line height ≥ 2'
          : `${family} ${ratio}`;
      })
      .toBe('nastaliq, line height ≥ 2');
  });

  test('the shell speaks Chinese strings from the bundled subset font', async ({ page }) => {
    await page.goto('/?lang=zh');
    const invite = page.locator('percorso-app .invite');
    await expect(invite).toHaveAttribute('lang', 'zh');
    const text = (await invite.textContent())?.trim() ?? '';
    expect(text.length).toBeGreaterThan(2);
    expect(await page.evaluate(fontLoaded('Noto Sans SC', text))).toBe(true);
  });
});
