// Service worker registration and updates through workbox-window; when an update may be applied
// is decided by update-policy.ts. Loaded after the attract loop is on screen.

import { Workbox } from 'workbox-window';
import type { UpdateManager } from './update-policy.ts';

export function registerServiceWorker(url: string, onWaiting: () => void): UpdateManager | undefined {
  if (!('serviceWorker' in navigator)) return undefined;
  const wb = new Workbox(url);
  let waiting = false;
  let reloading = false;
  wb.addEventListener('waiting', () => {
    waiting = true;
    onWaiting();
  });
  wb.addEventListener('controlling', (event) => {
    // Only an update we asked for reloads the page; the first install just takes control.
    if (event.isUpdate && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });
  void wb.register();
  // Look for a new version every 30 minutes; stations run for whole days.
  setInterval(() => void wb.update(), 30 * 60_000);
  return {
    get waiting() {
      return waiting;
    },
    applyIfWaiting() {
      if (waiting) wb.messageSkipWaiting();
    },
  };
}
