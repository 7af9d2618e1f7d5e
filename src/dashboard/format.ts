// How the dashboard writes numbers, dates and durations in Italian or English. Pure functions over
// Intl, so they are unit-tested with a fixed time zone. Italian groups thousands with a dot even
// in four-digit numbers (3.115, as the network's reports print them), which Intl's default for
// Italian does not do: hence `useGrouping: 'always'`.

import type { Lang } from './strings.ts';
import type { IsoDay } from './wire.ts';

export interface Formatter {
  readonly locale: string;
  /** 3.115 / 3,115 */
  number(n: number): string;
  /** A ratio 0…1 as a whole percentage: 12% */
  percent(ratio: number): string;
  /** A calendar day (YYYY-MM-DD): 20 mag 2025 / 20 May 2025 */
  day(day: IsoDay): string;
  /** A span of days, short when they share a month: 20–21 mag 2025 */
  days(start: IsoDay, end: IsoDay): string;
  /** A month (YYYY-MM): maggio 2025 / May 2025 */
  month(month: string): string;
  /** An instant (ISO date-time) in the browser's time zone: 20 mag 2025, 11:00 */
  dateTime(iso: string): string;
  /** How long ago an instant was: 3 ore fa / 3 hours ago */
  ago(iso: string, now: Date): string;
  /** A length of time, sign ignored: 1 h 5 min, 2 min 5 s, 12 s */
  duration(ms: number): string;
  /** A file size: 2,4 MB */
  bytes(n: number): string;
  /** A language's name from its code: arabo / Arabic (the code itself when unknown) */
  language(code: string): string;
}

const LOCALES: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

/** Noon UTC of a calendar day, formatted in UTC, so no time zone can move it to another day. */
const dayInstant = (day: string): Date => new Date(`${day}T12:00:00Z`);

export function formatter(lang: Lang, options: { timeZone?: string } = {}): Formatter {
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'always', maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { useGrouping: 'always', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let languages: Intl.DisplayNames | null = null;

  return {
    locale,
    number: (n) => numbers.format(n),
    percent: (ratio) => percent.format(ratio),
    day: (day) => dayFormat.format(dayInstant(day)),
    days: (start, end) =>
      start === end || end < start
        ? dayFormat.format(dayInstant(start))
        : dayFormat.formatRange(dayInstant(start), dayInstant(end)),
    month: (month) => monthFormat.format(dayInstant(`${month}-15`)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    ago(iso, now) {
      const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
      const size = Math.abs(seconds);
      if (size < 60) return relative.format(seconds, 'second');
      if (size < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (size < 48 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
      return relative.format(Math.round(seconds / 86_400), 'day');
    },
    duration(ms) {
      const total = Math.round(Math.abs(ms) / 1000);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      if (h > 0) return m > 0 ? `${numbers.format(h)} h ${m} min` : `${numbers.format(h)} h`;
      if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
      return `${s} s`;
    },
    bytes(n) {
      if (n < 1024) return `${numbers.format(n)} B`;
      if (n < 1024 * 1024) return `${oneDecimal.format(n / 1024)} KB`;
      return `${oneDecimal.format(n / (1024 * 1024))} MB`;
    },
    language(code) {
      try {
        languages ??= new Intl.DisplayNames(locale, { type: 'language' });
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

/** How far a kiosk's clock is off, in words: within this much it counts as on time. */
export const CLOCK_TOLERANCE_MS = 5_000;
/** Over this, the dashboard flags the clock (records would carry wrong times). */
export const CLOCK_WARNING_MS = 2 * 60_000;
/** Storage used above this share is flagged. */
export const STORAGE_WARNING_RATIO = 0.8;
