// Which kiosk config a station loads: kiosk-config/<name>.json. No imports on purpose: the
// browser's very first module uses this to start fetching the config (src/app/prefetch-config.ts).

/** Names are file names without `.json`: lowercase letters, digits and dashes. */
export const KIOSK_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const DEFAULT_KIOSK = 'workers-journey';

/** `?kiosk=<name>` first, then the build default (VITE_KIOSK), then the "Workers" journey. */
export function kioskName(search: string, buildDefault: string | undefined): string {
  return new URLSearchParams(search).get('kiosk') ?? buildDefault ?? DEFAULT_KIOSK;
}

export function kioskConfigPath(name: string): string {
  return `kiosk-config/${name}.json`;
}
