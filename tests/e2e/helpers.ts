// Shared helpers for end-to-end tests: read the shell's state attributes and reach into its
// shadow roots the way a watchdog would.
import type { Page } from '@playwright/test';

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
