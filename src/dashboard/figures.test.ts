// The arithmetic behind the charts and the report table.
import { describe, expect, it } from 'vitest';
import { barLengths, fillMonths, groupByType, MIN_VISIBLE, rankedAnswers } from './figures.ts';
import type { ReportRow } from './wire.ts';

describe('bars', () => {
  it('are shares of the longest, visible when not zero, and empty when all are zero', () => {
    expect(barLengths([50, 100, 0])).toEqual([50, 100, 0]);
    expect(barLengths([1, 10_000])).toEqual([MIN_VISIBLE, 100]);
    expect(barLengths([0, 0])).toEqual([0, 0]);
    expect(barLengths([])).toEqual([]);
    expect(barLengths([5], 10)).toEqual([50]);
  });
});

describe('answers', () => {
  it('come most picked first, ties in the journey’s order', () => {
    expect(rankedAnswers({ stay: 2, leave: 5, ask: 2 })).toEqual([
      ['leave', 5],
      ['stay', 2],
      ['ask', 2],
    ]);
  });
});

describe('months', () => {
  it('fill the gaps between the first and the last month with zeros', () => {
    const rows = [
      { key: '2025-11', n: 3 },
      { key: '2026-02', n: 1 },
    ];
    expect(fillMonths(rows, (key) => ({ key, n: 0 }))).toEqual([
      { key: '2025-11', n: 3 },
      { key: '2025-12', n: 0 },
      { key: '2026-01', n: 0 },
      { key: '2026-02', n: 1 },
    ]);
    expect(fillMonths([], (key) => ({ key }))).toEqual([]);
  });
});

describe('the report table', () => {
  it('groups consecutive rows of one event type', () => {
    const row = (type: ReportRow['type'], audience: ReportRow['audience']): ReportRow => ({
      type,
      audience,
      typeLabel: '',
      audienceLabel: '',
      people: 1,
    });
    const rows = [
      row('installation-workers', 'students'),
      row('installation-workers', 'citizens'),
      row('photo-exhibition', 'citizens'),
    ];
    expect(groupByType(rows).map((g) => g.length)).toEqual([2, 1]);
  });
});
