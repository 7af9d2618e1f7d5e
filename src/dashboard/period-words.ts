// A period in words for captions and file names' neighbours: "dal 1 gen 2025 al 31 dic 2025",
// "since 1 Jan 2025", "tutto il periodo".

import type { DashboardLocale } from './context.ts';
import type { Period } from './wire.ts';

export function describePeriod(period: Period, { t, fmt }: Pick<DashboardLocale, 't' | 'fmt'>): string {
  if (period.from && period.to) return t.period.range(fmt.day(period.from), fmt.day(period.to));
  if (period.from) return t.period.since(fmt.day(period.from));
  if (period.to) return t.period.until(fmt.day(period.to));
  return t.period.everything;
}
