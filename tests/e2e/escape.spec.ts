// Escape attempts, for real: what a curious visitor (or a bored class) tries to get out of the
// app — long press, right click, pinch, ctrl+wheel, the browser's shortcuts, dragging, selecting
// text, window.open, links, dropping a file, printing. Each is done with real input (Playwright's
// mouse and keyboard, CDP touch, pinch and drag events), then the visitor must still be in the
// app, on the same screen, at scale 1, with one page, no dialog, no download, no file chooser;
// and every input the page received was refused by the page itself (not just ignored by headless
// Chromium), so the same holds under a real --kiosk window.
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { startVisit } from './helpers.ts';

interface Seen {
  type: string;
  key?: string;
  prevented: boolean;
}

/** Records every event of these types the page receives, after the lockdown had its say. */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { __seen: Seen[] }).__seen = seen;
    for (const type of ['contextmenu', 'keydown', 'dragstart', 'dragover', 'drop', 'selectstart', 'wheel']) {
      window.addEventListener(
        type,
        (event) => {
          seen.push({
            type,
            ...(event instanceof KeyboardEvent
              ? { key: `${event.ctrlKey ? 'Ctrl+' : ''}${event.altKey ? 'Alt+' : ''}${event.key}` }
              : {}),
            prevented: event.defaultPrevented,
          });
        },
        // Capture, registered after the lockdown: it runs even when the lockdown stops propagation.
        { capture: true },
      );
    }
  });
}

const takeSeen = (page: Page) =>
  page.evaluate(() => {
    const box = window as unknown as { __seen: Seen[] };
    return box.__seen.splice(0);
  });

interface Attempt {
  name: string;
  /** Event types the attempt must have delivered to the page, each refused. */
  refused: string[];
  /** An editing key: allowed while the visitor is typing in a text field (the reflection). */
  editing?: boolean;
  run(page: Page, cdp: CDPSession): Promise<void>;
}

const centre = { x: 640, y: 360 };

const SHORTCUTS = [
  'Control+w',
  'Control+t',
  'Control+n',
  'Control+Shift+n',
  'Control+l',
  'Control+r',
  'F5',
  'Control+p',
  'Control+s',
  'Control+o',
  'Control+u',
  'Control+Shift+i',
  'F12',
  'F11',
  'Control+Equal',
  'Control+Minus',
  'Alt+ArrowLeft',
  'Alt+Home',
  'Alt+F4',
  'Backspace',
  'Control+a',
];

const ATTEMPTS: Attempt[] = [
  {
    name: 'long press',
    // Headless Chromium opens no long-press menu (the right click below checks the menu); what a
    // long press does here is select a word, which the in-app check catches.
    refused: [],
    async run(_page, cdp) {
      await cdp.send('Input.synthesizeTapGesture', {
        ...centre,
        duration: 1500,
        tapCount: 1,
        gestureSourceType: 'touch',
      });
    },
  },
  {
    name: 'right click',
    refused: ['contextmenu'],
    run: (page) => page.mouse.click(centre.x, centre.y, { button: 'right' }),
  },
  {
    name: 'pinch',
    refused: [],
    async run(_page, cdp) {
      await cdp.send('Input.synthesizePinchGesture', {
        ...centre,
        scaleFactor: 3,
        gestureSourceType: 'touch',
      });
    },
  },
  {
    name: 'ctrl + wheel',
    refused: ['wheel'],
    async run(page) {
      await page.mouse.move(centre.x, centre.y);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -400);
      await page.keyboard.up('Control');
    },
  },
  ...SHORTCUTS.map(
    (keys): Attempt => ({
      name: `keys ${keys}`,
      refused: ['keydown'],
      editing: keys === 'Backspace',
      run: (page) => page.keyboard.press(keys),
    }),
  ),
  {
    name: 'drag across the screen',
    refused: [],
    async run(page) {
      await page.mouse.move(300, 300);
      await page.mouse.down();
      await page.mouse.move(900, 500, { steps: 12 });
      await page.mouse.up();
    },
  },
  {
    name: 'select text with a triple click',
    refused: [],
    run: (page) => page.mouse.click(centre.x, centre.y, { clickCount: 3 }),
  },
  {
    name: 'window.open',
    refused: [],
    async run(page) {
      await page.evaluate(() => {
        window.open('https://example.org/');
        window.open('/elsewhere', '_blank');
      });
    },
  },
  {
    name: 'links out of the app',
    refused: [],
    async run(page) {
      // Content never links out, but a link that slipped in (a reflection, a config) must not work.
      await page.evaluate(() => {
        for (const [i, [href, target]] of [
          ['https://example.org/', ''],
          ['/?kiosk=elsewhere', '_blank'],
        ].entries()) {
          const a = document.createElement('a');
          a.href = href as string;
          if (target) a.target = target;
          a.textContent = 'link';
          a.className = 'escape-link';
          a.style.cssText = `position:fixed;top:${200 + i * 120}px;left:20px;z-index:99999;font-size:40px;background:#fff`;
          document.body.append(a);
        }
      });
      for (const link of await page.locator('.escape-link').all()) {
        await link.click({ timeout: 5000 });
        await link.click({ button: 'middle', timeout: 5000 });
      }
      await page.evaluate(() => {
        for (const a of document.querySelectorAll('.escape-link')) a.remove();
      });
    },
  },
  {
    name: 'drop a file on the window',
    refused: ['drop'],
    async run(_page, cdp) {
      const data = { items: [], files: ['/etc/hostname'], dragOperationsMask: 1 };
      for (const type of ['dragEnter', 'dragOver', 'drop'] as const)
        await cdp.send('Input.dispatchDragEvent', { type, ...centre, data });
    },
  },
  {
    name: 'print',
    refused: ['keydown'],
    async run(page) {
      await page.evaluate(() => window.print());
      await page.keyboard.press('Control+p');
    },
  },
];

/** Whatever was tried, the visitor is still in the app, on the same screen, as it was. */
async function stillInTheApp(page: Page, url: string, screen: string, where: string): Promise<void> {
  expect(page.context().pages(), `${where}: one page`).toHaveLength(1);
  expect(page.url(), `${where}: same address`).toBe(url);
  await expect(page.locator('percorso-app'), `${where}: same screen`).toHaveAttribute('data-screen', screen);
  const view = await page.evaluate(() => ({
    scale: window.visualViewport?.scale ?? 1,
    selected: document.getSelection()?.toString() ?? '',
    fileInputs: (() => {
      let count = 0;
      const walk = (root: Document | ShadowRoot) => {
        count += root.querySelectorAll('input[type="file"]').length;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return count;
    })(),
  }));
  expect(view, where).toEqual({ scale: 1, selected: '', fileInputs: 0 });
}

for (const [kiosk, screen] of [
  ['workers-journey', 'journey'],
  ['infopoint', 'infopoint'],
  ['workers-reflection', 'reflection'],
] as const) {
  test(`escape attempts leave the visitor in the app: ${screen}`, async ({ page }) => {
    test.setTimeout(180_000);
    const incidents: string[] = [];
    page.on('dialog', (dialog) => {
      incidents.push(`dialog: ${dialog.type()}`);
      void dialog.dismiss();
    });
    page.on('download', () => incidents.push('download'));
    page.on('filechooser', () => incidents.push('file chooser'));
    page.context().on('page', (opened) => incidents.push(`new page: ${opened.url()}`));
    await page.goto(`/?kiosk=${kiosk}`);
    await startVisit(page, screen);
    const url = page.url();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await recordEvents(page);
    for (const attempt of ATTEMPTS) {
      const typing = await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement;
      });
      await attempt.run(page, cdp);
      await page.waitForTimeout(150);
      await stillInTheApp(page, url, screen, attempt.name);
      const seen = await takeSeen(page);
      for (const type of attempt.editing && typing ? [] : attempt.refused) {
        // A modifier pressed on its own does nothing: the key it goes with is what must be refused.
        const ofType = seen.filter((s) => s.type === type && !/(Control|Shift|Alt|Meta)$/.test(s.key ?? ''));
        expect(ofType.length, `${attempt.name}: the page received the ${type}`).toBeGreaterThan(0);
        expect(
          ofType.filter((s) => !s.prevented),
          `${attempt.name}: every ${type} was refused`,
        ).toEqual([]);
      }
      // Nothing slipped through as a selection, drag or drop the page let happen.
      expect(
        seen.filter(
          (s) => ['selectstart', 'dragstart', 'drop', 'contextmenu'].includes(s.type) && !s.prevented,
        ),
        `${attempt.name}: nothing selected, dragged, dropped or opened a menu`,
      ).toEqual([]);
    }
    expect(incidents).toEqual([]);
  });
}
