// Offline: the first load installs the service worker and precaches the station; then the
// server is stopped for real and a reload (and a fresh page) must still reach the attract loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

const PORT = 4185;
const URL_ROOT = `http://127.0.0.1:${PORT}`;

function startServer(): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(PORT) },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGKILL'); // the whole group: npx and its node child
}

test('after the first load the station starts, and speaks, with the server gone', async ({ page }) => {
  test.setTimeout(120_000);
  const server = await startServer();
  try {
    await page.goto(`${URL_ROOT}/?kiosk=workers-journey`);
    await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
        timeout: 30_000,
      })
      .toBe('activated');
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The station's own clips (shell + Workers, it and en) go into the audio cache after the first frame.
    await expect(page.locator('percorso-app')).toHaveAttribute('data-audio', 'cached', { timeout: 60_000 });
  } finally {
    stopServer(server);
  }
  await expect
    .poll(() =>
      fetch(`${URL_ROOT}/`).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');

  await page.reload();
  await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'attract');
  // The second boot finds every clip in the audio cache.
  await expect(page.locator('percorso-app')).toHaveAttribute('data-audio', 'cached', { timeout: 30_000 });
  await page.mouse.click(640, 200);
  await expect(page.locator('percorso-app')).toHaveAttribute('data-screen', 'journey');
  // Narration plays from the audio cache with the server gone.
  await expect(page.locator('percorso-journey .caption')).toHaveAttribute('data-speaking', '', {
    timeout: 10_000,
  });

  const other = await page.context().newPage();
  await other.goto(`${URL_ROOT}/?kiosk=infopoint`);
  await expect(other.locator('percorso-app')).toHaveAttribute('data-role', 'infopoint');
});
