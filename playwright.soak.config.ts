// `npm run soak`: the long reliability runs (tests/soak/), against the built app like the e2e
// suite, with their own output folders and port so they can run beside it. Figures go to
// tests/bench/results.json beside the benchmarks.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

const port = Number(process.env.SOAK_PORT ?? 4183);
const dist = process.env.SOAK_DIST ?? 'test-results/dist-soak';

export default defineConfig({
  ...base,
  testDir: 'tests/soak',
  outputDir: `${dist}-artifacts`,
  timeout: 60 * 60_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}`, actionTimeout: 15_000 },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${dist} --emptyOutDir && npx tsx src/server/main.ts`,
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), DATA_DIR: `${dist}-register`, DATABASE_URL: '', DIST_DIR: dist },
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
