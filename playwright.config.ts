// End-to-end tests against the built app, in Debian's Chromium (browser downloads do not work
// on these machines), one worker, served by the same server `npm start` uses.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT, E2E_URL } from './tests/e2e/chromium.ts';

process.env.TZ = 'Europe/Rome';
// E2E_DIST (with E2E_PORT) lets a second run build and serve apart from the default one.
const dist = process.env.E2E_DIST;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: dist ? `${dist}-artifacts` : 'test-results/e2e-artifacts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // CI's 2-core runner takes about twice as long as a development machine (the staff panel's
  // counting test: 14.8 s here, 34 s there), so a test gets 60 s; expectations keep their 5 s.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // One reference per screenshot, whatever the platform: CI and kiosks run the same Chromium.
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  reporter: process.env.CI_JSON ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
  use: {
    baseURL: E2E_URL,
    timezoneId: 'Europe/Rome',
    locale: 'it-IT',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: dist
      ? `npx vite build --logLevel warn --outDir ${dist} --emptyOutDir && npx tsx src/server/main.ts`
      : 'npx vite build --logLevel warn && npx tsx src/server/main.ts',
    url: `${E2E_URL}/`,
    // The embedded register keeps its SQLite file with the test results, never in data/.
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: dist ? `${dist}-register` : 'test-results/register',
      // Always the embedded SQLite, even where DATABASE_URL is set for the register's unit tests.
      DATABASE_URL: '',
      ...(dist ? { DIST_DIR: dist } : {}),
    },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
