import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankHolidayCalendarFromFeed, type BankHolidayCalendar } from './working-day-calendar.ts';

/** Where the England & Wales feed lives, relative to the project root. */
export const BANK_HOLIDAY_FILE = 'data/reference/bank-holidays/england-and-wales_2012-2028.json';

const cache = new Map<string, BankHolidayCalendar>();

/**
 * Reads and validates the repository's bank holiday file. Cached per path: the file changes only
 * through `opensend holidays refresh`, which writes a new file for the next process to read.
 */
export function loadEnglandAndWalesCalendar(projectRoot: string, file = BANK_HOLIDAY_FILE): BankHolidayCalendar {
  const path = join(projectRoot, file);
  const cached = cache.get(path);
  if (cached) return cached;
  const calendar = bankHolidayCalendarFromFeed(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  cache.set(path, calendar);
  return calendar;
}
