import { addDays, daysFromCivil, formatIsoDate, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';

/** Time series run by calendar month, quarter or year (DfE flows are calendar years). */
export type Granularity = 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['month', 'quarter', 'year'];

export interface Period {
  /** '2024', '2024-Q1' or '2024-01' for a series; 'YYYY-MM-DD/YYYY-MM-DD' for a chosen range. */
  key: string;
  label: string;
  from: LocalDate;
  to: LocalDate;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function periodStarting(granularity: Granularity, year: number, index: number): Period {
  if (granularity === 'year') return { key: String(year), label: String(year), from: daysFromCivil(year, 1, 1), to: daysFromCivil(year, 12, 31) };
  if (granularity === 'quarter') {
    const m = index * 3 + 1;
    const next = m + 3 > 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, m + 3, 1);
    return { key: `${year}-Q${index + 1}`, label: `${MONTHS[m - 1]} to ${MONTHS[m + 1]} ${year}`, from: daysFromCivil(year, m, 1), to: addDays(next, -1) };
  }
  const next = index === 11 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, index + 2, 1);
  return { key: `${year}-${String(index + 1).padStart(2, '0')}`, label: `${MONTHS[index]} ${year}`, from: daysFromCivil(year, index + 1, 1), to: addDays(next, -1) };
}

/** The periods of a series that overlap [from, to], oldest first. The last may be incomplete. */
export function periodsBetween(granularity: Granularity, from: LocalDate, to: LocalDate): Period[] {
  const start = toYearMonthDay(from);
  const out: Period[] = [];
  let year = start.year;
  let index = granularity === 'year' ? 0 : granularity === 'quarter' ? Math.floor((start.month - 1) / 3) : start.month - 1;
  const perYear = granularity === 'year' ? 1 : granularity === 'quarter' ? 4 : 12;
  for (;;) {
    const p = periodStarting(granularity, year, index);
    if (p.from > to) break;
    out.push(p);
    index += 1;
    if (index === perYear) {
      index = 0;
      year += 1;
    }
  }
  return out;
}

export function rangePeriod(from: LocalDate, to: LocalDate): Period {
  const key = `${formatIsoDate(from)}/${formatIsoDate(to)}`;
  return { key, label: key, from, to };
}

export function isGranularity(value: unknown): value is Granularity {
  return typeof value === 'string' && (GRANULARITIES as readonly string[]).includes(value);
}
