// The design rules every visitor-facing screen must pass (DESIGN.md, FIELD-NOTES): it speaks
// within 500 ms of appearing; every control has a picture and an accessible name; touch targets
// are at least 72 CSS px; a quick exit is there.

import { expect, type Locator, type Page } from '@playwright/test';

export const speaking = (page: Page) =>
  page.evaluate(
    () =>
      (
        document.querySelector('percorso-app') as unknown as {
          services: { speaker: { current: string | null } };
        }
      ).services.speaker.current,
  );

export async function followsTheRules(page: Page, screen: Locator, where: string): Promise<void> {
  await expect
    .poll(() => speaking(page), { timeout: 500, message: `${where}: speaks within 500 ms` })
    .not.toBeNull();
  const controls = screen.locator('pc-big-button:visible');
  expect(await controls.count(), where).toBeGreaterThan(0);
  for (const control of await controls.all()) {
    const button = control.locator('button');
    await expect(button.locator('svg'), `${where}: every control has a picture`).toHaveCount(1);
    expect(
      (await button.getAttribute('aria-label'))?.trim().length ?? 0,
      `${where}: and a name`,
    ).toBeGreaterThan(0);
    const box = await button.boundingBox();
    expect(
      Math.min(box?.width ?? 0, box?.height ?? 0),
      `${where}: touch target ≥ 72 px`,
    ).toBeGreaterThanOrEqual(72);
  }
  await expect(screen.locator('pc-big-button[name="exit"]:visible'), `${where}: quick exit`).toHaveCount(1);
}
