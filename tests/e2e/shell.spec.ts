import { expect, test } from '@playwright/test';
import { followsTheRules } from './design-rules.ts';
import { idleOf, screenOf, shellText, startVisit } from './helpers.ts';

test.describe('station shell', () => {
  test('boots into the Workers attract loop by default and exposes role and screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    await expect(page.locator('percorso-app')).toHaveAttribute('data-role', 'journey');
    await expect(page.locator('percorso-app h1')).toHaveText('Workers');
    await expect(page.locator('percorso-app .invite')).toContainText('Tocca lo schermo per iniziare');
  });

  test('the attract loop cycles its invitation through the offered languages', async ({ page }) => {
    await page.clock.install();
    await page.goto('/');
    await page.clock.pauseAt(Date.now() + 1000);
    await expect(page.locator('percorso-app .invite')).toContainText('Tocca lo schermo');
    await page.clock.runFor(6100);
    await expect(page.locator('percorso-app .invite')).toContainText('Touch the screen to start');
    await expect(page.locator('percorso-app .invite')).toHaveAttribute('lang', 'en');
  });

  test('a touch starts a visit that speaks on arrival, in the chosen language', async ({ page }) => {
    await page.goto('/?kiosk=workers-reflection');
    await page.locator('percorso-app button[data-lang="en"]').click();
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'reflection');
    await expect(page.locator('percorso-reflection .caption')).toContainText(
      'What will you take away from this path?',
    );
    // Narration is playing (howler marks the caption while its line is spoken).
    await expect(page.locator('percorso-reflection .caption')).toHaveAttribute('data-speaking', '');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('every visit control has a pictogram as well as a label', async ({ page }) => {
    await page.goto('/?kiosk=workers-reflection');
    await startVisit(page, 'reflection');
    const buttons = page.locator('percorso-reflection pc-big-button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(3);
    for (const button of await buttons.all()) {
      await expect(button.locator('svg')).toHaveCount(1);
      expect((await button.getAttribute('label'))?.length ?? 0).toBeGreaterThan(0);
    }
  });

  test('quick exit silences the station and returns to the attract loop', async ({ page }) => {
    await page.goto('/?kiosk=workers-reflection');
    await startVisit(page, 'reflection');
    await page.locator('pc-big-button[name="exit"]').click();
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    expect(
      await page.evaluate(
        () =>
          (
            document.querySelector('percorso-app') as unknown as {
              services: { speaker: { current: string | null } };
            }
          ).services.speaker.current,
      ),
    ).toBeNull();
  });

  test('idle: narration holds the clock, then "still there?" with a countdown, then the attract loop', async ({
    page,
  }) => {
    await page.clock.install();
    await page.goto('/');
    await page.clock.pauseAt(Date.now() + 1000);
    await startVisit(page);
    await expect(page.locator('percorso-journey .caption')).toHaveAttribute('data-speaking', '');
    // The content note is spoken first (~8 s); the 45 s attention timeout starts after it.
    await page.clock.runFor(30_000);
    expect(await idleOf(page)).toBe('watching');
    await page.clock.runFor(30_000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-idle', 'warning');
    expect(await shellText(page)).toContain('Ci sei ancora?');
    expect(await shellText(page)).toMatch(/Si ricomincia tra \d+ second/);
    await page.clock.runFor(16_000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
  });

  test('idle: a touch during the warning keeps the visit going', async ({ page }) => {
    await page.clock.install();
    await page.goto('/');
    await page.clock.pauseAt(Date.now() + 1000);
    await startVisit(page);
    // Narration starts for real (clips load over the network) before time is fast-forwarded.
    await expect(page.locator('percorso-journey .caption')).toHaveAttribute('data-speaking', '');
    await page.clock.runFor(30_000);
    await page.clock.runFor(30_000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-idle', 'warning');
    await page.mouse.click(600, 400);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-idle', 'watching');
    await page.clock.runFor(20_000);
    expect(await screenOf(page)).toBe('journey');
  });

  test('an error thrown while rendering a role returns to the attract loop within 2 s', async ({ page }) => {
    await page.goto('/?kiosk=workers-reflection');
    await startVisit(page, 'reflection');
    const started = Date.now();
    await page.evaluate(() => {
      const role = document.querySelector('percorso-app')?.shadowRoot?.querySelector('percorso-reflection') as
        | (HTMLElement & { render: () => unknown; requestUpdate: () => void })
        | null;
      if (!role) throw new Error('no role element');
      role.render = () => {
        throw new Error('test: render failure inside a role');
      };
      role.requestUpdate();
    });
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract', { timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    const log = await page.evaluate(() => JSON.parse(localStorage.getItem('percorso.errorLog') ?? '[]'));
    expect(log).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('render failure inside a role'),
        screen: 'reflection',
      }),
    );
    // One incident counts as one crash, however often the broken element throws while torn down.
    expect(
      await page.evaluate(() => JSON.parse(localStorage.getItem('percorso.crashTimes') ?? '[]').length),
    ).toBe(1);
  });

  test('an uncaught error in a role returns to the attract loop; three in a minute show "out of order"', async ({
    page,
  }) => {
    await page.goto('/');
    for (let crash = 1; crash <= 3; crash++) {
      await startVisit(page);
      await page.evaluate(() =>
        setTimeout(() => {
          throw new Error('test: uncaught error');
        }),
      );
      await expect(page.locator('percorso-app')).toHaveAttribute(
        'data-screen',
        crash < 3 ? 'attract' : 'out-of-order',
        {
          timeout: 2000,
        },
      );
    }
    await expect(page.locator('percorso-app .calm')).toContainText('Abbiamo avvisato lo staff');
  });

  test('?lang=ar mirrors the layout', async ({ page }) => {
    await page.goto('/?lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await startVisit(page);
    const replay = await page.locator('pc-big-button[name="replay"]').boundingBox();
    const exit = await page.locator('pc-big-button[name="exit"]').boundingBox();
    // In Italian replay sits at the left and exit at the right; mirrored, the other way round.
    expect(replay && exit && replay.x > exit.x).toBe(true);
  });

  test('loads and runs a visit with no Content-Security-Policy violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/');
    await startVisit(page);
    await page.locator('pc-big-button[name="replay"]').click();
    const logged = await page.evaluate(() => JSON.parse(localStorage.getItem('percorso.errorLog') ?? '[]'));
    expect(violations).toEqual([]);
    expect(logged.filter((e: { kind: string }) => e.kind === 'csp')).toEqual([]);
  });
});

test.describe('design rules on the other roles', () => {
  // The wall is a projector with no controls: it has no visit screen to hold to these rules.
  test("the reflection station's opening screen follows the design rules", async ({ page }) => {
    await page.goto('/?kiosk=workers-reflection');
    await startVisit(page, 'reflection');
    await followsTheRules(page, page.locator('percorso-reflection'), 'reflection');
  });
});
