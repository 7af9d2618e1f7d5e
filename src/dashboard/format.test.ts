// Numbers, dates and durations as staff read them, in both languages (time zone fixed by
// vitest.config.ts; the formatter is also given one explicitly where it matters).
import { describe, expect, it } from 'vitest';
import { formatter } from './format.ts';

const it_ = formatter('it', { timeZone: 'Europe/Rome' });
const en = formatter('en', { timeZone: 'Europe/Rome' });

describe('formatter', () => {
  it('groups thousands the Italian way even in four-digit numbers', () => {
    expect(it_.number(3115)).toBe('3.115');
    expect(it_.number(870)).toBe('870');
    expect(it_.number(1_234_567)).toBe('1.234.567');
    expect(en.number(3115)).toBe('3,115');
  });

  it('writes calendar days without letting a time zone move them', () => {
    expect(it_.day('2025-05-20')).toBe('20 mag 2025');
    expect(en.day('2025-05-20')).toBe('20 May 2025');
    expect(formatter('it', { timeZone: 'Pacific/Kiritimati' }).day('2025-01-01')).toBe('1 gen 2025');
  });

  it('shortens a span of days that share a month, and shows one day once', () => {
    expect(it_.days('2025-05-20', '2025-05-21')).toBe('20–21 mag 2025');
    expect(en.days('2025-05-20', '2025-05-20')).toBe('20 May 2025');
  });

  it('names months and languages in the dashboard’s language', () => {
    expect(it_.month('2025-05')).toBe('maggio 2025');
    expect(en.month('2025-05')).toBe('May 2025');
    expect(it_.language('ar')).toBe('arabo');
    expect(en.language('ur')).toBe('Urdu');
    expect(en.language('not a code!')).toBe('not a code!');
  });

  it('says how long ago something happened', () => {
    const now = new Date('2025-05-20T12:00:00Z');
    expect(it_.ago('2025-05-20T09:00:00Z', now)).toBe('3 ore fa');
    expect(en.ago('2025-05-20T11:58:00Z', now)).toBe('2 minutes ago');
    expect(en.ago('2025-05-15T12:00:00Z', now)).toBe('5 days ago');
  });

  it('writes durations, percentages and sizes', () => {
    expect(it_.duration(125_000)).toBe('2 min 5 s');
    expect(it_.duration(-3_900_000)).toBe('1 h 5 min');
    expect(en.duration(12_400)).toBe('12 s');
    expect(it_.percent(0.123)).toBe('12%');
    expect(it_.bytes(2.5 * 1024 * 1024)).toBe('2,5 MB');
    expect(en.bytes(64 * 1024 * 1024)).toBe('64 MB');
  });
});
