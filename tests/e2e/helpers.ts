// Shared helpers for end-to-end tests: read the shell's state attributes and reach into its
// shadow roots the way a watchdog would.
import { expect, type Page } from '@playwright/test';

export const screenOf = (page: Page) =>
  page.evaluate(() => document.body.firstElementChild?.getAttribute('data-screen') ?? null);

export const idleOf = (page: Page) =>
  page.evaluate(() => document.querySelector('percorso-app')?.getAttribute('data-idle') ?? null);

/** Text of the shell, including its shadow DOM and the role's. */
export const shellText = (page: Page) =>
  page.evaluate(() => {
    const collect = (root: Node): string =>
      [...root.childNodes]
        .map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : collect((n as Element).shadowRoot ?? n)))
        .join(' ');
    return collect(document.body).replace(/\s+/g, ' ');
  });

/** Touches the attract loop to start a visit and waits for the role's screen. */
export async function startVisit(page: Page, expectedScreen = 'journey'): Promise<void> {
  // A visitor touches anywhere; the pulsing invitation is never "stable" for locator clicks.
  await page.locator('percorso-app[data-screen="attract"]').waitFor();
  await page.mouse.click(640, 200);
  await page.locator(`percorso-app[data-screen="${expectedScreen}"]`).waitFor();
}

/**
 * Opens the staff panel the way staff do: two fingers held on the two top corners for 3 s
 * (real touch events through CDP), then waits for the PIN pad.
 */
export async function holdCorners(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const width = await page.evaluate(() => window.innerWidth);
  const points = [
    { x: 20, y: 20, id: 1 },
    { x: width - 20, y: 24, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points });
  await page.waitForTimeout(3300);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.locator('percorso-staff [data-staff]').waitFor();
}

/** Types a PIN on the staff panel's pad and presses OK. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator(`percorso-staff [data-digit="${digit}"]`).click();
  await page.locator('percorso-staff .ok').click();
}

/** The demo PIN of the example kiosk configs (README). */
export const DEMO_PIN = '2468';

/**
 * Waits for the journey's 3D stage to have drawn its scene (`expected`, else any), running
 * Playwright's installed clock meanwhile: it also drives requestAnimationFrame, so no frame is
 * drawn while it stands still. Returns the scene drawn.
 */
export async function waitForStageReady(page: Page, expected?: string): Promise<string> {
  let ready: string | null = null;
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      ready = await page.locator('percorso-journey').getAttribute('data-stage-ready');
      return expected === undefined ? Boolean(ready) : ready === expected;
    })
    .toBe(true);
  return ready ?? '';
}
