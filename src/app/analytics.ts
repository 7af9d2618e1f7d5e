// Where stations report what visitors do (journey start, steps, choices, completion, abandon).
// The records issue stores these in IndexedDB; until then the station keeps the latest in
// memory, bounded, so tests and the staff panel can read them.

import type { JourneyAnalytics } from '../journeys/machine.ts';

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
