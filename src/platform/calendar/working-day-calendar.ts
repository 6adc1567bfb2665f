import { validateBankHolidayFeed } from './bank-holiday-feed.ts';
import {
  daysFromCivil, formatIsoDate, goodFriday, isoWeekday, toYearMonthDay, type LocalDate,
} from './local-date.ts';

/**
 * A date the calendar has no data for. The clock refuses rather than guess: treating an unknown
 * day as a working day could make a deadline a day late (a new bank holiday), and projecting
 * holidays by rule cannot know about one-off days such as 19 September 2022.
 */
export class CalendarRangeError extends Error {
  override name = 'CalendarRangeError';
}

/** What period arithmetic needs from a calendar. The statutory domain depends on this only. */
export interface WorkingDayCalendar {
  readonly first: LocalDate;
  readonly last: LocalDate;
  isWorkingDay(date: LocalDate): boolean;
  /** Throws CalendarRangeError when `date` is outside first..last. */
  assertCovered(date: LocalDate, what?: string): void;
  /** The nth working day counting `start` as day 1 if it is a working day ("beginning with"). */
  addWorkingDaysBeginningWith(start: LocalDate, n: number): LocalDate;
  /** The nth working day after `start` ("within n working days of"). */
  addWorkingDaysAfter(start: LocalDate, n: number): LocalDate;
  /** `date` itself if a working day, else the next working day. */
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate;
  holidayName(date: LocalDate): string | undefined;
}

/**
 * Working days under the SEND Regulations 2014 reg 2(1): any day other than a Saturday, a Sunday,
 * Christmas Day, Good Friday or a bank holiday in England. Christmas Day and Good Friday are named
 * in the regulation because they are common-law holidays, not bank holidays under the 1971 Act; the
 * GOV.UK feed lists them anyway, but we add them by rule too so a feed that omitted them (or listed
 * only a substitute day for Christmas) could not make 25 December a working day.
 *
 * Everything is precomputed into typed arrays over the covered years so a working-day sum is two
 * array reads: `before[i]` is the number of working days before day i, `workingDays[k]` is the
 * k-th working day (0-based).
 */
export class BankHolidayCalendar implements WorkingDayCalendar {
  readonly first: LocalDate;
  readonly last: LocalDate;
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly nonWorking: Uint8Array;
  private readonly before: Int32Array;
  private readonly workingDays: Int32Array;
  private readonly names = new Map<number, string>();

  constructor(holidays: { date: LocalDate; title: string }[], firstYear: number, lastYear: number) {
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.first = daysFromCivil(firstYear, 1, 1);
    this.last = daysFromCivil(lastYear, 12, 31);
    const span = this.last - this.first + 1;
    this.nonWorking = new Uint8Array(span);
    for (let i = 0; i < span; i++) {
      if (isoWeekday((this.first + i) as LocalDate) >= 6) this.nonWorking[i] = 1;
    }
    const mark = (date: LocalDate, title: string): void => {
      const i = date - this.first;
      if (i < 0 || i >= span) return;
      this.nonWorking[i] = 1;
      if (!this.names.has(date)) this.names.set(date, title);
    };
    for (const h of holidays) mark(h.date, h.title);
    for (let year = firstYear; year <= lastYear; year++) {
      mark(daysFromCivil(year, 12, 25), 'Christmas Day');
      mark(goodFriday(year), 'Good Friday');
    }
    this.before = new Int32Array(span + 1);
    let count = 0;
    for (let i = 0; i < span; i++) {
      this.before[i] = count;
      if (this.nonWorking[i] === 0) count++;
    }
    this.before[span] = count;
    this.workingDays = new Int32Array(count);
    for (let i = 0, k = 0; i < span; i++) if (this.nonWorking[i] === 0) this.workingDays[k++] = this.first + i;
  }

  covers(date: LocalDate): boolean {
    return date >= this.first && date <= this.last;
  }

  assertCovered(date: LocalDate, what = 'date'): void {
    if (date < this.first || date > this.last) {
      throw new CalendarRangeError(
        `${what} ${formatIsoDate(date)} is outside the bank holiday data, which covers ` +
          `${formatIsoDate(this.first)} to ${formatIsoDate(this.last)}; refresh the data with ` +
          '`opensend holidays refresh` before counting working days there',
      );
    }
  }

  isWorkingDay(date: LocalDate): boolean {
    this.assertCovered(date);
    return this.nonWorking[date - this.first] === 0;
  }

  holidayName(date: LocalDate): string | undefined {
    this.assertCovered(date);
    return this.names.get(date);
  }

  addWorkingDaysBeginningWith(start: LocalDate, n: number): LocalDate {
    this.assertCovered(start, 'start date');
    return this.nthWorkingDay(this.before[start - this.first]! + n - 1, start, n);
  }

  addWorkingDaysAfter(start: LocalDate, n: number): LocalDate {
    this.assertCovered(start, 'start date');
    return this.nthWorkingDay(this.before[start - this.first + 1]! + n - 1, start, n);
  }

  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate {
    this.assertCovered(date);
    return this.nthWorkingDay(this.before[date - this.first]!, date, 1);
  }

  private nthWorkingDay(index: number, start: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a working-day count must be a whole number from 1, got ${n}`);
    const day = this.workingDays[index];
    if (day === undefined) {
      throw new CalendarRangeError(
        `${n} working days from ${formatIsoDate(start)} runs past ${formatIsoDate(this.last)}, ` +
          'the end of the bank holiday data; refresh the data with `opensend holidays refresh`',
      );
    }
    return day as LocalDate;
  }

  /** Years covered, for messages: "2012 to 2028". */
  describeRange(): string {
    return `${toYearMonthDay(this.first).year} to ${toYearMonthDay(this.last).year}`;
  }
}

/** Builds the calendar from a parsed GOV.UK feed (validated first). */
export function bankHolidayCalendarFromFeed(feed: unknown): BankHolidayCalendar {
  const valid = validateBankHolidayFeed(feed);
  const holidays = valid.events.map((event, i) => ({ date: valid.dates[i]!, title: event.title }));
  return new BankHolidayCalendar(holidays, valid.firstYear, valid.lastYear);
}
