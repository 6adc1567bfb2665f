// The calendar's public face: date-only values, the England & Wales working-day calendar, and
// loading/refreshing its bank holiday data.
export {
  InvalidDateError, addDays, addMonths, daysBetween, daysFromCivil, daysInMonth, easterSunday,
  formatIsoDate, formatLongDate, goodFriday, isLeapYear, isWeekend, isoWeekday, localDate,
  monthName, parseLocalDate, toYearMonthDay, yearOf,
} from './local-date.ts';
export type { LocalDate, YearMonthDay } from './local-date.ts';
export {
  BankHolidayFeedError, mergeBankHolidayFeeds, validateBankHolidayFeed,
} from './bank-holiday-feed.ts';
export type { BankHolidayEvent, BankHolidayFeed, ValidatedHolidays } from './bank-holiday-feed.ts';
export { BankHolidayCalendar, CalendarRangeError, bankHolidayCalendarFromFeed } from './working-day-calendar.ts';
export type { WorkingDayCalendar } from './working-day-calendar.ts';
export { BANK_HOLIDAY_FILE, loadEnglandAndWalesCalendar } from './load-bank-holidays.ts';
export { refreshBankHolidays } from './refresh-bank-holidays.ts';
export type { RefreshOptions, RefreshSummary } from './refresh-bank-holidays.ts';
export { todayInEngland, todayIsoInEngland } from './today.ts';
