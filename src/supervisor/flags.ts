// How the supervisor starts Chromium for a station: the command-line flags (pure, tested) and
// the station's address. Every flag is here for something a kiosk has hit in the field
// (FIELD-NOTES: autoplay, "Restore pages?", pinch zoom, swipe-back, update nags).

import { KIOSK_NAME_PATTERN } from '../contracts/kiosk-name.ts';

export interface ChromiumFlagOptions {
  /** The persistent profile: IndexedDB records and the service worker's caches live here. */
  profileDir: string;
  /** Tests and CI: no window (`--headless=new`). */
  headless?: boolean;
  /** Only where Chromium runs as root (containers, CI), which its sandbox refuses. */
  noSandbox?: boolean;
  /** Appended last (e.g. `--enable-unsafe-swiftshader` in tests). */
  extra?: readonly string[];
}

/** The page Chromium opens first: the station is navigated to once the heartbeat binding exists. */
export const FIRST_PAGE = 'about:blank';

export function chromiumFlags(options: ChromiumFlagOptions): string[] {
  const flags = [
    '--kiosk',
    // Narration must play without a touch (FIELD-NOTES 2).
    '--autoplay-policy=no-user-gesture-required',
    // What a page cannot block by itself (decision 0004): pinch zoom and swipe-back navigation.
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    `--user-data-dir=${options.profileDir}`,
    // DevTools over fds 3 and 4: no TCP port that any local program or web page could reach.
    '--remote-debugging-pipe',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    // No "Restore pages?" after a power cut; the profile's exit marker is also cleared (profile.ts).
    '--disable-session-crashed-bubble',
    '--hide-crash-restore-bubble',
    '--noerrdialogs',
    '--disable-translate',
    // No keyring prompt on a desktop session nobody unlocks.
    '--password-store=basic',
    '--check-for-update-interval=31536000',
    // A blanked or covered screen must not throttle the page's timers: its heartbeat would stop
    // and the supervisor would reload it mid-visit.
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    // Wayland where the session is Wayland (Raspberry Pi OS), X11 otherwise.
    '--ozone-platform-hint=auto',
  ];
  if (options.headless) flags.push('--headless=new');
  if (options.noSandbox) flags.push('--no-sandbox');
  // Never --incognito: records and caches must survive a restart.
  flags.push(...(options.extra ?? []).filter((flag) => flag !== '--incognito'));
  return flags;
}

/**
 * The station's address: the base URL with `?kiosk=<name>`, the parameter the app reads first
 * (src/contracts/kiosk-name.ts, used by src/app/config-loader.ts). Other parameters are kept.
 */
export function stationUrl(base: string, station: string): string {
  if (!KIOSK_NAME_PATTERN.test(station)) {
    throw new Error(
      `"${station}" is not a kiosk config name: use the file name from kiosk-config/ without .json, e.g. workers-journey.`,
    );
  }
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`"${base}" is not a URL: give the server's address, e.g. http://127.0.0.1:8080/.`);
  }
  url.searchParams.set('kiosk', station);
  return url.href;
}
