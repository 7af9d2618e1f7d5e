// The staff panel: opened by the two-corner hold, PIN with a lockout that survives reloads,
// attendance saved for real (IndexedDB) and shown as saved only after the commit, totals,
// moderation with the private queue, health, and a full disk that never stops a visitor.
import { expect, type Page, test } from '@playwright/test';
import type { Records } from '../../src/records/records.ts';
import { DEMO_PIN, enterPin, holdCorners, startVisit } from './helpers.ts';

test.use({ hasTouch: true });

const staff = (page: Page) => page.locator('percorso-staff');
const status = (page: Page) => staff(page).locator('.status');

async function openPanel(page: Page): Promise<void> {
  await holdCorners(page);
  await enterPin(page, DEMO_PIN);
  await expect(staff(page).locator('[data-staff="open"]')).toBeVisible({ timeout: 10_000 });
}

/** The app's records service (the same one the UI uses), to act on it from the test. */
const recordsOf = (page: Page) =>
  page.evaluateHandle(() =>
    (
      document.querySelector('percorso-app') as unknown as { services: { records: () => Promise<Records> } }
    ).services.records(),
  );

test.describe('staff panel', () => {
  test('a single touch, one corner or a short hold does not open it', async ({ page }) => {
    await page.goto('/');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: 20, y: 20, id: 1 }],
    });
    await page.waitForTimeout(3500);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [
        { x: 20, y: 20, id: 1 },
        { x: 1260, y: 20, id: 2 },
      ],
    });
    await page.waitForTimeout(1500);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(2000);
    await expect(staff(page)).toHaveCount(0);
  });

  test('wrong PINs lock the pad, and a reload does not reset the lock', async ({ page }) => {
    await page.goto('/');
    await holdCorners(page);
    for (let i = 0; i < 4; i++) {
      await enterPin(page, '1111');
      await expect(staff(page).locator('.error')).toContainText(`Tentativi rimasti: ${4 - i}`);
    }
    await enterPin(page, '1111');
    await expect(staff(page).locator('.pin-display')).toContainText('Bloccato');
    await page.reload();
    await holdCorners(page);
    await expect(staff(page).locator('.pin-display')).toContainText(/Bloccato: riprova tra \d+ s/);
    await expect(staff(page).locator('[data-digit="2"]')).toBeDisabled();
  });

  test('counts people, says saved only after the commit, corrects, and keeps it all across a reload', async ({
    page,
  }) => {
    await page.goto('/');
    await openPanel(page);
    await staff(page).locator('[data-tab="event"]').click();
    await staff(page).locator('input[name="title"]').fill('Workers all’Istituto Golgi');
    await staff(page).locator('select[name="type"]').selectOption('installation-workers');
    await staff(page).locator('select[name="province"]').selectOption('BS');
    await staff(page).locator('input[name="municipality"]').fill('Breno');
    await staff(page).getByRole('button', { name: 'Crea e usa' }).click();
    await expect(staff(page).locator('[data-current-event]')).toContainText('Workers all’Istituto Golgi');

    await staff(page).locator('[data-tab="attendance"]').click();
    await staff(page).locator('input[name="group"]').fill('3B');
    await staff(page).locator('input[name="size"]').fill('24');
    await staff(page).getByRole('button', { name: 'Registra gruppo' }).click();
    await expect(status(page)).toHaveAttribute('data-state', 'saved');
    for (let i = 0; i < 3; i++) {
      await staff(page).locator('[data-tally="1"]').click();
      await expect(status(page)).toHaveAttribute('data-state', 'saved');
    }
    await expect(staff(page).locator('[data-people]')).toHaveText('27');
    // The group was 22, not 24: a correction record, the original stays.
    await staff(page)
      .locator('.recent li', { hasText: '3B' })
      .getByRole('button', { name: 'Correggi' })
      .click();
    await staff(page).locator('.correct input[name="value"]').fill('22');
    await staff(page).locator('.correct').getByRole('button', { name: 'Correggi' }).click();
    await expect(staff(page).locator('[data-people]')).toHaveText('25');

    const stored = await (await recordsOf(page)).evaluate(async (records) => {
      const all = await records.attendance();
      return { kinds: all.map((r) => r.kind), seqs: all.map((r) => r.seq), events: all.map((r) => r.event) };
    });
    expect(stored.kinds).toEqual(['check-in', 'tally', 'tally', 'tally', 'correction']);
    expect(stored.seqs).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(stored.events).size).toBe(1);

    await page.reload();
    await openPanel(page);
    await expect(staff(page).locator('[data-people]')).toHaveText('25');
    await staff(page).locator('[data-tab="totals"]').click();
    await expect(staff(page).locator('[data-total="people"]')).toHaveText('25');
  });

  test('counts the journeys visitors start, per station', async ({ page }) => {
    await page.goto('/');
    await startVisit(page);
    // The start is written in the background (the visitor never waits on it): reload once it is
    // on disk, so the panel after the reload counts what was stored.
    await expect
      .poll(async () =>
        (await recordsOf(page)).evaluate(async (records) => (await records.attendance()).map((r) => r.kind)),
      )
      .toEqual(['journey-start']);
    await page.reload();
    await openPanel(page);
    await staff(page).locator('[data-tab="totals"]').click();
    await expect(staff(page).locator('[data-total="started"]')).toHaveText('1');
    await expect(staff(page).locator('.totals tbody tr').first()).toContainText('workers-01');
  });

  test('moderation: approve and hide; a possible disclosure stays private, never approvable', async ({
    page,
  }) => {
    await page.goto('/');
    await (await recordsOf(page)).evaluate(async (records) => {
      const base = {
        language: 'it',
        pictograms: [],
        flags: [],
        disclosure: false,
        status: 'pending' as const,
      };
      await records.addReflection({ ...base, text: 'Che il cambiamento inizi da qui' });
      await records.addReflection({ ...base, text: 'Tutti colpevoli, nessuno innocente' });
      await records.addReflection({
        ...base,
        text: 'Il mio capo mi ha preso il passaporto',
        disclosure: true,
        status: 'private',
      });
    });
    await openPanel(page);
    await staff(page).locator('[data-tab="moderation"]').click();
    const pending = staff(page).locator('[data-queue="pending"] .reflection');
    await expect(pending).toHaveCount(2);
    await pending.filter({ hasText: 'cambiamento' }).locator('[data-action="approve"]').click();
    await expect(staff(page).locator('[data-queue="approved"] .reflection')).toContainText('cambiamento');
    await pending.filter({ hasText: 'colpevoli' }).locator('[data-action="hide"]').click();
    await expect(staff(page).locator('[data-queue="pending"] .reflection')).toHaveCount(0);
    await staff(page).locator('[data-tab="private"]').click();
    const privateItem = staff(page).locator('[data-queue="private"] .reflection');
    await expect(privateItem).toContainText('passaporto');
    await expect(privateItem.locator('[data-action]')).toHaveCount(0);
    const statuses = await (await recordsOf(page)).evaluate(async (records) =>
      (await records.reflections()).map((r) => r.status),
    );
    expect(statuses).toEqual(['approved', 'hidden', 'private']);
  });

  test('health shows storage, unsynced records, version, 3D tier and audio gaps', async ({ page }) => {
    await page.goto('/');
    await openPanel(page);
    await staff(page).locator('[data-tab="health"]').click();
    await expect(staff(page).locator('[data-health="storage"]')).toContainText('%');
    await expect(staff(page).locator('[data-health="unsynced"]')).toHaveText(/^\d+$/);
    await expect(staff(page).locator('[data-health="version"]')).toContainText('0.1.0');
    await expect(staff(page).locator('[data-health="tier"]')).not.toBeEmpty();
    await expect(staff(page).locator('[data-health="audio"]')).toContainText('clip mancanti');
    await expect(staff(page).locator('.supervisor-none')).toBeVisible();
    // The tier the stage chose, in words: here the one a station drawing on its CPU gets.
    await page.evaluate(() => {
      document.documentElement.dataset.stageTier = 'minimal';
    });
    await staff(page).locator('[data-tab="totals"]').click();
    await staff(page).locator('[data-tab="health"]').click();
    await expect(staff(page).locator('[data-health="tier"]')).toContainText('luce precalcolata');
  });

  test('health lists what the kiosk supervisor did, as the supervisor hands it to the page', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    // What `npm run kiosk` calls over the DevTools pipe after a heartbeat (src/kiosk/heartbeat.ts).
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (
              window as unknown as { percorsoSupervisorLog?: (entries: unknown) => boolean }
            ).percorsoSupervisorLog?.([
              { at: '2026-12-07T08:00:00.000Z', action: 'launch', reason: 'start' },
              {
                at: '2026-12-07T10:15:00.000Z',
                action: 'crash',
                reason: 'renderer killed',
                screen: 'journey',
              },
              { at: '2026-12-07T10:15:01.000Z', action: 'reload', reason: 'after a crash' },
              { at: 'not a date', action: 'reload', reason: 'malformed, dropped' },
            ]),
          ),
        // The heartbeat module loads after the first frame: slow on a busy machine.
        { timeout: 20_000 },
      )
      .toBe(true);
    await page.reload();
    await openPanel(page);
    await staff(page).locator('[data-tab="health"]').click();
    const items = staff(page).locator('ul.supervisor li');
    await expect(items).toHaveCount(3);
    await expect(items.first()).toHaveAttribute('data-action', 'reload');
    await expect(items.nth(1)).toContainText('la pagina si è bloccata (crash) · renderer killed');
  });

  test('teacher mode: the class is counted once, the station waits for the teacher and never resets by itself', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    await page.goto('/?kiosk=workers-journey');
    await openPanel(page);
    const form = staff(page).locator('form.teacher');
    await form.locator('input[name="class-group"]').fill('4A');
    await form.locator('input[name="class-size"]').fill('22');
    await form.getByRole('button', { name: 'Conta e guida la classe' }).click();
    const app = page.locator('percorso-app');
    await expect(app).toHaveAttribute('data-screen', 'journey');
    await expect(app).toHaveAttribute('data-teacher', '');
    await expect(staff(page)).toHaveCount(0);
    const journey = page.locator('percorso-journey');
    await expect(app.locator('.teacher-mark')).toContainText('4A · 22');
    // The content note first, as for any visitor; then a line is spoken and waits for the teacher.
    const cont = journey.locator('pc-big-button[name="continue:"]');
    await cont.click();
    await cont.click();
    const advance = journey.locator('pc-big-button[name="advance"]');
    await expect(advance).toBeVisible({ timeout: 30_000 });
    const line = await journey.locator('.caption').getAttribute('data-line');
    // Ten minutes of discussion: no failsafe moves on, no idle warning, no reset.
    await page.clock.fastForward(10 * 60_000);
    await page.clock.runFor(1000);
    await expect(app).toHaveAttribute('data-screen', 'journey');
    await expect(app).toHaveAttribute('data-idle', 'watching');
    await expect(journey.locator('.caption')).toHaveAttribute('data-line', line ?? '');
    // One touch moves the class on together.
    await advance.click();
    await expect(journey.locator('.caption')).not.toHaveAttribute('data-line', line ?? '');
    // Counted once: one check-in of 22, whatever the class does at the station.
    const counted = await (await recordsOf(page)).evaluate(async (records) =>
      (await records.attendance())
        .filter((r) => r.kind === 'check-in')
        .map((r) => (r.kind === 'check-in' ? `${r.group}:${r.size}` : '')),
    );
    expect(counted).toEqual(['4A:22']);
    // The quick exit ends teacher mode with the visit.
    await journey.locator('pc-big-button[name="exit"]').click();
    await expect(app).toHaveAttribute('data-screen', 'attract');
    await expect(app).not.toHaveAttribute('data-teacher', '');
  });

  test('locks itself after 2 minutes without a touch', async ({ page }) => {
    await page.clock.install();
    await page.goto('/');
    await openPanel(page);
    // The clock keeps flowing in real time too, and checking the PIN (600k PBKDF2 rounds) can
    // take over a second on a loaded machine: the 2 minutes count from the last touch, so the
    // checks leave room on both sides of it.
    await page.clock.runFor(110_000);
    await expect(staff(page)).toHaveCount(1);
    await page.clock.runFor(12_000);
    await expect(staff(page)).toHaveCount(0);
  });

  test('exports 3,000 records as CSV for Italian Excel and as XLSX, with progress', async ({ page }) => {
    await page.goto('/');
    // One record saved by the app, then 2,999 copies of it (new ids and sequence numbers) in one
    // transaction: 3,000 strict commits one by one take longer than this test is about.
    await (await recordsOf(page)).evaluate(async (records) => {
      const first = await records.addAttendance({ kind: 'tally', delta: 1, reason: '=1+1' });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(records.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('attendance', 'readwrite');
      for (let seq = 2; seq <= 3000; seq++)
        tx.objectStore('attendance').add({
          ...first,
          id: `${first.id.slice(0, 24)}${String(seq).padStart(12, '0')}`,
          seq,
        });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await openPanel(page);
    await staff(page).locator('[data-tab="export"]').click();
    for (const format of ['csv', 'xlsx'] as const) {
      const download = page.waitForEvent('download');
      await staff(page).locator(`[data-export="attendance-${format}"]`).click();
      const file = await (await download).createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of file) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      await expect(status(page)).toHaveAttribute('data-state', 'saved');
      if (format === 'csv') {
        const text = bytes.toString('utf8');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        expect(text.split('\r\n').filter(Boolean)).toHaveLength(3001);
        expect(text).toContain(";'=1+1;");
      } else {
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      }
    }
  });

  test('a full disk: the visitor goes on, staff see an alert, nothing is half-written', async ({ page }) => {
    await page.goto('/');
    await (await recordsOf(page)).evaluate((records) =>
      records.addAttendance({ kind: 'tally', delta: 1, reason: '' }),
    );
    // CDP's Storage.overrideQuotaForOrigin left the quota unchanged in Chromium 156 here
    // (navigator.storage.estimate() still said 10 GB), so the full disk is made at the
    // IndexedDB API: every insert fails the way Chromium fails it, with a QuotaExceededError.
    await page.evaluate(() => {
      const real = IDBObjectStore.prototype.add;
      (window as unknown as { restoreAdd: () => void }).restoreAdd = () => {
        IDBObjectStore.prototype.add = real;
      };
      IDBObjectStore.prototype.add = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await startVisit(page);
    await page.waitForTimeout(1000);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'journey');
    await expect(page.locator('percorso-app')).toHaveAttribute('data-alert', '');
    await openPanel(page);
    await staff(page).locator('[data-tab="attendance"]').click();
    await staff(page).locator('[data-tally="1"]').click();
    await expect(status(page)).toHaveAttribute('data-state', 'failed');
    await expect(status(page)).toContainText('storage is full');
    await staff(page).locator('[data-tab="health"]').click();
    await expect(staff(page).locator('[data-alert="storage-failed"]')).toContainText('Memoria piena');
    // Space again: the retry saves the same record once, and the sequence has no gap.
    await page.evaluate(() => (window as unknown as { restoreAdd: () => void }).restoreAdd());
    await staff(page).locator('[data-tab="attendance"]').click();
    await staff(page).locator('[data-tally="1"]').click();
    await expect(status(page)).toHaveAttribute('data-state', 'saved');
    const seqs = await (await recordsOf(page)).evaluate(async (records) =>
      (await records.attendance()).map((r) => r.seq),
    );
    expect(seqs).toEqual([1, 2]);
  });
});
