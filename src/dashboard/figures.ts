// The arithmetic behind the dashboard's tables and charts, apart from drawing them: how long each
// bar is, as a share (0–100) of the longest value so bars compare within one chart; which answers
// come first; how the report's rows group under their event type.

import type { ReportRow } from './wire.ts';

/** Bars never shrink below this share when their value is not zero, so they stay visible. */
export const MIN_VISIBLE = 0.75;

/** Each value as a length 0–100 of the chart's width; all zero when every value is 0. */
export function barLengths(values: readonly number[], max = Math.max(0, ...values)): number[] {
  if (!(max > 0)) return values.map(() => 0);
  return values.map((v) => {
    if (!(v > 0)) return 0;
    return Math.min(100, Math.max(MIN_VISIBLE, (v / max) * 100));
  });
}

/** The answers of one choice step, most picked first (ties keep the journey's order). */
export function rankedAnswers(answers: Readonly<Record<string, number>>): Array<[string, number]> {
  return Object.entries(answers)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry[1] - a.entry[1] || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The report's rows grouped by event type, in the register's order (for the shared cells). */
export function groupByType(rows: readonly ReportRow[]): ReportRow[][] {
  const groups: ReportRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]?.type === row.type) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/**
 * Month rows from the first month to the last, with the months nobody was reached in filled in
 * as zero, so a chart of months never hides a gap.
 */
export function fillMonths<T extends { key: string }>(rows: readonly T[], empty: (key: string) => T): T[] {
  const months = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.key)).sort((a, b) => a.key.localeCompare(b.key));
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [...rows];
  const byKey = new Map(months.map((r) => [r.key, r]));
  const filled: T[] = [];
  let [year, month] = first.key.split('-').map(Number) as [number, number];
  // A period of decades is not a chart of months: stop after 50 years whatever happens.
  for (let guard = 0; guard < 600; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    filled.push(byKey.get(key) ?? empty(key));
    if (key >= last.key) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return filled;
}
