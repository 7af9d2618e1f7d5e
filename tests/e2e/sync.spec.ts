// The kiosk syncs to the embedded events register (same origin, `npm start`): staff paste the
// kiosk's token in the staff panel, records reach the register once each, and a network that
// drops and returns while visitors keep coming loses nothing and doubles nothing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Records } from '../../src/records/records.ts';
import { DEMO_PIN, enterPin, holdCorners } from './helpers.ts';

test.use({ hasTouch: true });

const DATA_DIR = process.env.E2E_DIST ? `${process.env.E2E_DIST}-register` : 'test-results/register';
const run = promisify(execFile);

const staff = (page: Page) => page.locator('percorso-staff');

async function enrol(name: string): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'scripts/register-device.ts', '--name', name], {
    env: { ...process.env, DATA_DIR, DATABASE_URL: '' },
  });
  const token = /token: (\S+)/.exec(stdout)?.[1];
  if (!token) throw new Error(`no token in: ${stdout}`);
  return token;
}

/** How many of this device's records the register stores (read from its SQLite file). */
function storedInRegister(device: string): number {
  const db = new Database(`${DATA_DIR}/register.sqlite`, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select count(*) as n from records where device_id = ?').get(device) as { n: number })
      .n;
  } finally {
    db.close();
  }
}

const recordsOf = (page: Page) =>
  page.evaluateHandle(() =>
    (
      document.querySelector('percorso-app') as unknown as { services: { records: () => Promise<Records> } }
    ).services.records(),
  );

test('staff connect the kiosk to the register; records sync once each through a flapping network', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const token = await enrol(`e2e ${Date.now()}`);
  await page.goto('/');
  await holdCorners(page);
  await enterPin(page, DEMO_PIN);
  await expect(staff(page).locator('[data-staff="open"]')).toBeVisible({ timeout: 10_000 });

  await staff(page).locator('[data-tab="attendance"]').click();
  await staff(page).locator('input[name="group"]').fill('4A');
  await staff(page).locator('input[name="size"]').fill('23');
  await staff(page)
    .getByRole('button', { name: /Registra/ })
    .first()
    .click();
  await expect(staff(page).locator('.status')).toContainText('salvato', { ignoreCase: true });

  await staff(page).locator('[data-tab="health"]').click();
  await expect(staff(page).locator('[data-health="sync"]')).toContainText('manca il codice');
  await staff(page).locator('input[name="token"]').fill(token);
  await staff(page).getByRole('button', { name: 'Salva codice' }).click();
  await expect(staff(page).locator('[data-health="sync"]')).toContainText('tutto sincronizzato', {
    timeout: 20_000,
  });
  await expect(staff(page).locator('[data-health="last-sync"]')).not.toHaveText('mai');

  const records = await recordsOf(page);
  const device = await records.evaluate((r) => r.deviceId);
  expect(storedInRegister(device)).toBe(await records.evaluate((r) => r.countOf('attendance')));

  // Visitors keep coming while the network drops and returns.
  for (let round = 0; round < 4; round++) {
    await context.setOffline(round % 2 === 0);
    await records.evaluate(async (r) => {
      for (let i = 0; i < 15; i++) await r.addAttendance({ kind: 'tally', delta: 1, reason: '' });
    });
    await staff(page).locator('[data-sync="now"]').click();
    await page.waitForTimeout(300);
  }
  await context.setOffline(false);
  await staff(page).locator('[data-sync="now"]').click();
  await expect.poll(() => records.evaluate((r) => r.unsyncedCount()), { timeout: 30_000 }).toBe(0);
  const local = await records.evaluate((r) => r.countOf('attendance'));
  expect(local).toBeGreaterThanOrEqual(61);
  expect(storedInRegister(device)).toBe(local);
});

test('without a network, the staff panel exports a USB bundle with a checksum', async ({ page }) => {
  await page.goto('/');
  await holdCorners(page);
  await enterPin(page, DEMO_PIN);
  await expect(staff(page).locator('[data-staff="open"]')).toBeVisible({ timeout: 10_000 });
  const records = await recordsOf(page);
  await records.evaluate(async (r) => {
    for (let i = 0; i < 5; i++) await r.addAttendance({ kind: 'tally', delta: 1, reason: '' });
  });
  await staff(page).locator('[data-tab="export"]').click();
  const download = page.waitForEvent('download');
  await staff(page).locator('[data-export="bundle"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^percorso-sync_workers-01_\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(
    await (await import('node:fs/promises')).readFile((await file.path()) as string, 'utf8'),
  );
  const { verifyBundle } = await import('../../src/sync/bundle.ts');
  const checked = await verifyBundle(bundle);
  expect(checked.ok).toBe(true);
  expect(
    bundle.items.filter((i: { store: string }) => i.store === 'attendance').length,
  ).toBeGreaterThanOrEqual(5);
});

test('the wall shows reflections approved in the register, from other kiosks', async ({ page }) => {
  const token = await enrol(`wall ${Date.now()}`);
  const { createUuid7 } = await import('../../src/records/uuid.ts');
  const text = `Tutti colpevoli, nessuno innocente · ${Date.now()}`;
  const reflection = {
    id: createUuid7()(),
    device: `other-kiosk-${Date.now()}`,
    seq: 1,
    event: null,
    station: 'workers-reflection',
    at: new Date().toISOString(),
    mono: 1,
    boot: 'boot-other-kiosk',
    synced: 0,
    v: 1,
    language: 'it',
    text,
    pictograms: [],
    status: 'approved',
    flags: [],
    disclosure: false,
    moderatedAt: new Date().toISOString(),
  };
  const posted = await page.request.post('/api/v1/batches', {
    headers: { authorization: `Bearer ${token}` },
    data: { sentAt: new Date().toISOString(), records: [{ store: 'reflections', record: reflection }] },
  });
  expect((await posted.json()).results[0].status).toBe('inserted');
  await page.goto('/?kiosk=workers-wall');
  await expect(page.locator('percorso-wall .card .text', { hasText: text })).toBeVisible({ timeout: 15_000 });
});
