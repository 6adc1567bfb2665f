import { formatIsoDate, localDate, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';

/** A calendar quarter: the board meets quarterly, so the scorecard's period is a quarter. */
export interface Quarter { key: string; label: string; from: LocalDate; to: LocalDate; fromIso: string; toIso: string }

const MONTHS = ['January to March', 'April to June', 'July to September', 'October to December'];

export function quarter(year: number, q: number): Quarter {
  const from = localDate(year, (q - 1) * 3 + 1, 1);
  const to = (q === 4 ? localDate(year + 1, 1, 1) - 1 : localDate(year, q * 3 + 1, 1) - 1) as LocalDate;
  return { key: `${year}-Q${q}`, label: `${MONTHS[q - 1]} ${year}`, from, to, fromIso: formatIsoDate(from), toIso: formatIsoDate(to) };
}

export function quarterOf(day: LocalDate): Quarter {
  const { year, month } = toYearMonthDay(day);
  return quarter(year, Math.floor((month - 1) / 3) + 1);
}

/** "2026-Q3" → the quarter, or undefined for anything else (a bad query string is not an error page). */
export function parseQuarter(key: string): Quarter | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 2014 && year <= 2100 ? quarter(year, Number(m[2])) : undefined;
}

/** The n quarters up to and including the one containing `today`, oldest first. */
export function recentQuarters(today: LocalDate, n: number): Quarter[] {
  const out: Quarter[] = [];
  let q = quarterOf(today);
  for (let i = 0; i < n; i++) {
    out.unshift(q);
    q = quarterOf((q.from - 1) as LocalDate);
  }
  return out;
}
