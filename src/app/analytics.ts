// Where stations report what visitors do (journey start, steps, choices, completion, abandon).
// RecordsAnalytics appends the ones that count to the local records as attendance events;
// MemoryAnalytics keeps the latest in memory for tests and demos.

import type { JourneyAnalytics } from '../journeys/machine.ts';
import type { AttendanceBody } from '../records/attendance.ts';
import type { Records } from '../records/records.ts';

export type VisitAnalytics = (
  | JourneyAnalytics
  | { name: 'start' }
  | { name: 'abandoned'; step: string | null; reason: string }
) & { installation: string; journey: string; language: string; at: number };

export interface Analytics {
  track(event: VisitAnalytics): void;
}

export class MemoryAnalytics implements Analytics {
  readonly events: VisitAnalytics[] = [];
  constructor(private readonly capacity = 500) {}

  track(event: VisitAnalytics): void {
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
  }
}

/** Turns a visit event into the attendance record it counts as, or null if it counts nothing. */
export function attendanceFor(event: VisitAnalytics, startedAt: number | undefined): AttendanceBody | null {
  const ref = { installation: event.installation, journey: event.journey, language: event.language };
  const durationMs = Math.max(0, startedAt === undefined ? 0 : event.at - startedAt);
  switch (event.name) {
    case 'start':
      return { kind: 'journey-start', ...ref };
    case 'completed':
      return { kind: 'journey-end', ...ref, durationMs };
    case 'choice':
      return { kind: 'choice', ...ref, step: event.step, key: event.key, timedOut: event.timedOut };
    case 'abandoned':
      return { kind: 'abandon', ...ref, step: event.step, reason: event.reason.slice(0, 32), durationMs };
    case 'left':
      return { kind: 'abandon', ...ref, step: event.step, reason: 'quick-exit', durationMs };
    default:
      return null;
  }
}

/**
 * Appends visit events to the records, in the order they happened (one write at a time), and
 * never lets a storage failure reach the visitor: failures alert staff through the records
 * service's onFailure and are otherwise swallowed here.
 */
export class RecordsAnalytics implements Analytics {
  private chain: Promise<unknown> = Promise.resolve();
  private startedAt: number | undefined;
  /** Every event also goes here (tests, the staff panel's live view). */
  readonly memory = new MemoryAnalytics(200);

  constructor(private readonly records: () => Promise<Records>) {}

  track(event: VisitAnalytics): void {
    this.memory.track(event);
    if (event.name === 'start') this.startedAt = event.at;
    const body = attendanceFor(event, this.startedAt);
    if (event.name === 'completed' || event.name === 'abandoned' || event.name === 'left')
      this.startedAt = undefined;
    if (!body) return;
    this.chain = this.chain
      .then(async () => (await this.records()).addAttendance(body))
      .catch(() => {
        // Already reported to staff by the records service; the visit goes on.
      });
  }

  /** Resolves when every event tracked so far has been written (or has failed). */
  flush(): Promise<void> {
    return this.chain.then(() => undefined);
  }
}
