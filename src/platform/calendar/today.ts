import { parseLocalDate, type LocalDate } from './local-date.ts';

/**
 * Today's date in England. The domain never reads the clock; the edges (CLI, web) call this once
 * per request and pass the date in.
 */
export function todayInEngland(now: Date): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parseLocalDate(parts);
}
