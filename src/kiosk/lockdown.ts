// Kiosk lockdown in the page: no context menu or long-press menu, no selection outside text
// fields, no pinch or double-tap zoom, no dragging or dropping files, no printing, no leaving the
// app by link, window.open, history or shortcut (tests/e2e/escape.spec.ts tries each for real). Chromium's --kiosk flags do the rest (issue: unattended operation).

import { isBlockedShortcut } from './shortcuts.ts';

function isTextField(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  if (!el) return false;
  const field = el.closest('input, textarea, [contenteditable=""], [contenteditable="true"]');
  return field !== null;
}

/** The deepest element an event came from, through shadow roots. */
function origin(event: Event): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
}

export function installLockdown(win: Window): () => void {
  const doc = win.document;
  const controller = new AbortController();
  const opts = { capture: true, signal: controller.signal };
  const active = { ...opts, passive: false };
  const block = (event: Event) => event.preventDefault();

  doc.documentElement.classList.add('kiosk-locked');
  win.addEventListener('contextmenu', block, opts);
  win.addEventListener('dragstart', block, opts);
  // A file dragged onto the window would replace the app with it: nothing is a drop target.
  win.addEventListener('dragover', block, active);
  win.addEventListener('drop', block, active);
  win.addEventListener('selectstart', (e) => !isTextField(origin(e)) && e.preventDefault(), opts);
  win.addEventListener('gesturestart', block, active); // Safari-style pinch events
  win.addEventListener('touchstart', (e) => e.touches.length > 1 && e.preventDefault(), active);
  win.addEventListener('touchmove', (e) => e.touches.length > 1 && e.preventDefault(), active);
  win.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), active); // trackpad pinch, ctrl+wheel
  win.addEventListener(
    'keydown',
    (e) => {
      if (isBlockedShortcut(e, isTextField(origin(e)))) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    active,
  );
  win.addEventListener(
    'click',
    (e) => {
      const link = origin(e) instanceof Element ? (origin(e) as Element).closest('a[href]') : null;
      if (
        link &&
        (link.getAttribute('target') ||
          new URL(link.getAttribute('href') ?? '', win.location.href).origin !== win.location.origin)
      ) {
        e.preventDefault();
      }
    },
    opts,
  );
  win.addEventListener('auxclick', block, opts); // middle click opens tabs
  win.addEventListener('popstate', () => win.history.pushState(null, '', win.location.href), opts);
  win.history.pushState(null, '', win.location.href);

  const originalOpen = win.open;
  const originalPrint = win.print;
  win.open = () => null;
  // Under --kiosk-printing a print would go straight to a printer; nothing here prints.
  win.print = () => {};

  return () => {
    controller.abort();
    win.open = originalOpen;
    win.print = originalPrint;
    doc.documentElement.classList.remove('kiosk-locked');
  };
}
