// Service worker updates: a new version downloads in the background and waits; it is applied
// (skipWaiting, then one reload) only while the station shows its attract loop, never mid-visit
// (field notes: unexpected reloads wipe what a visitor typed).

import { Workbox } from 'workbox-window';

export interface UpdateManager {
  /** True once a new version has been downloaded and is waiting. */
  readonly waiting: boolean;
  /** Applies a waiting update; the page reloads when the new worker takes control. */
  applyIfWaiting(): void;
}

/** The attract loop, or the out-of-order screen: a new version may be the fix for a crash loop. */
export function shouldApplyUpdate(screen: string, waiting: boolean): boolean {
  return waiting && (screen === 'attract' || screen === 'out-of-order');
}

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
