import { formatIsoDate, parseLocalDate, toYearMonthDay, daysFromCivil, type LocalDate } from '../../../platform/calendar/index.ts';

/** Days since 1970-01-01; plain numbers keep the generator's arithmetic simple and exact. */
export type Day = number;

export function toDay(iso: string): Day {
  return parseLocalDate(iso) as number;
}

export function isoOf(day: Day): string {
  return formatIsoDate(day as LocalDate);
}

/** The most recent 1 September on or before `day`, `yearsBack` school years earlier. */
export function septemberBefore(day: Day, yearsBack: number): Day {
  const { year, month } = toYearMonthDay(day as LocalDate);
  const schoolYear = month >= 9 ? year : year - 1;
  return daysFromCivil(schoolYear - yearsBack, 9, 1) as number;
}
