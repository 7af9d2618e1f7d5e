// What the kiosks table says about each kiosk, decided apart from drawing it: its state (in
// contact, silent, never connected, revoked, USB only) and the things staff should look at (a
// nearly full disk, a clock that is off, quarantined records).

import { CLOCK_TOLERANCE_MS, CLOCK_WARNING_MS, STORAGE_WARNING_RATIO } from './format.ts';
import type { Kiosk } from './wire.ts';

export type KioskState = 'ok' | 'silent' | 'never' | 'revoked' | 'usb';

export function kioskState(kiosk: Kiosk): KioskState {
  if (kiosk.revokedAt) return 'revoked';
  if (kiosk.offline) return 'usb';
  if (kiosk.silent) return kiosk.lastSeenAt ? 'silent' : 'never';
  return 'ok';
}

/** How the kiosk's clock compares with the register's when it last sent a batch. */
export function clockState(offsetMs: number | null): 'unknown' | 'on-time' | 'ahead' | 'behind' {
  if (offsetMs === null) return 'unknown';
  if (Math.abs(offsetMs) <= CLOCK_TOLERANCE_MS) return 'on-time';
  return offsetMs > 0 ? 'ahead' : 'behind';
}

export const clockIsOff = (offsetMs: number | null): boolean =>
  offsetMs !== null && Math.abs(offsetMs) > CLOCK_WARNING_MS;

export const storageIsHigh = (ratio: number | null): boolean =>
  ratio !== null && ratio >= STORAGE_WARNING_RATIO;
