import { InvalidDateError, parseLocalDate, toYearMonthDay, type LocalDate } from './local-date.ts';

/**
 * The GOV.UK bank holidays feed (https://www.gov.uk/bank-holidays.json), England & Wales division.
 * Validation is strict because a missing holiday silently moves a statutory deadline by a day.
 */
export interface BankHolidayEvent {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}

export interface BankHolidayFeed {
  'england-and-wales': { division: 'england-and-wales'; events: BankHolidayEvent[] };
  [division: string]: { division: string; events: BankHolidayEvent[] };
}

/** A feed that cannot be trusted; the message names the first problem found. */
export class BankHolidayFeedError extends Error {
  override name = 'BankHolidayFeedError';
}

export interface ValidatedHolidays {
  events: BankHolidayEvent[];
  /** Parsed dates, same order as events (ascending). */
  dates: LocalDate[];
  firstYear: number;
  lastYear: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the England & Wales division of a parsed feed and returns its events in date order.
 * The years covered are those from the first event's year to the last event's year, and every one
 * of them must have a January holiday (New Year's Day or its substitute) and a December one
 * (Christmas/Boxing Day): a year with either missing is a partial year and is refused, because the
 * calendar would otherwise claim to know about days it does not.
 */
export function validateBankHolidayFeed(feed: unknown): ValidatedHolidays {
  if (!isRecord(feed)) throw new BankHolidayFeedError('the feed is not a JSON object');
  const division = feed['england-and-wales'];
  if (!isRecord(division)) throw new BankHolidayFeedError('the feed has no "england-and-wales" division');
  if (division.division !== 'england-and-wales') {
    throw new BankHolidayFeedError('"england-and-wales".division must be "england-and-wales"');
  }
  const rawEvents = division.events;
  if (!Array.isArray(rawEvents) || rawEvents.length === 0) {
    throw new BankHolidayFeedError('"england-and-wales".events must be a non-empty array');
  }
  const parsed: { event: BankHolidayEvent; date: LocalDate }[] = [];
  rawEvents.forEach((raw: unknown, index) => {
    const where = `"england-and-wales".events[${index}]`;
    if (!isRecord(raw)) throw new BankHolidayFeedError(`${where} is not an object`);
    const { title, date, notes, bunting } = raw;
    if (typeof title !== 'string' || title.trim() === '') throw new BankHolidayFeedError(`${where}.title must be a non-empty string`);
    if (typeof date !== 'string') throw new BankHolidayFeedError(`${where}.date must be a string YYYY-MM-DD`);
    let parsedDate: LocalDate;
    try {
      parsedDate = parseLocalDate(date);
    } catch (error) {
      if (error instanceof InvalidDateError) throw new BankHolidayFeedError(`${where}.date: ${error.message}`);
      throw error;
    }
    if (typeof notes !== 'string') throw new BankHolidayFeedError(`${where}.notes must be a string`);
    if (typeof bunting !== 'boolean') throw new BankHolidayFeedError(`${where}.bunting must be true or false`);
    parsed.push({ event: { title, date, notes, bunting }, date: parsedDate });
  });
  parsed.sort((a, b) => a.date - b.date);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]!.date === parsed[i - 1]!.date) {
      throw new BankHolidayFeedError(`${parsed[i]!.event.date} appears twice in "england-and-wales".events`);
    }
  }
  const firstYear = toYearMonthDay(parsed[0]!.date).year;
  const lastYear = toYearMonthDay(parsed[parsed.length - 1]!.date).year;
  const months = new Set(parsed.map((p) => p.event.date.slice(0, 7)));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const [month, what] of [['01', 'New Year'], ['12', 'Christmas']] as const) {
      if (!months.has(`${year}-${month}`)) {
        throw new BankHolidayFeedError(`${year} looks incomplete: it has no ${what} holiday in the feed`);
      }
    }
  }
  return { events: parsed.map((p) => p.event), dates: parsed.map((p) => p.date), firstYear, lastYear };
}

/**
 * Merges a newer feed into an older one year by year: for each year the newer feed covers, its
 * events replace the older file's; other years are kept. GOV.UK's live feed only covers a few
 * years, so replacing the whole file would throw away the earlier history (needed for old cases)
 * and any later years already known.
 */
export function mergeBankHolidayFeeds(older: ValidatedHolidays | undefined, newer: ValidatedHolidays): BankHolidayFeed {
  const kept = (older?.events ?? []).filter((event) => {
    const year = Number(event.date.slice(0, 4));
    return year < newer.firstYear || year > newer.lastYear;
  });
  const events = [...kept, ...newer.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { 'england-and-wales': { division: 'england-and-wales', events } };
}
