import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const good = JSON.parse(
  readFileSync(new URL('../../kiosk-config/workers-journey.json', import.meta.url), 'utf8'),
);

test.describe('kiosk config at boot', () => {
  test('every example config boots into its role', async ({ page }) => {
    for (const [name, role] of <const>[
      ['workers-journey', 'journey'],
      ['workers-reflection', 'reflection'],
      ['workers-wall', 'wall'],
      ['nobody-journey', 'journey'],
      ['infopoint', 'infopoint'],
    ]) {
      await page.goto(`/?kiosk=${name}`);
      await expect(page.locator('percorso-app')).toHaveAttribute('data-role', role);
      // A wall is a projector: it goes straight to its screen, with no attract loop.
      await expect(page.locator('percorso-app')).toHaveAttribute(
        'data-screen',
        role === 'wall' ? 'wall' : 'attract',
      );
    }
  });

  test('an invalid config shows a full-screen error naming the file and the field, in Italian and English', async ({
    page,
  }) => {
    const broken = { ...good, station: { ...good.station, role: 'kiosk' } };
    await page.route('**/kiosk-config/broken.json', (route) => route.fulfill({ json: broken }));
    await page.goto('/?kiosk=broken');
    const screen = page.locator('percorso-config-error');
    await expect(screen).toHaveAttribute('data-screen', 'error');
    await expect(screen.locator('section[lang="it"]')).toContainText(
      'kiosk-config/broken.json contiene errori',
    );
    await expect(screen.locator('section[lang="en"]')).toContainText('kiosk-config/broken.json has errors');
    await expect(screen.locator('section[lang="en"] code.field')).toHaveText('station.role');
    await expect(screen.locator('section[lang="en"]')).toContainText(
      'use one of: "journey", "reflection", "wall", "infopoint"',
    );
    await expect(screen.locator('section[lang="en"]')).toContainText('What to do');
  });

  test('a config that is not JSON says so', async ({ page }) => {
    await page.route('**/kiosk-config/typo.json', (route) =>
      route.fulfill({ body: '{ "installation": "workers", }', contentType: 'application/json' }),
    );
    await page.goto('/?kiosk=typo');
    await expect(page.locator('percorso-config-error section[lang="en"]')).toContainText('is not valid JSON');
  });

  test('a missing config says which file was not found', async ({ page }) => {
    await page.goto('/?kiosk=no-such-station');
    await expect(page.locator('percorso-config-error section[lang="it"]')).toContainText(
      'kiosk-config/no-such-station.json non è stato trovato',
    );
  });
});
