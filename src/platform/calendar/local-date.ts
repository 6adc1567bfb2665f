/**
 * A date without a time or a time zone, held as an integer: the number of days since 1970-01-01
 * (the "epoch day"). Statutory periods are counted in whole days, so an integer is the honest
 * representation, and it is fast: adding days is integer addition and nothing is allocated.
 *
 * The brand stops a plain number (a count of days, a year) being passed where a date is meant.
 * Conversions use Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
 */
export type LocalDate = number & { readonly __localDate: unique symbol };

/** Thrown when text is not a real calendar date. The message names what is wrong. */
export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`month must be 1 to 12, got ${month}`);
  return name;
}

/** The date for a year, month (1–12) and day. Throws InvalidDateError for an impossible date. */
export function localDate(year: number, month: number, day: number): LocalDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new InvalidDateError(`year ${year} is not a year from 1 to 9999`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new InvalidDateError(`month ${month} is not a month from 1 to 12`);
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > last) {
    throw new InvalidDateError(`day ${day} is not a day of ${monthName(month)} ${year}, which has ${last} days`);
  }
  return daysFromCivil(year, month, day);
}

/** Epoch day from a year, month and day already known to be valid. No checks: the hot path. */
export function daysFromCivil(year: number, month: number, day: number): LocalDate {
  // Years 1 to 9999 only (as localDate enforces): y >= 0, so `| 0` truncation is the floor.
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = (((153 * mp + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return (era * 146097 + doe - 719468) as LocalDate;
}

// Civil-from-days, split out for the formatting paths (which allocate anyway); addMonths inlines it.
function civilParts(date: LocalDate): [doy: number, mp: number, yearOfMarchYear: number] {
  const z = date + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return [doy, mp, yoe + era * 400];
}

/** The calendar year of a date, without allocating (used on hot paths). */
export function yearOf(date: LocalDate): number {
  // `| 0` is the floor here because every value is non-negative for years 1 to 9999 (see addMonths).
  const z = date + 719468;
  const era = (z / 146097) | 0;
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  return yoe + era * 400 + (doy >= 306 ? 1 : 0); // doy counts from 1 March; 306 is 1 January
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function toYearMonthDay(date: LocalDate): YearMonthDay {
  const [doy, mp, y] = civilParts(date);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? y + 1 : y, month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses 'YYYY-MM-DD' strictly: the shape first, then the calendar (so 2025-02-30 is refused with
 * "day 30 is not a day of February 2025, which has 28 days", not rolled over to 2 March).
 */
export function parseLocalDate(text: string): LocalDate {
  const m = ISO_DATE.exec(text);
  if (!m) throw new InvalidDateError(`"${text}" is not a date in the form YYYY-MM-DD`);
  try {
    return localDate(Number(m[1]), Number(m[2]), Number(m[3]));
  } catch (error) {
    if (error instanceof InvalidDateError) throw new InvalidDateError(`${text} is not a real date: ${error.message}`);
    throw error;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD'. */
export function formatIsoDate(date: LocalDate): string {
  const { year, month, day } = toYearMonthDay(date);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** GOV.UK style: '26 May 2025'. */
export function formatLongDate(date: LocalDate): string {
  const { year, month, day } = toYearMonthDay(date);
  return `${day} ${monthName(month)} ${year}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return (date + days) as LocalDate;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return b - a;
}

/**
 * The corresponding-date rule: the same day number `months` later, or the last day of that month
 * when it has no such day (31 December + 2 months → 28 or 29 February). Negative `months` count back.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  // Inlined civil-from-days (see civilParts) so the hot path allocates nothing. All intermediate
  // values are non-negative for years 1 to 9999, so `| 0` truncation is the floor and keeps the
  // arithmetic in small integers (several times faster than Math.floor on doubles).
  const z = date + 719468;
  const era = (z / 146097) | 0;
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const day = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const month0 = mp < 10 ? mp + 2 : mp - 10; // 0-based calendar month
  const year = yoe + era * 400 + (mp >= 10 ? 1 : 0);
  const total = year * 12 + month0 + months;
  const newYear = (total / 12) | 0;
  const newMonth = total - newYear * 12 + 1;
  const last = daysInMonth(newYear, newMonth);
  return daysFromCivil(newYear, newMonth, day > last ? last : day);
}

/** ISO weekday: 1 Monday … 7 Sunday. 1970-01-01 (epoch day 0) was a Thursday. */
export function isoWeekday(date: LocalDate): number {
  return ((((date + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Easter Sunday (Gregorian, the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

export function goodFriday(year: number): LocalDate {
  return (easterSunday(year) - 2) as LocalDate;
}
