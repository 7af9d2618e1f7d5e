// The dashboard's address: section and period survive a reload, and nonsense falls back.
import { describe, expect, it } from 'vitest';
import { defaultPeriod, isDay, parseRoute, periodProblem, routeHash, today } from './route.ts';

const now = new Date('2025-05-20T10:00:00Z');

describe('routes', () => {
  it('reads the section and the period from the hash, and writes them back', () => {
    const route = parseRoute('#report?from=2025-01-01&to=2025-03-31', now);
    expect(route).toEqual({ section: 'report', period: { from: '2025-01-01', to: '2025-03-31' } });
    expect(parseRoute(routeHash(route), now)).toEqual(route);
  });

  it('keeps "all time" apart from "no period given"', () => {
    expect(parseRoute('#charts?period=all', now)).toEqual({ section: 'charts', period: {} });
    expect(routeHash({ section: 'charts', period: {} })).toBe('#charts?period=all');
    expect(parseRoute('#charts', now).period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('falls back to the events of this year on anything odd', () => {
    expect(parseRoute('', now)).toEqual({ section: 'events', period: defaultPeriod(now) });
    expect(parseRoute('#nowhere?from=2025-02-30', now)).toEqual({
      section: 'events',
      period: defaultPeriod(now),
    });
    expect(parseRoute('#report?from=2025-06-01&to=2025-01-01', now).period).toEqual(defaultPeriod(now));
    expect(parseRoute('#kiosks?to=2024-12-31', now).period).toEqual({ to: '2024-12-31' });
  });

  it('knows real dates, today where the browser is, and backwards periods', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('20/05/2025')).toBe(false);
    expect(today(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01'); // Europe/Rome is UTC+1
    expect(periodProblem({ from: '2025-02-01', to: '2025-01-01' })).toBe('order');
    expect(periodProblem({ from: '2025-01-01' })).toBeNull();
  });
});
