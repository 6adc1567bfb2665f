import { localDate, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';

/**
 * The English school year runs 1 September to 31 August; a child's year group is fixed by their age
 * on 31 August before the school year starts (Reception: 4 on that day; Year 7: 11; Year 12: 16).
 */
export const RECEPTION_AGE = 4;

/** Age in whole years on a given day; the birthday counts on the day itself. */
export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  const b = toYearMonthDay(dateOfBirth);
  const d = toYearMonthDay(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** Age on 31 August of the given year: what decides the year group for the school year starting that September. */
export function ageOn31August(dateOfBirth: LocalDate, year: number): number {
  return ageOn(dateOfBirth, localDate(year, 8, 31));
}

/** The calendar year in which the school year containing `date` began (1 September). */
export function schoolYearStart(date: LocalDate): number {
  const { year, month } = toYearMonthDay(date);
  return month >= 9 ? year : year - 1;
}

/** National curriculum year group in the school year starting September `year`: 0 is Reception, negative is early years. */
export function yearGroup(dateOfBirth: LocalDate, schoolYearStarting: number): number {
  return ageOn31August(dateOfBirth, schoolYearStarting) - RECEPTION_AGE;
}

export function yearGroupName(group: number): string {
  if (group < 0) return 'Early years';
  if (group === 0) return 'Reception';
  return `Year ${group}`;
}

/**
 * The next transfer year: phase transfers happen in September, so until 31 August it is this
 * calendar year; from 1 September it is the next.
 */
export function nextTransferYear(today: LocalDate): number {
  return schoolYearStart(today) + 1;
}
