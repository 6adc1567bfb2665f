import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  InvalidDateError, addDays, addMonths, daysInMonth, easterSunday, formatIsoDate, formatLongDate,
  goodFriday, isoWeekday, localDate, parseLocalDate, toYearMonthDay, yearOf, type LocalDate,
} from './local-date.ts';

const d = parseLocalDate;
const iso = formatIsoDate;

describe('parseLocalDate', () => {
  it.each([
    ['1970-01-01', 0],
    ['2025-01-06', 20094],
    ['2024-02-29', 19782],
    ['1969-12-31', -1],
  ])('%s is epoch day %i', (text, day) => {
    expect(d(text)).toBe(day);
    expect(iso(d(text))).toBe(text);
  });

  it.each([
    ['2025-02-30', 'day 30 is not a day of February 2025, which has 28 days'],
    ['2025-02-29', 'day 29 is not a day of February 2025, which has 28 days'],
    ['1900-02-29', 'day 29 is not a day of February 1900, which has 28 days'],
    ['2025-04-31', 'day 31 is not a day of April 2025, which has 30 days'],
    ['2025-13-01', 'month 13 is not a month from 1 to 12'],
    ['2025-00-10', 'month 0 is not a month from 1 to 12'],
    ['2025-01-00', 'day 0 is not a day of January 2025'],
    ['0000-01-01', 'year 0 is not a year'],
  ])('refuses %s precisely', (text, message) => {
    expect(() => d(text)).toThrow(InvalidDateError);
    expect(() => d(text)).toThrow(message);
  });

  it.each(['2025-1-6', '06/01/2025', '2025-01-06T00:00', ' 2025-01-06', '', 'tomorrow'])('refuses the shape of %j', (text) => {
    expect(() => d(text)).toThrow('is not a date in the form YYYY-MM-DD');
  });

  it('accepts 29 February in leap years including 2000', () => {
    expect(iso(d('2000-02-29'))).toBe('2000-02-29');
    expect(iso(d('2028-02-29'))).toBe('2028-02-29');
  });
});

describe('formatting and weekdays', () => {
  it('formats GOV.UK style', () => {
    expect(formatLongDate(d('2025-05-26'))).toBe('26 May 2025');
    expect(formatLongDate(d('2024-12-01'))).toBe('1 December 2024');
  });
  it.each([
    ['2025-01-06', 1], ['2025-01-11', 6], ['2025-01-12', 7], ['1970-01-01', 4], ['2024-02-29', 4],
  ])('%s has ISO weekday %i', (text, weekday) => {
    expect(isoWeekday(d(text))).toBe(weekday);
  });
  it('agrees with the JavaScript Date for every day 1900-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), (n) => {
        const js = new Date(n * 86_400_000);
        const parts = toYearMonthDay(n as LocalDate);
        expect(parts).toEqual({ year: js.getUTCFullYear(), month: js.getUTCMonth() + 1, day: js.getUTCDate() });
        expect(isoWeekday(n as LocalDate) % 7).toBe(js.getUTCDay());
        expect(localDate(parts.year, parts.month, parts.day)).toBe(n);
        expect(yearOf(n as LocalDate)).toBe(parts.year);
      }),
    );
  });
});

describe('addMonths: corresponding date, else the month end', () => {
  it.each([
    ['2024-12-31', 2, '2025-02-28'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-06', 12, '2026-01-06'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-05-31', -3, '2025-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(iso(addMonths(d(from), months))).toBe(expected);
  });

  it('keeps the day when the target month has it, otherwise clamps to the month end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: -36, max: 36 }), (n, months) => {
        const from = toYearMonthDay(n as LocalDate);
        const to = toYearMonthDay(addMonths(n as LocalDate, months));
        expect((to.year * 12 + to.month) - (from.year * 12 + from.month)).toBe(months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });

  it('is monotonic in the start date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 24 }), (n, gap, months) => {
        expect(addMonths((n + gap) as LocalDate, months)).toBeGreaterThanOrEqual(addMonths(n as LocalDate, months));
      }),
    );
  });
});

describe('Easter', () => {
  it.each([
    [2019, '2019-04-19'], [2022, '2022-04-15'], [2023, '2023-04-07'], [2024, '2024-03-29'], [2025, '2025-04-18'], [2027, '2027-03-26'],
  ])('Good Friday %i is %s', (year, expected) => {
    expect(iso(goodFriday(year))).toBe(expected);
    expect(iso(addDays(easterSunday(year), -2))).toBe(expected);
  });
});
