import { expect, test } from '@playwright/test';
import { startVisit } from './helpers.ts';

test.describe('kiosk lockdown', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await startVisit(page);
  });

  test('blocks the context menu, including the long-press one', async ({ page }) => {
    const prevented = await page.evaluate(() => {
      const target = document.querySelector('percorso-app') as HTMLElement;
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(prevented).toBe(true);
  });

  test('blocks pinch zoom: the page scale stays 1', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await cdp.send('Input.synthesizePinchGesture', {
      x: 600,
      y: 400,
      scaleFactor: 2.5,
      gestureSourceType: 'touch',
    });
    expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);
    const ctrlWheelPrevented = await page.evaluate(() => {
      const event = new WheelEvent('wheel', { ctrlKey: true, deltaY: -100, bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(ctrlWheelPrevented).toBe(true);
  });

  test('blocks text selection, dragging, window.open and leaving shortcuts', async ({ page }) => {
    const result = await page.evaluate(() => {
      const fire = (event: Event) => {
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
      };
      return {
        select: fire(new Event('selectstart', { bubbles: true, cancelable: true })),
        drag: fire(new Event('dragstart', { bubbles: true, cancelable: true })),
        reload: fire(new KeyboardEvent('keydown', { key: 'F5', bubbles: true, cancelable: true })),
        zoom: fire(
          new KeyboardEvent('keydown', { key: '+', ctrlKey: true, bubbles: true, cancelable: true }),
        ),
        back: fire(
          new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, bubbles: true, cancelable: true }),
        ),
        popup: window.open('https://example.org/') === null,
        userSelect: getComputedStyle(document.body).userSelect,
      };
    });
    expect(result).toEqual({
      select: true,
      drag: true,
      reload: true,
      zoom: true,
      back: true,
      popup: true,
      userSelect: 'none',
    });
  });

  test('history navigation keeps the visitor in the app', async ({ page }) => {
    const url = page.url();
    await page.evaluate(() => history.back());
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await expect(page.locator('percorso-app')).toBeAttached();
  });
});
