// Totals for an event, computed from its attendance events every time (never kept as
// counters): people reached from staff counts with corrections applied, and what visitors
// did per station and journey.

import type { AttendanceRecord } from './attendance.ts';

export interface JourneyTotals {
  station: string;
  installation: string;
  journey: string;
  started: number;
  completed: number;
  abandoned: number;
  /** Median minutes of completed visits, or null when none completed. */
  medianMinutes: number | null;
  /** Total minutes spent (completed and abandoned visits). */
  totalMinutes: number;
}

export interface ChoiceTotals {
  journey: string;
  step: string;
  /** Answer key → how many visitors picked it; `timedOut` counts answers the timer chose. */
  answers: Record<string, number>;
  timedOut: number;
}

export interface EventTotals {
  /** People reached as counted by staff: group check-ins plus the tally, corrections applied. */
  peopleReached: number;
  groups: number;
  checkedIn: number;
  tallied: number;
  corrections: number;
  journeysStarted: number;
  journeysCompleted: number;
  byStation: JourneyTotals[];
  choices: ChoiceTotals[];
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function computeTotals(records: readonly AttendanceRecord[]): EventTotals {
  const ordered = [...records].sort((a, b) =>
    a.device === b.device ? a.seq - b.seq : a.id.localeCompare(b.id),
  );
  // What each check-in or tally counts: its own value, or its latest correction's.
  const counted = new Map<string, { kind: 'check-in' | 'tally'; value: number }>();
  let corrections = 0;
  for (const r of ordered) {
    if (r.kind === 'check-in') counted.set(r.id, { kind: r.kind, value: r.size });
    else if (r.kind === 'tally') counted.set(r.id, { kind: r.kind, value: r.delta });
  }
  for (const r of ordered) {
    if (r.kind !== 'correction') continue;
    const original = counted.get(r.corrects);
    if (!original) continue; // corrects something outside this set: ignored, not guessed at
    original.value = original.kind === 'check-in' ? Math.max(0, r.value) : r.value;
    corrections++;
  }
  let checkedIn = 0;
  let tallied = 0;
  let groups = 0;
  for (const { kind, value } of counted.values()) {
    if (kind === 'check-in') {
      checkedIn += value;
      if (value > 0) groups++;
    } else tallied += value;
  }

  const stations = new Map<string, JourneyTotals & { durations: number[]; spent: number }>();
  const choices = new Map<string, ChoiceTotals>();
  for (const r of ordered) {
    if (
      r.kind !== 'journey-start' &&
      r.kind !== 'journey-end' &&
      r.kind !== 'abandon' &&
      r.kind !== 'choice'
    ) {
      continue;
    }
    if (r.kind === 'choice') {
      const key = `${r.journey}\u0000${r.step}`;
      const entry = choices.get(key) ?? { journey: r.journey, step: r.step, answers: {}, timedOut: 0 };
      entry.answers[r.key] = (entry.answers[r.key] ?? 0) + 1;
      if (r.timedOut) entry.timedOut++;
      choices.set(key, entry);
      continue;
    }
    const key = `${r.station}\u0000${r.journey}`;
    const entry = stations.get(key) ?? {
      station: r.station,
      installation: r.installation,
      journey: r.journey,
      started: 0,
      completed: 0,
      abandoned: 0,
      medianMinutes: null,
      totalMinutes: 0,
      durations: [],
      spent: 0,
    };
    if (r.kind === 'journey-start') entry.started++;
    else if (r.kind === 'journey-end') {
      entry.completed++;
      entry.durations.push(r.durationMs);
      entry.spent += r.durationMs;
    } else {
      entry.abandoned++;
      entry.spent += r.durationMs;
    }
    stations.set(key, entry);
  }
  const byStation = [...stations.values()]
    .map(({ durations, spent, ...rest }) => {
      const m = median(durations);
      return {
        ...rest,
        medianMinutes: m === null ? null : round1(m / 60_000),
        totalMinutes: round1(spent / 60_000),
      };
    })
    .sort((a, b) => a.station.localeCompare(b.station) || a.journey.localeCompare(b.journey));

  return {
    peopleReached: Math.max(0, checkedIn + tallied),
    groups,
    checkedIn,
    tallied,
    corrections,
    journeysStarted: byStation.reduce((n, s) => n + s.started, 0),
    journeysCompleted: byStation.reduce((n, s) => n + s.completed, 0),
    byStation,
    choices: [...choices.values()].sort(
      (a, b) => a.journey.localeCompare(b.journey) || a.step.localeCompare(b.step),
    ),
  };
}
