import { describe, expect, it } from 'vitest';
import type { AttendanceBody, AttendanceRecord } from './attendance.ts';
import { computeTotals } from './totals.ts';

let seq = 0;
const rec = (body: AttendanceBody, over: Partial<AttendanceRecord> = {}): AttendanceRecord =>
  ({
    id: `019a0000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
    device: 'd1',
    seq,
    event: 'e1',
    station: 'workers-01',
    at: '2026-11-23T09:00:00.000Z',
    mono: seq,
    boot: 'b1',
    synced: 0,
    v: 1,
    ...body,
    ...over,
  }) as AttendanceRecord;

const journey = { installation: 'workers', journey: 'campo', language: 'it' };

describe('computeTotals', () => {
  it('adds group check-ins and the tally into people reached', () => {
    const t = computeTotals([
      rec({ kind: 'check-in', group: '3B', size: 24 }),
      rec({ kind: 'check-in', group: '4A', size: 19 }),
      rec({ kind: 'tally', delta: 5, reason: '' }),
      rec({ kind: 'tally', delta: -2, reason: 'counted twice' }),
    ]);
    expect(t).toMatchObject({ peopleReached: 46, groups: 2, checkedIn: 43, tallied: 3, corrections: 0 });
  });

  it('applies corrections by reference: the latest correction of a record wins, 0 cancels', () => {
    const a = rec({ kind: 'check-in', group: '3B', size: 24 });
    const b = rec({ kind: 'tally', delta: 10, reason: '' });
    const t = computeTotals([
      a,
      b,
      rec({ kind: 'correction', corrects: a.id, value: 42, reason: 'typo' }),
      rec({ kind: 'correction', corrects: a.id, value: 21, reason: 'recounted' }),
      rec({ kind: 'correction', corrects: b.id, value: 0, reason: 'wrong event' }),
      rec({ kind: 'correction', corrects: 'unknown', value: 99, reason: '' }),
    ]);
    expect(t).toMatchObject({ peopleReached: 21, groups: 1, checkedIn: 21, tallied: 0, corrections: 3 });
  });

  it('applies corrections by sequence, not by array order', () => {
    const a = rec({ kind: 'check-in', group: '3B', size: 24 });
    const c1 = rec({ kind: 'correction', corrects: a.id, value: 30, reason: '' });
    const c2 = rec({ kind: 'correction', corrects: a.id, value: 25, reason: '' });
    expect(computeTotals([c2, a, c1]).peopleReached).toBe(25);
  });

  it('never reports fewer than zero people', () => {
    expect(computeTotals([rec({ kind: 'tally', delta: -3, reason: '' })]).peopleReached).toBe(0);
  });

  it('counts journeys per station with median and total time, and choice distributions', () => {
    const t = computeTotals([
      rec({ kind: 'journey-start', ...journey }),
      rec({ kind: 'choice', ...journey, step: 'offerta', key: 'accetta', timedOut: false }),
      rec({ kind: 'journey-end', ...journey, durationMs: 240_000 }),
      rec({ kind: 'journey-start', ...journey }),
      rec({ kind: 'choice', ...journey, step: 'offerta', key: 'rifiuta', timedOut: true }),
      rec({ kind: 'journey-end', ...journey, durationMs: 360_000 }),
      rec({ kind: 'journey-start', ...journey }),
      rec({ kind: 'choice', ...journey, step: 'offerta', key: 'accetta', timedOut: false }),
      rec({ kind: 'abandon', ...journey, step: 'offerta', reason: 'idle', durationMs: 60_000 }),
      rec({ kind: 'journey-start', ...journey }, { station: 'workers-02' }),
    ]);
    expect(t.journeysStarted).toBe(4);
    expect(t.journeysCompleted).toBe(2);
    expect(t.byStation).toEqual([
      {
        station: 'workers-01',
        installation: 'workers',
        journey: 'campo',
        started: 3,
        completed: 2,
        abandoned: 1,
        medianMinutes: 5,
        totalMinutes: 11,
      },
      expect.objectContaining({ station: 'workers-02', started: 1, completed: 0, medianMinutes: null }),
    ]);
    expect(t.choices).toEqual([
      { journey: 'campo', step: 'offerta', answers: { accetta: 2, rifiuta: 1 }, timedOut: 1 },
    ]);
    expect(t.peopleReached).toBe(0);
  });
});
