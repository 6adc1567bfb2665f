import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatIsoDate, isoWeekday, parseLocalDate, type LocalDate } from './local-date.ts';
import { loadEnglandAndWalesCalendar } from './load-bank-holidays.ts';
import { CalendarRangeError, bankHolidayCalendarFromFeed } from './working-day-calendar.ts';

const calendar = loadEnglandAndWalesCalendar(process.cwd());
const d = parseLocalDate;
const iso = formatIsoDate;
const coveredDay = fc.integer({ min: calendar.first + 1, max: calendar.last - 120 }).map((n) => n as LocalDate);

describe('the England & Wales calendar from the repository data', () => {
  it('covers 2012 to 2028 whole years', () => {
    expect(iso(calendar.first)).toBe('2012-01-01');
    expect(iso(calendar.last)).toBe('2028-12-31');
  });

  it.each([
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee bank holiday'],
    ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ['2025-04-18', 'Good Friday'],
    ['2025-12-25', 'Christmas Day'],
    ['2022-12-25', 'Christmas Day'], // a Sunday: the feed lists only the substitute (27th); reg 2 names the day itself
  ])('%s is not a working day (%s)', (text, name) => {
    expect(calendar.isWorkingDay(d(text))).toBe(false);
    expect(calendar.holidayName(d(text))).toBe(name);
  });

  it.each(['2025-01-06', '2022-06-06', '2022-09-20', '2023-05-09', '2025-12-24'])('%s is a working day', (text) => {
    expect(calendar.isWorkingDay(d(text))).toBe(true);
  });

  it.each([
    // [start, n, beginning-with result, within (after) result]
    ['2025-01-06', 1, '2025-01-06', '2025-01-07'], // Monday: counts as day 1
    ['2025-01-04', 1, '2025-01-06', '2025-01-06'], // Saturday start: Monday is day 1 either way
    ['2022-05-31', 3, '2022-06-06', '2022-06-07'], // Jubilee 2–3 June 2022
    ['2022-09-16', 2, '2022-09-20', '2022-09-21'], // State funeral 19 September 2022
    ['2023-05-05', 2, '2023-05-09', '2023-05-10'], // Coronation 8 May 2023
    ['2025-04-17', 2, '2025-04-22', '2025-04-23'], // Easter 2025: Good Friday and Easter Monday
    ['2024-12-23', 3, '2024-12-27', '2024-12-30'], // Christmas 2024
    ['2025-12-23', 3, '2025-12-29', '2025-12-30'], // Christmas 2025 (Christmas Thursday, Boxing Day Friday)
    ['2022-12-23', 2, '2022-12-28', '2022-12-29'], // Christmas 2022 substitutes 26 and 27 December
    ['2023-12-29', 1, '2023-12-29', '2024-01-02'], // New Year 2024
    ['2025-06-02', 15, '2025-06-20', '2025-06-23'],
  ])('from %s, %i working days: beginning-with %s, within %s', (start, n, beginning, after) => {
    expect(iso(calendar.addWorkingDaysBeginningWith(d(start), n))).toBe(beginning);
    expect(iso(calendar.addWorkingDaysAfter(d(start), n))).toBe(after);
  });

  it('refuses dates outside the data rather than guessing', () => {
    expect(() => calendar.isWorkingDay(d('2029-01-02'))).toThrow(CalendarRangeError);
    expect(() => calendar.isWorkingDay(d('2011-12-30'))).toThrow('outside the bank holiday data, which covers 2012-01-01 to 2028-12-31');
    expect(() => calendar.addWorkingDaysAfter(d('2028-12-20'), 10)).toThrow('runs past 2028-12-31');
    expect(() => calendar.addWorkingDaysAfter(d('2028-12-20'), 0)).toThrow(RangeError);
  });
});

describe('working-day properties', () => {
  it('results never fall on a non-working day', () => {
    fc.assert(
      fc.property(coveredDay, fc.integer({ min: 1, max: 30 }), (start, n) => {
        for (const result of [calendar.addWorkingDaysBeginningWith(start, n), calendar.addWorkingDaysAfter(start, n)]) {
          expect(calendar.isWorkingDay(result)).toBe(true);
          expect(isoWeekday(result)).toBeLessThan(6);
        }
      }),
    );
  });

  it('results are monotonic in the start date', () => {
    fc.assert(
      fc.property(coveredDay, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }), (start, gap, n) => {
        const later = (start + gap) as LocalDate;
        expect(calendar.addWorkingDaysAfter(later, n)).toBeGreaterThanOrEqual(calendar.addWorkingDaysAfter(start, n));
        expect(calendar.addWorkingDaysBeginningWith(later, n)).toBeGreaterThanOrEqual(calendar.addWorkingDaysBeginningWith(start, n));
      }),
    );
  });

  it('matches counting day by day', () => {
    fc.assert(
      fc.property(coveredDay, fc.integer({ min: 1, max: 25 }), (start, n) => {
        let day = start as number;
        let counted = 0;
        for (;;) {
          day++;
          if (calendar.isWorkingDay(day as LocalDate) && ++counted === n) break;
        }
        expect(calendar.addWorkingDaysAfter(start, n)).toBe(day);
        // "beginning with" equals "within" counted from the day before.
        expect(calendar.addWorkingDaysBeginningWith(start, n)).toBe(calendar.addWorkingDaysAfter((start - 1) as LocalDate, n));
      }),
    );
  });
});

describe('bankHolidayCalendarFromFeed', () => {
  const feed = (events: unknown[]) => ({ 'england-and-wales': { division: 'england-and-wales', events } });
  const ev = (date: string, title = 'Holiday') => ({ title, date, notes: '', bunting: true });
  const year2030 = [ev('2030-01-01', 'New Year’s Day'), ev('2030-12-25', 'Christmas Day')];

  it('builds a calendar over the whole years the feed covers', () => {
    const cal = bankHolidayCalendarFromFeed(feed([...year2030, ev('2030-05-06')]));
    expect(iso(cal.first)).toBe('2030-01-01');
    expect(iso(cal.last)).toBe('2030-12-31');
    expect(cal.isWorkingDay(d('2030-05-06'))).toBe(false);
    // Good Friday 2030 (19 April) is a non-working day by rule even though this feed omits it.
    expect(cal.isWorkingDay(d('2030-04-19'))).toBe(false);
  });

  it.each([
    [null, 'not a JSON object'],
    [{ scotland: {} }, 'no "england-and-wales" division'],
    [feed([]), 'must be a non-empty array'],
    [feed([ev('2030-02-30')]), 'events[0].date: 2030-02-30 is not a real date'],
    [feed([{ title: 'x', date: '2030-01-01', notes: '' }]), 'events[0].bunting must be true or false'],
    [feed([...year2030, ev('2030-01-01')]), '2030-01-01 appears twice'],
    [feed([ev('2030-01-01'), ev('2030-12-25'), ev('2032-01-01'), ev('2032-12-27')]), '2031 looks incomplete'],
    [feed([ev('2030-01-01'), ev('2030-05-06')]), 'no Christmas holiday'],
  ])('refuses a bad feed (%#)', (input, message) => {
    expect(() => bankHolidayCalendarFromFeed(input)).toThrow(message);
  });
});
