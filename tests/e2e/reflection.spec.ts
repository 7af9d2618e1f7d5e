// The reflection station and the wall: writing with the on-screen keyboard, answering with
// pictograms, the 280-character limit, a possible disclosure answered with the helpline, thanks
// only after the save (and never "saved" when it failed), every payload of the XSS corpus kept
// inert and stored as typed; and the wall showing approvals live, as text.

import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { followsTheRules, speaking } from './design-rules.ts';
import { startVisit } from './helpers.ts';

const PAYLOADS = readFileSync(new URL('../fixtures/xss-corpus.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);

const station = (page: Page) => page.locator('percorso-reflection');
const field = (page: Page) => station(page).locator('textarea');
const key = (page: Page, name: string) => station(page).locator(`.keyboard [data-skbtn="${name}"]`);

async function open(page: Page): Promise<void> {
  await page.goto('/?kiosk=workers-reflection');
  await startVisit(page, 'reflection');
  await expect(station(page).locator('main[data-view="compose"]')).toBeVisible();
  await expect(key(page, 'q')).toBeVisible();
}

/** "Send" speaks on the first touch and sends on the second. */
async function send(page: Page): Promise<void> {
  const button = station(page).locator('pc-big-button[name="send"]');
  await button.click();
  await button.click();
  await expect(station(page).locator('main[data-view="thanks"]')).toBeVisible();
}

type Stored = { text: string; pictograms: string[]; status: string; disclosure: boolean; language: string };

/** The reflections in this browser's records, through the app's own records service. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const app = document.querySelector('percorso-app') as unknown as {
      services: { records: () => Promise<{ reflections(): Promise<unknown[]> }> };
    };
    return (await (await app.services.records()).reflections()) as Stored[];
  });

/** How many elements the station's shadow tree holds (markup in visitor text would add some). */
const elementCount = (page: Page) =>
  station(page).evaluate((el) => el.shadowRoot?.querySelectorAll('*').length ?? 0);

const xssFlag = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

test.describe('reflection station', () => {
  test('speaks the prompt, follows the design rules, and takes a reflection typed on its keyboard', async ({
    page,
  }) => {
    await open(page);
    await expect.poll(() => speaking(page)).toBe('shell.reflection.prompt');
    await expect(station(page).locator('.caption')).toContainText('Che cosa ti porti via');
    await followsTheRules(page, station(page), 'reflection');
    // Eight feeling pictograms, each with a picture and a word, large enough to touch.
    const feelings = station(page).locator('button.feeling');
    await expect(feelings).toHaveCount(8);
    for (const feeling of await feelings.all()) {
      await expect(feeling.locator('svg')).toHaveCount(1);
      const box = await feeling.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(72);
    }

    await key(page, '{shift}').click();
    for (const name of ['G', 'r', 'a', 'z', 'i', 'e', '{space}', 'è', '{space}', 'v', 'e', 'r', 'o']) {
      await key(page, name).click();
    }
    await key(page, '{bksp}').click();
    await expect(field(page)).toHaveValue('Grazie è ver');
    await expect(station(page).locator('.counter')).toHaveText('12/280');
    await send(page);
    await expect(station(page).locator('main[data-view="thanks"]')).toHaveAttribute('data-saved', 'yes');
    await expect(station(page).locator('.thanks')).toContainText('è stato salvato');
    await expect.poll(() => speaking(page)).toBe('shell.reflection.thanks');
    await expect(station(page).locator('.helpline')).toHaveCount(0);
    await followsTheRules(page, station(page), 'reflection thanks');
    expect(await stored(page)).toEqual([
      expect.objectContaining({
        text: 'Grazie è ver',
        pictograms: [],
        status: 'pending',
        disclosure: false,
        language: 'it',
      }),
    ]);
    // A touch on the thanks (after a moment) ends the visit.
    await page.waitForTimeout(1600);
    await page.mouse.click(640, 120);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
  });

  test('answers without writing: a feeling speaks its word first, is picked on the second touch', async ({
    page,
  }) => {
    await open(page);
    const hopeful = station(page).locator('button.feeling[data-feeling="hopeful"]');
    await hopeful.click();
    await expect.poll(() => speaking(page)).toBe('shell.reflection.feeling.hopeful');
    await expect(hopeful).toHaveAttribute('aria-pressed', 'false');
    await hopeful.click();
    await expect(hopeful).toHaveAttribute('aria-pressed', 'true');
    const grateful = station(page).locator('button.feeling[data-feeling="grateful"]');
    await grateful.click();
    await grateful.click();
    await expect(grateful).toHaveAttribute('aria-pressed', 'true');
    await send(page);
    expect(await stored(page)).toEqual([
      expect.objectContaining({ text: '', pictograms: ['hopeful', 'grateful'], status: 'pending' }),
    ]);
  });

  test('sending nothing only says what to do', async ({ page }) => {
    await open(page);
    await station(page).locator('pc-big-button[name="send"]').click();
    await expect.poll(() => speaking(page)).toBe('shell.reflection.empty');
    await station(page).locator('pc-big-button[name="send"]').click();
    await expect(station(page).locator('main[data-view="compose"]')).toBeVisible();
    expect(await stored(page)).toEqual([]);
  });

  test('holds 280 characters at most, with a live counter, from either keyboard', async ({ page }) => {
    await open(page);
    await field(page).fill('a'.repeat(300));
    await expect(field(page)).toHaveValue('a'.repeat(280));
    await expect(station(page).locator('.counter')).toHaveText('280/280');
    await expect(station(page).locator('.counter')).toHaveAttribute('data-full', '');
    await key(page, 'b').click();
    await expect.poll(() => speaking(page)).toBe('shell.reflection.limit');
    await expect(field(page)).toHaveValue('a'.repeat(280));
    await key(page, '{bksp}').click();
    await expect(station(page).locator('.counter')).toHaveText('279/280');
    await field(page).press('End');
    await page.keyboard.type('xyz');
    await expect(field(page)).toHaveValue(`${'a'.repeat(279)}x`);
  });

  test('switches the keyboard to other scripts', async ({ page }) => {
    await open(page);
    const keyboard = station(page).locator('.keyboard');
    await expect(keyboard).toHaveAttribute('data-layout', 'latin');
    await station(page).locator('pc-big-button[name="layout"]').click();
    await expect(keyboard).toHaveAttribute('data-layout', 'arabic');
    await expect(keyboard).toHaveAttribute('dir', 'rtl');
    await key(page, 'ش').click();
    await key(page, 'ك').click();
    await key(page, 'ر').click();
    await key(page, 'ا').click();
    await expect(field(page)).toHaveValue('شكرا');
  });

  test('a possible disclosure goes to the private queue and the helpline is offered, gently', async ({
    page,
  }) => {
    await open(page);
    await field(page).fill('Il mio capo mi ha preso il passaporto e non posso andare via');
    await send(page);
    const thanks = station(page).locator('main[data-view="thanks"]');
    await expect(thanks).toHaveAttribute('data-disclosure', 'yes');
    await expect(station(page).locator('.thanks')).toContainText('non comparirà sulla parete');
    const helpline = station(page).locator('.helpline');
    await expect(helpline).toContainText('numero verde');
    await expect(helpline.locator('bdi.number')).toHaveText('800 290 290');
    await expect(helpline.locator('bdi.number')).toHaveAttribute('dir', 'ltr');
    await expect.poll(() => speaking(page), { timeout: 20_000 }).toBe('shell.reflection.helpline');
    await followsTheRules(page, station(page), 'reflection thanks with helpline');
    expect(await stored(page)).toEqual([expect.objectContaining({ status: 'private', disclosure: true })]);
  });

  test('when storage fails the visitor is still thanked, without being told it was saved', async ({
    page,
  }) => {
    await open(page);
    await page.evaluate(() => {
      const app = document.querySelector('percorso-app') as unknown as {
        services: { records: () => Promise<unknown> };
      };
      app.services.records = () => Promise.reject(new Error('test: storage is broken'));
    });
    await field(page).fill('Che il cambiamento inizi da qui');
    await send(page);
    await expect(station(page).locator('main[data-view="thanks"]')).toHaveAttribute('data-saved', 'no');
    await expect(station(page).locator('.thanks')).toHaveText('Grazie per il tuo pensiero.');
    await station(page).locator('pc-big-button[name="done"]').click();
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
  });

  test(`keeps every payload of the XSS corpus inert and stores it as typed (${PAYLOADS.length})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
    await open(page);
    const baseline = await elementCount(page);
    // Typed into the field: nothing is parsed, nothing runs, no element appears.
    for (const payload of PAYLOADS) {
      await field(page).fill(payload);
      await expect(field(page)).toHaveValue(payload);
      expect(await elementCount(page), payload).toBe(baseline);
    }
    await page.waitForTimeout(300); // give an injected handler (onerror, onload) its chance
    expect(await xssFlag(page)).toBeUndefined();

    // Sent: each one is stored exactly as typed.
    for (const [index, payload] of PAYLOADS.entries()) {
      if (index > 0) {
        await station(page).locator('pc-big-button[name="done"]').click();
        await startVisit(page, 'reflection');
      }
      await field(page).fill(payload);
      await send(page);
    }
    expect(await xssFlag(page)).toBeUndefined();
    expect((await stored(page)).map((r) => r.text)).toEqual(PAYLOADS);
  });
});

test.describe('wall', () => {
  const wall = (page: Page) => page.locator('percorso-wall');

  /**
   * From another page of the same browser (as the staff panel would): writes approved
   * reflections straight into IndexedDB, then announces each on the records channel.
   */
  async function approveElsewhere(other: Page, texts: string[], from: number): Promise<string[]> {
    return other.evaluate(
      async ({ texts, from }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('percorso-records');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const ids = texts.map((_, i) => `0190f000-0000-7000-8000-${String(from + i).padStart(12, '0')}`);
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('reflections', 'readwrite');
          texts.forEach((text, i) => {
            tx.objectStore('reflections').put({
              id: ids[i],
              device: 'e2e-other-page',
              seq: 100_000 + from + i,
              event: null,
              station: 'workers-reflection',
              at: new Date(Date.UTC(2025, 2, 1, 10, 0, from + i)).toISOString(),
              mono: 0,
              boot: 'e2e-other-page',
              synced: 0,
              v: 1,
              language: 'it',
              text,
              pictograms: i % 7 === 0 ? ['hopeful'] : [],
              status: 'approved',
              flags: [],
              disclosure: false,
              moderatedAt: new Date().toISOString(),
            });
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        const channel = new BroadcastChannel('percorso-records');
        for (const id of ids) channel.postMessage({ type: 'reflection-moderated', id, status: 'approved' });
        channel.close();
        return ids;
      },
      { texts, from },
    );
  }

  async function openWall(page: Page): Promise<void> {
    // These tests are about this device's own reflections: the register's feed (other kiosks',
    // left by other specs in the shared e2e register) answers empty here; sync.spec covers it.
    await page.route('**/api/v1/walls/reflections', (route) => route.fulfill({ json: { reflections: [] } }));
    await page.goto('/?kiosk=workers-wall');
    // A wall starts by itself: nobody touches a projector.
    await page.locator('percorso-app[data-screen="wall"]').waitFor();
    await expect(wall(page).locator('main[data-view="wall"]')).toBeVisible();
  }

  test('stays on its screen all day: no attract loop, no "still there?", no reset', async ({ page }) => {
    await page.clock.install();
    await openWall(page);
    await page.clock.runFor(30 * 60_000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'wall');
    await expect(page.locator('percorso-app')).not.toHaveAttribute('data-idle', 'warning');
  });

  test('shows an approval made on another page live, as text, and drops it when hidden', async ({
    page,
    context,
  }) => {
    await openWall(page);
    await expect(wall(page).locator('.empty')).toContainText('compariranno');
    await expect.poll(() => speaking(page)).toBe('shell.wall.title');
    const other = await context.newPage();
    await other.goto('/?kiosk=workers-reflection');
    await expect(other.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    const [id] = await approveElsewhere(other, ['Che il cambiamento inizi da qui'], 0);
    const card = wall(page).locator(`.card[data-id="${id}"]`);
    await expect(card.locator('.text')).toHaveText('Che il cambiamento inizi da qui');
    await expect(card.locator('.feelings li')).toHaveText(['Speranza']);

    // Staff hide it: the wall lets it go at once.
    await other.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('percorso-records');
        request.onsuccess = () => resolve(request.result);
      });
      const tx = db.transaction('reflections', 'readwrite');
      const store = tx.objectStore('reflections');
      const get = store.get(id as string);
      get.onsuccess = () => store.put({ ...get.result, status: 'hidden' });
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
      const channel = new BroadcastChannel('percorso-records');
      channel.postMessage({ type: 'reflection-moderated', id, status: 'hidden' });
      channel.close();
    }, id);
    await expect(card).toHaveCount(0);
    await expect(wall(page).locator('.empty')).toBeVisible();
  });

  test('keeps its DOM the same size through a day of approvals (newest 30 shown)', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await openWall(page);
    const other = await context.newPage();
    await other.goto('/?kiosk=workers-reflection');
    await expect(other.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const approve = async (from: number, count: number) => {
      for (let n = from; n < from + count; n++) {
        const [id] = await approveElsewhere(other, [`Pensiero ${n}`], 1000 + n);
        await expect(wall(page).locator(`.card[data-id="${id}"][data-new]`)).toBeAttached();
      }
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
    };
    // Full first (30 cards), then 40 more, one at a time: the same number of nodes, not one more
    // (lit's repeat() left a marker comment behind for every card it dropped).
    const full = await approve(0, 35);
    await expect(wall(page).locator('.card')).toHaveCount(30);
    expect(await approve(35, 40)).toBe(full);
    await expect(wall(page).locator('.card')).toHaveCount(30);
  });

  test('keeps every payload of the XSS corpus inert, shown exactly as written', async ({ page, context }) => {
    test.setTimeout(120_000);
    await openWall(page);
    const other = await context.newPage();
    await other.goto('/?kiosk=workers-reflection');
    await expect(other.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    // The wall keeps 30 at most: the corpus goes up in batches, each replacing the last.
    for (let from = 0; from < PAYLOADS.length; from += 30) {
      const batch = PAYLOADS.slice(from, from + 30);
      const ids = await approveElsewhere(other, batch, from);
      await expect
        .poll(() =>
          wall(page).evaluate(
            (el, ids) => ids.every((id) => el.shadowRoot?.querySelector(`.card[data-id="${id}"]`)),
            ids,
          ),
        )
        .toBe(true);
      const shown = await wall(page).evaluate(
        (el, ids) =>
          ids.map((id) => el.shadowRoot?.querySelector(`.card[data-id="${id}"] .text`)?.textContent ?? null),
        ids,
      );
      expect(shown).toEqual(batch);
      // Only the wall's own elements: no markup from visitor text became an element.
      const tags = await wall(page).evaluate((el) => [
        ...new Set([...(el.shadowRoot?.querySelectorAll('.cards *') ?? [])].map((e) => e.localName)),
      ]);
      for (const tag of tags) expect(['li', 'p', 'ul', 'span', 'svg', 'path', 'circle']).toContain(tag);
    }
    await page.waitForTimeout(300);
    expect(await xssFlag(page)).toBeUndefined();
    expect(await xssFlag(other)).toBeUndefined();
  });
});
