// Records the register's tests send: a kiosk's tally and the event a kiosk sets up, as the
// kiosk's stores hold them (src/records). Shared so that every test sends the same shapes.

import type { AttendanceRecord } from '../records/attendance.ts';
import { createUuid7 } from '../records/uuid.ts';

const newId = createUuid7();

/** One tap of a station's counter, `seq` in its device's order. */
export function tally(device: string, seq: number, delta = 1): AttendanceRecord {
  return {
    id: newId(),
    device,
    seq,
    event: 'evento-1',
    station: 'workers-01',
    at: '2026-11-23T09:00:00.000Z',
    mono: seq * 1000,
    boot: 'boot-0001',
    synced: 0,
    v: 1,
    kind: 'tally',
    delta,
    reason: '',
  };
}

/** An event set up on a kiosk (a school visit), with a fresh id. */
export function kioskEvent() {
  return {
    id: `evt-${crypto.randomUUID()}`,
    v: 1,
    title: 'Workers a Lodi',
    type: 'installation-workers',
    audience: 'students',
    venue: 'Liceo',
    municipality: 'Lodi',
    province: 'LO',
    startDate: '2025-02-10',
    endDate: '2025-02-10',
    source: 'kiosk',
    createdAt: '2025-02-10T08:00:00.000Z',
    synced: 0,
  };
}
