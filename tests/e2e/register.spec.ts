// `npm start` serves the kiosk app and the embedded events register on one origin: the app at
// `/`, the register's API at `/api/v1/` (SQLite by default).
import { expect, test } from '@playwright/test';

test('the app and the events register share one origin', async ({ page, request }) => {
  const health = await request.get('/api/v1/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, backend: 'sqlite' });
  const refused = await request.post('/api/v1/batches', {
    data: { sentAt: new Date().toISOString(), records: [] },
  });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toContain('missing token');
  await page.goto('/');
  await expect(page.locator('percorso-app[data-screen="attract"]')).toBeVisible();
});
