// Where the dashboard is: the section and the period, kept in the address's hash
// (`#report?from=2025-01-01&to=2025-12-31`) so a reload, the back button or a bookmark lands on
// the same view. Pure functions: parsing never throws, anything odd falls back to the default.

import type { IsoDay, Period } from './wire.ts';

export const SECTIONS = ['events', 'report', 'charts', 'kiosks', 'reflections', 'import'] as const;
export type Section = (typeof SECTIONS)[number];

/** Sections that show data for a period (the others ignore it). */
export const PERIOD_SECTIONS: readonly Section[] = ['events', 'report', 'charts'];

export interface Route {
  section: Section;
  period: Period;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDay(text: string | null | undefined): text is IsoDay {
  if (!text || !DAY.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/** Today's date where the browser is (not in UTC: staff near midnight mean their own day). */
export function today(now: Date): IsoDay {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The period a fresh dashboard shows: this calendar year. */
export const defaultPeriod = (now: Date): Period => yearPeriod(Number(today(now).slice(0, 4)));

/** Why a period cannot be asked for, or null. */
export function periodProblem(period: Period): 'order' | null {
  return period.from && period.to && period.from > period.to ? 'order' : null;
}

export const samePeriod = (a: Period, b: Period): boolean =>
  (a.from ?? '') === (b.from ?? '') && (a.to ?? '') === (b.to ?? '');

export function parseRoute(hash: string, now: Date): Route {
  const [name = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const section = (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'events';
  const params = new URLSearchParams(query);
  if (params.get('period') === 'all') return { section, period: {} };
  const from = params.get('from');
  const to = params.get('to');
  const period: Period = {
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
  };
  if ((!period.from && !period.to) || periodProblem(period)) return { section, period: defaultPeriod(now) };
  return { section, period };
}

export function routeHash(route: Route): string {
  const { from, to } = route.period;
  const params = new URLSearchParams();
  if (!from && !to) params.set('period', 'all');
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return `#${route.section}?${params.toString()}`;
}
