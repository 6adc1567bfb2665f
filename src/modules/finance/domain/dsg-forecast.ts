import { sum } from './demand-history.ts';
import { bandOf, type DemandYear } from './demand-model.ts';
import type { Mix } from './demand-mix.ts';
import { LINES, type Line } from './money-lines.ts';

/**
 * From plans to money: places on each line = plans at each age × that age band's line shares;
 * spend = places × the line's tariff, inflated from the base year; personal budgets are a cost per
 * plan. Income is the high-needs allocation growing at the assumed rate. The in-year position is
 * income minus spend; the cumulative position adds it to what was brought forward.
 */
export type Places = Record<Line, number>;

export interface CostBasis {
  /** The first forecast year (the current financial year); its costs are at today's tariffs. */
  baseYear: number;
  tariffPence: Record<Line, number>;
  personalBudgetPerPlanPence: number;
  /** A year, as a fraction: 0.03 is 3%. */
  inflation: number;
  allocationPence: number;
  allocationGrowth: number;
  broughtForwardPence: number;
}

export interface ForecastYear {
  year: number; plans: number; places: Places; spendPence: number; incomePence: number; inYearPence: number; cumulativePence: number;
}

export function placesOf(d: DemandYear, mix: Mix): Places {
  const out = Object.fromEntries(LINES.map((l) => [l, 0])) as Places;
  d.byAge.forEach((n, age) => {
    const shares = mix.lineShares[bandOf(age)];
    if (!shares) return;
    for (const l of LINES) out[l] += n * shares[l];
  });
  return out;
}

/** Cost of one place on a line in a year: the tariff, inflated from the base year. */
export function costPerPlace(basis: CostBasis, line: Line, year: number): number {
  return basis.tariffPence[line] * (1 + basis.inflation) ** (year - basis.baseYear);
}

export function spendOf(basis: CostBasis, year: number, plans: number, places: Places): number {
  const placesPence = LINES.reduce((a, l) => a + places[l] * costPerPlace(basis, l, year), 0);
  return Math.round(placesPence + plans * basis.personalBudgetPerPlanPence * (1 + basis.inflation) ** (year - basis.baseYear));
}

/** The DSG position year by year for a series of (plans, places). */
export function dsgTrajectory(basis: CostBasis, rows: ReadonlyArray<{ year: number; plans: number; places: Places }>): ForecastYear[] {
  let cumulative = basis.broughtForwardPence;
  return [...rows].sort((a, b) => a.year - b.year).map((r) => {
    const spendPence = spendOf(basis, r.year, r.plans, r.places);
    const incomePence = Math.round(basis.allocationPence * (1 + basis.allocationGrowth) ** (r.year - basis.baseYear));
    const inYearPence = incomePence - spendPence;
    cumulative += inYearPence;
    return { year: r.year, plans: r.plans, places: r.places, spendPence, incomePence, inYearPence, cumulativePence: cumulative };
  });
}

export function baselineRows(demand: readonly DemandYear[], mix: Mix): Array<{ year: number; plans: number; places: Places }> {
  return demand.map((d) => ({ year: d.year, plans: d.plans, places: placesOf(d, mix) }));
}

export const totalPlaces = (p: Places): number => sum(LINES.map((l) => p[l]));
