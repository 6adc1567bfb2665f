/**
 * Councils budget high-needs money by financial year, 1 April to 31 March. A year is named by the
 * calendar year it starts in (2026 is 2026-27). Dates are 'YYYY-MM-DD' strings; no time zones.
 */
export interface Period { from: string; to: string }

const DAY = 86_400_000;
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);

export function financialYearOf(day: string): number {
  const y = Number(day.slice(0, 4));
  return day.slice(5) >= '04-01' ? y : y - 1;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

export function yearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Days from `from` to `to`, both included. */
export function inclusiveDays(p: Period): number {
  return Math.round((ms(p.to) - ms(p.from)) / DAY) + 1;
}

export function overlapOf(a: Period, b: { from: string; to: string | null }): Period | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = b.to === null || a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : undefined;
}

export function addDaysIso(d: string, n: number): string {
  return new Date(ms(d) + n * DAY).toISOString().slice(0, 10);
}

/** Whole years of age on a day (birthdays on 29 February count from 1 March in other years). */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}
