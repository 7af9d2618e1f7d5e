// The update policy, apart from workbox-window so the shell can apply it without loading the
// service worker client on its critical path: a new version downloads in the background and
// waits; it is applied (skipWaiting, then one reload) only while the station shows its attract
// loop, never mid-visit (field notes: unexpected reloads wipe what a visitor typed).

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
