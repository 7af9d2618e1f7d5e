// What the kiosks table says about each kiosk, decided apart from drawing it: its state (in
// contact, silent, never connected, revoked, USB only) and the things staff should look at (a
// nearly full disk, a clock that is off, quarantined records).

import type { SupervisorAction, SupervisorEntry } from '../contracts/supervisor.ts';
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

/** The supervisor's actions that mean the station had to be brought back. */
export const RECOVERY_ACTIONS: readonly SupervisorAction[] = [
  'crash',
  'missed-heartbeats',
  'reload',
  'relaunch',
  'server-restart',
];
/** This many recoveries in a day is worth a look (a crash loop, failing hardware). */
export const RECOVERIES_WARNING = 3;

/**
 * What the kiosk's supervisor reported: how many times in the last 24 h it had to bring the
 * station back (a crash or a hang counts once with the reload that followed it), and its newest
 * action. Null where no supervisor has reported.
 */
export function supervisorSummary(
  entries: readonly SupervisorEntry[],
  now: Date,
): { recoveries: number; latest: SupervisorEntry; warn: boolean } | null {
  const latest = entries.at(-1);
  if (!latest) return null;
  const since = now.getTime() - 24 * 3_600_000;
  const recent = entries.filter((e) => Date.parse(e.at) >= since && RECOVERY_ACTIONS.includes(e.action));
  // A crash or a hang is followed by its own reload: one incident, not two.
  let recoveries = 0;
  for (const [i, entry] of recent.entries()) {
    const previous = recent[i - 1];
    if (
      entry.action === 'reload' &&
      (previous?.action === 'crash' || previous?.action === 'missed-heartbeats')
    )
      continue;
    recoveries++;
  }
  return { recoveries, latest, warn: recoveries >= RECOVERIES_WARNING };
}
