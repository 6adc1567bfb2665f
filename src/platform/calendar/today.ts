import { parseLocalDate, type LocalDate } from './local-date.ts';

/**
 * Today's date in England. The domain never reads the clock; the edges (CLI, web) call this once
 * per request and pass the date in.
 */
// Building an Intl.DateTimeFormat costs far more than using one (it loads time-zone data), and
// pages call this on every request: one formatter for the process.
const ENGLAND = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInEngland(now: Date): LocalDate {
  return parseLocalDate(ENGLAND.format(now));
}

/** Today in England as 'YYYY-MM-DD', for edges that pass the date on as text. */
export function todayIsoInEngland(now: Date = new Date()): string {
  return ENGLAND.format(now);
}
