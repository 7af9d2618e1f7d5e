// A journey station end to end, in Debian Chromium against the built app: a visitor goes through a
// whole "Workers" station by touch (time runs on Playwright's clock, narration plays for real),
// idle resets a visit left mid-way, and the quick exit works from every kind of screen.

import { expect, type Page, test } from '@playwright/test';
import { followsTheRules } from './design-rules.ts';
import { startVisit, waitForStageReady } from './helpers.ts';

const journey = (page: Page) => page.locator('percorso-journey');
const kind = (page: Page) => journey(page).locator('.journey').getAttribute('data-kind');

/** Touch a control twice: the first touch speaks it, the second acts. */
async function touchTwice(page: Page, name: string): Promise<void> {
  const button = journey(page).locator(`pc-big-button[name="${name}"]`);
  await button.click();
  await button.click();
}

async function begin(page: Page, url = '/?kiosk=workers-journey'): Promise<void> {
  await page.clock.install();
  await page.goto(url);
  await page.clock.pauseAt(Date.now() + 1000);
  await startVisit(page);
  await expect(journey(page).locator('.journey[data-kind="note"]')).toBeVisible();
  // Narration starts for real (the clip loads over the network) before a test moves time on.
  await expect(journey(page).locator('.caption')).toHaveAttribute('data-speaking', '');
}

interface AppServices {
  services: {
    analytics: { memory: { events: { name: string }[] }; flush(): Promise<void> };
    records: () => Promise<{ attendance(): Promise<{ kind: string; seq: number }[]> }>;
  };
}

/** What the station reported of the visit (the analytics' in-memory log). */
const analytics = (page: Page) =>
  page.evaluate(
    () => (document.querySelector('percorso-app') as unknown as AppServices).services.analytics.memory.events,
  );

/** The attendance records the visit left in IndexedDB, once every write has finished. */
const storedKinds = (page: Page) =>
  page.evaluate(async () => {
    const { services } = document.querySelector('percorso-app') as unknown as AppServices;
    await services.analytics.flush();
    return (await (await services.records()).attendance()).map((r) => r.kind);
  });

test.describe('journey station', () => {
  test('a visitor completes a Workers station by touch, hearing narration and seeing captions', async ({
    page,
  }) => {
    // About 100 s on a 2-core machine: every frame of every scene is drawn by SwiftShader.
    test.setTimeout(240_000);
    await begin(page);
    // Narration is really playing: a howl is playing and its caption is marked as spoken.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as unknown as { Howler?: { _howls: { playing(): boolean; loop(): boolean }[] } }
            ).Howler?._howls.some((h) => h.playing() && !h.loop()) ?? false,
        ),
      )
      .toBe(true);
    await expect(journey(page).locator('.caption')).toContainText('Questa stazione');
    await expect(journey(page).locator('.caption')).toHaveAttribute('data-speaking', '');

    const captions = new Set<string>();
    const kinds = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const now = await page.evaluate(() => {
        const app = document.querySelector('percorso-app');
        const root = app?.shadowRoot?.querySelector('percorso-journey')?.shadowRoot;
        return {
          screen: app?.getAttribute('data-screen') ?? '',
          kind: root?.querySelector('.journey')?.getAttribute('data-kind') ?? '',
          line: root?.querySelector('.caption')?.getAttribute('data-line') ?? '',
          option: root?.querySelector('.choice')?.getAttribute('name') ?? '',
        };
      });
      if (now.screen === 'attract') break;
      kinds.add(now.kind);
      if (now.line) captions.add(now.line);
      if (now.kind === 'note') await touchTwice(page, 'continue:');
      else if (now.kind === 'choose') await touchTwice(page, now.option);
      else await page.clock.runFor(3000);
    }
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    expect(kinds).toEqual(
      new Set(['note', 'narrate', 'choose', 'pause', 'reflect'].filter((k) => kinds.has(k))),
    );
    expect(kinds.has('choose')).toBe(true);
    expect(captions.size).toBeGreaterThan(15);
    const names = (await analytics(page)).map((e) => e.name);
    expect(names[0]).toBe('start');
    expect(names).toContain('choice');
    expect(names.at(-1)).toBe('completed');
    // What counts is stored: the start, every choice, the end.
    const stored = await storedKinds(page);
    expect(stored[0]).toBe('journey-start');
    expect(stored.filter((k) => k === 'choice').length).toBe(names.filter((n) => n === 'choice').length);
    expect(stored.at(-1)).toBe('journey-end');
  });

  test('the 3D stage draws the scene the journey asks for', async ({ page }) => {
    await begin(page);
    await touchTwice(page, 'continue:');
    // Playwright's clock also drives requestAnimationFrame: let frames happen.
    await waitForStageReady(page, 'workers/campo');
    const stage = journey(page).locator('.stage');
    await expect(stage).toHaveAttribute('data-scene', 'workers/campo');
    await expect(stage).toHaveAttribute('data-stage', 'webgl');
  });

  test('each place has its ambience, ducked under narration and back when the voice stops', async ({
    page,
  }) => {
    await begin(page);
    await touchTwice(page, 'continue:');
    await waitForStageReady(page, 'workers/campo');
    // The bed: a looping howl of the field's ambience, decoded (Web Audio), its level and its real
    // gain node's value (what the speakers get).
    const bed = () =>
      page.evaluate(() => {
        type Sound = { _node?: { gain?: { value: number } } };
        type HowlInternals = {
          loop(): boolean;
          playing(): boolean;
          volume(): number;
          _src: string | string[];
          _sounds: Sound[];
        };
        const howls = (window as unknown as { Howler?: { _howls: HowlInternals[] } }).Howler?._howls ?? [];
        const loops = howls.filter((h) => h.loop());
        const speaking = howls.some((h) => !h.loop() && h.playing());
        return loops.map((h) => ({
          src: String(h._src),
          playing: h.playing(),
          level: h._sounds[0]?._node?.gain?.value ?? -1,
          speaking,
        }));
      });
    const volume = await page.evaluate(
      () =>
        (
          document.querySelector('percorso-app') as unknown as {
            services: { config: { audio: { volume: number } } };
          }
        ).services.config.audio.volume,
    );
    /** Whether the bed's gain is at `level` (± 0.02) while a voice is (or is not) speaking. */
    const at = async (level: number, speaking: boolean) => {
      await page.clock.runFor(100);
      const beds = await bed();
      const now = beds.length === 1 && beds[0]?.playing ? beds[0] : undefined;
      return now?.speaking === speaking && Math.abs(now.level - level) <= 0.02;
    };
    // Narration plays: the bed sits 12 dB down (a quarter of the station's volume).
    await expect.poll(() => at(volume * 0.25, true), { timeout: 30_000 }).toBe(true);
    // Pausing silences the voice: the bed comes back up to the station's volume.
    await journey(page).locator('pc-big-button[name="pause"]').click();
    await expect.poll(() => at(volume, false), { timeout: 30_000 }).toBe(true);
    // Leaving the station fades the bed out and unloads it.
    await journey(page).locator('pc-big-button[name="exit"]').click();
    await expect
      .poll(async () => {
        await page.clock.runFor(500);
        return (await bed()).length;
      })
      .toBe(0);
  });

  test('a visit left mid-way is reset by idle, after a spoken "still there?"', async ({ page }) => {
    await begin(page);
    // The content note is spoken, then waits: no reset while it speaks, none for 45 s after.
    await page.clock.runFor(40_000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-idle', 'watching');
    await expect
      .poll(
        async () => {
          await page.clock.runFor(2000);
          return page.locator('percorso-app').getAttribute('data-idle');
        },
        { timeout: 30_000 },
      )
      .toBe('warning');
    await page.clock.runFor(16_000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    expect((await analytics(page)).map((e) => e.name)).toContain('abandoned');
    expect(await storedKinds(page)).toEqual(['journey-start', 'abandon']);
  });

  for (const where of ['note', 'narrate', 'choose', 'paused'] as const) {
    test(`quick exit works from a ${where} screen: silent, neutral, back to the attract loop`, async ({
      page,
    }) => {
      await begin(page);
      if (where !== 'note') await touchTwice(page, 'continue:');
      if (where === 'choose') {
        for (let i = 0; i < 100 && (await kind(page)) !== 'choose'; i++) await page.clock.runFor(2500);
      }
      if (where === 'paused') {
        await journey(page).locator('pc-big-button[name="pause"]').click();
        await expect(journey(page).locator('.caption')).toContainText('In pausa');
      } else {
        await expect(journey(page).locator(`.journey[data-kind="${where}"]`)).toBeVisible();
      }
      await journey(page).locator('pc-big-button[name="exit"]').click();
      await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
      // Silent at once.
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
      // Neutral: nothing on screen says what the station is about, for a minute; then the attract
      // loop is itself again.
      await expect(page.locator('percorso-app')).toHaveAttribute('data-quiet', '');
      await expect(page.locator('percorso-app h1')).toHaveCount(0);
      await page.clock.runFor(61_000);
      await expect(page.locator('percorso-app h1')).toHaveText('Workers');
    });
  }

  test('an error inside the journey actor returns the station to the attract loop', async ({ page }) => {
    await begin(page);
    await page.evaluate(() => {
      const station = document
        .querySelector('percorso-app')
        ?.shadowRoot?.querySelector('percorso-journey') as unknown as { showScene: () => void } | null;
      if (!station) throw new Error('no journey station');
      station.showScene = () => {
        throw new Error('test: scene action failed');
      };
    });
    await touchTwice(page, 'continue:'); // the next step shows a scene: its action throws in the actor
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract', { timeout: 2000 });
    const log = await page.evaluate(() => JSON.parse(localStorage.getItem('percorso.errorLog') ?? '[]'));
    expect(log).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('scene action failed') }),
    );
  });

  test('a reload mid-journey starts again from the attract loop, never mid-way', async ({ page }) => {
    await begin(page);
    await touchTwice(page, 'continue:');
    await expect(journey(page).locator('.journey[data-kind="narrate"]')).toBeVisible();
    await page.reload();
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
  });

  test('every journey screen follows the design rules: note, narration, choice', async ({ page }) => {
    await begin(page);
    await followsTheRules(page, journey(page), 'content note');
    await touchTwice(page, 'continue:');
    await expect(journey(page).locator('.journey[data-kind="narrate"]')).toBeVisible();
    await followsTheRules(page, journey(page), 'narration');
    for (let i = 0; i < 100 && (await kind(page)) !== 'choose'; i++) await page.clock.runFor(2500);
    await followsTheRules(page, journey(page), 'choice');
  });
});
