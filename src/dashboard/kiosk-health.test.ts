// What the kiosks table flags.
import { describe, expect, it } from 'vitest';
import type { SupervisorEntry } from '../contracts/supervisor.ts';
import { clockIsOff, clockState, kioskState, storageIsHigh, supervisorSummary } from './kiosk-health.ts';
import type { Kiosk } from './wire.ts';

const kiosk: Kiosk = {
  id: 'k',
  name: 'Workers Pavia',
  createdAt: '2025-05-01T08:00:00Z',
  revokedAt: null,
  lastSeenAt: '2025-05-20T08:00:00Z',
  appVersion: '0.1.0',
  pending: 0,
  storageRatio: 0.1,
  clockOffsetMs: 0,
  records: 10,
  quarantined: 0,
  silent: false,
  offline: false,
  supervisor: [],
};

describe('kiosk health', () => {
  it('tells silent, never-connected, revoked and USB kiosks apart', () => {
    expect(kioskState(kiosk)).toBe('ok');
    expect(kioskState({ ...kiosk, silent: true })).toBe('silent');
    expect(kioskState({ ...kiosk, silent: true, lastSeenAt: null })).toBe('never');
    expect(kioskState({ ...kiosk, silent: true, revokedAt: '2025-05-21T00:00:00Z' })).toBe('revoked');
    expect(kioskState({ ...kiosk, offline: true })).toBe('usb');
  });

  it('reads the clock offset with a tolerance, and flags a clock minutes off', () => {
    expect(clockState(null)).toBe('unknown');
    expect(clockState(-4_000)).toBe('on-time');
    expect(clockState(90_000)).toBe('ahead');
    expect(clockState(-90_000)).toBe('behind');
    expect(clockIsOff(90_000)).toBe(false);
    expect(clockIsOff(-180_000)).toBe(true);
    expect(clockIsOff(null)).toBe(false);
  });

  it('flags storage from 80%', () => {
    expect(storageIsHigh(0.79)).toBe(false);
    expect(storageIsHigh(0.8)).toBe(true);
    expect(storageIsHigh(null)).toBe(false);
  });
});

describe('supervisorSummary', () => {
  const at = (hoursAgo: number) => new Date(Date.UTC(2026, 11, 7, 12) - hoursAgo * 3_600_000).toISOString();
  const now = new Date(Date.UTC(2026, 11, 7, 12));
  const entry = (action: SupervisorEntry['action'], hoursAgo: number): SupervisorEntry => ({
    at: at(hoursAgo),
    action,
    reason: action,
  });

  it('is null where no supervisor reported', () => {
    expect(supervisorSummary([], now)).toBeNull();
  });

  it('counts the recoveries of the last day, a crash or a hang with its reload once', () => {
    const summary = supervisorSummary(
      [
        entry('relaunch', 30), // yesterday: not counted
        entry('launch', 29),
        entry('crash', 5),
        entry('reload', 5),
        entry('missed-heartbeats', 2),
        entry('reload', 2),
        entry('nightly-restart', 1),
      ],
      now,
    );
    expect(summary).toMatchObject({ recoveries: 2, warn: false, latest: { action: 'nightly-restart' } });
  });

  it('warns from three a day', () => {
    const summary = supervisorSummary(
      [entry('relaunch', 3), entry('server-restart', 2), entry('crash', 1), entry('reload', 1)],
      now,
    );
    expect(summary).toMatchObject({ recoveries: 3, warn: true, latest: { action: 'reload' } });
  });
});
