import { ageOn, financialYearOf, yearPeriod } from './financial-year.ts';

/**
 * A council's plan history as yearly figures, the demand model's input. Built from each plan's
 * spell (issued on, ended on) and each request's date. Ages are on 31 March, the end of the
 * financial year; plans run to 25, so ages 0–25 are kept.
 */
export const MAX_AGE = 25;
export const AGES = Array.from({ length: MAX_AGE + 1 }, (_, a) => a);

export interface PlanSpell { dateOfBirth: string; startsOn: string; endsOn: string | null }

export interface YearStats {
  year: number;
  requests: number;
  /** Plans issued in the year, by age on the year's last day. */
  newByAge: number[];
  /** Plans in force on the year's last day, by age then. */
  stockByAge: number[];
  /** Plans in force at the end of the previous year that ended during this one, by age at the previous year's end. */
  ceasedByAge: number[];
}

const zeros = (): number[] => AGES.map(() => 0);
export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const inForceOn = (s: PlanSpell, day: string): boolean => s.startsOn <= day && (s.endsOn === null || s.endsOn > day);

/** Yearly figures for every complete financial year from `fromYear` to `toYear` inclusive. */
export function yearStatsFrom(spells: readonly PlanSpell[], requestDates: readonly string[], fromYear: number, toYear: number): YearStats[] {
  const out: YearStats[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const end = yearPeriod(year).to, prevEnd = yearPeriod(year - 1).to;
    const s: YearStats = { year, requests: 0, newByAge: zeros(), stockByAge: zeros(), ceasedByAge: zeros() };
    for (const d of requestDates) if (financialYearOf(d) === year) s.requests += 1;
    for (const p of spells) {
      const ageEnd = ageOn(p.dateOfBirth, end);
      if (financialYearOf(p.startsOn) === year && ageEnd >= 0 && ageEnd <= MAX_AGE) s.newByAge[ageEnd]! += 1;
      if (inForceOn(p, end) && ageEnd >= 0 && ageEnd <= MAX_AGE) s.stockByAge[ageEnd]! += 1;
      const agePrev = ageOn(p.dateOfBirth, prevEnd);
      if (inForceOn(p, prevEnd) && !inForceOn(p, end) && agePrev >= 0 && agePrev <= MAX_AGE) s.ceasedByAge[agePrev]! += 1;
    }
    out.push(s);
  }
  return out;
}
