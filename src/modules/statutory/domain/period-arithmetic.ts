import { addMonths, daysFromCivil, yearOf, type LocalDate } from '../../../platform/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.ts';
import { DeadlineInputError } from './deadline-errors.ts';
import type { DeadlineInput, Period, SimplePeriod } from './statutory-rule.ts';

// This file is the hot path (the benchmark runs it a million times): integers only, no allocation.

/** The last day of a period running forward from `start`. */
export function applySimplePeriod(period: SimplePeriod, start: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  if (period.kind === 'working-days') {
    return period.counting === 'within'
      ? calendar.addWorkingDaysAfter(start, period.amount)
      : calendar.addWorkingDaysBeginningWith(start, period.amount);
  }
  let end: number;
  if (period.unit === 'days') end = start + period.amount;
  else if (period.unit === 'weeks') end = start + 7 * period.amount;
  else end = addMonths(start, period.amount);
  // "beginning with" counts the start day as day 1, so the period ends a day sooner than "within".
  return (period.counting === 'within' ? end : end - 1) as LocalDate;
}

export type TribunalHoliday = 'christmas' | 'august';

/** Whether a date falls in the days the SEND Tribunal does not count (25 December–1 January, August). */
export function tribunalHoliday(date: LocalDate): TribunalHoliday | undefined {
  const year = yearOf(date);
  if (date >= daysFromCivil(year, 12, 25) || date === daysFromCivil(year, 1, 1)) return 'christmas';
  if (date >= daysFromCivil(year, 8, 1) && date < daysFromCivil(year, 9, 1)) return 'august';
  return undefined;
}

/**
 * A deadline in the Christmas period moves to the next working day after 1 January; one in August
 * to the first working day in September. See the tribunal-appeal rule's judgement note.
 */
export function applyTribunalHolidays(date: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  const holiday = tribunalHoliday(date);
  if (holiday === undefined) return date;
  const year = yearOf(date);
  if (holiday === 'august') return calendar.nextWorkingDayOnOrAfter(daysFromCivil(year, 9, 1));
  const nextYear = date === daysFromCivil(year, 1, 1) ? year : year + 1;
  return calendar.nextWorkingDayOnOrAfter(daysFromCivil(nextYear, 1, 2));
}

/** The date a period is counted from: `from`, or 1 January of `year` for a fixed date. */
export function clockStart(period: Period, input: DeadlineInput): LocalDate {
  if (period.kind === 'fixed-date') {
    if (input.year === undefined) throw new DeadlineInputError('year', 'year is missing: give the calendar year of the transfer');
    return daysFromCivil(input.year, 1, 1);
  }
  if (input.from === undefined) throw new DeadlineInputError('from', 'from is missing: give the date the clock starts from');
  return input.from;
}

/** The due date. Inputs are assumed validated (see computeDeadline), apart from presence. */
export function computeDue(period: Period, input: DeadlineInput, calendar: WorkingDayCalendar): LocalDate {
  switch (period.kind) {
    case 'calendar':
    case 'working-days':
      return applySimplePeriod(period, clockStart(period, input), calendar);
    case 'before': {
      const start = clockStart(period, input);
      return (start - (period.unit === 'weeks' ? 7 : 1) * period.amount) as LocalDate;
    }
    case 'fixed-date': {
      if (input.year === undefined) throw new DeadlineInputError('year', 'year is missing: give the calendar year of the transfer');
      if (input.route === undefined) throw new DeadlineInputError('route', 'route is missing: give post16 or other');
      const date = period.routes[input.route];
      return daysFromCivil(input.year, date.month, date.day);
    }
    case 'later-of': {
      const first = applySimplePeriod(period.first, clockStart(period, input), calendar);
      const second = input.certificate === undefined ? first : applySimplePeriod(period.second, input.certificate, calendar);
      const later = first > second ? first : second;
      return period.tribunalHolidays ? applyTribunalHolidays(later, calendar) : later;
    }
  }
}
