import { inclusiveDays, overlapOf, yearPeriod } from './financial-year.ts';
import { dsgTrajectory, type CostBasis, type ForecastYear, type Places } from './dsg-forecast.ts';

/**
 * What-if scenarios, each a change to where children are placed, applied to the baseline's places
 * year by year. A scenario never changes how many children have plans: it moves places between
 * lines, and the cost follows from the lines' costs per place. That is what the property tests check.
 */
export type ScenarioChange =
  /** n more children a year placed in mainstream rather than a special school (cumulative: n, 2n, …). */
  | { kind: 'more-mainstream'; childrenPerYear: number }
  /** This share of independent placements made in the council's own special schools instead. */
  | { kind: 'fewer-independent'; percent: number }
  /** Stays in alternative provision this much shorter, so that share of AP places is back in mainstream. */
  | { kind: 'faster-ap-returns'; percent: number }
  /** A new maintained special school: its places taken by children who would otherwise go independent. */
  | { kind: 'new-special-school'; places: number; opensOn: string };
export type ScenarioKind = ScenarioChange['kind'];

export const SCENARIO_KIND_NAMES: Record<ScenarioKind, string> = {
  'more-mainstream': 'More children in mainstream',
  'fewer-independent': 'Fewer independent placements',
  'faster-ap-returns': 'Faster returns from alternative provision',
  'new-special-school': 'A new special school',
};

export interface Scenario { id: string; name: string; change: ScenarioChange }

export function describeChange(c: ScenarioChange): string {
  switch (c.kind) {
    case 'more-mainstream': return `${c.childrenPerYear} more children a year in mainstream instead of special schools`;
    case 'fewer-independent': return `${c.percent}% of independent placements made in the council’s own special schools`;
    case 'faster-ap-returns': return `Stays in alternative provision ${c.percent}% shorter; those children back in mainstream`;
    case 'new-special-school': return `A ${c.places}-place special school opening on ${c.opensOn}, filled from independent placements`;
  }
}

/** Moves up to `amount` places from `from` lines (in proportion to their size) to `to`; returns what moved. */
function move(places: Places, from: ReadonlyArray<keyof Places>, to: keyof Places, amount: number): number {
  const available = from.reduce((a, l) => a + places[l], 0);
  const moved = Math.max(0, Math.min(amount, available));
  if (moved === 0) return 0;
  for (const l of from) places[l] -= (moved * places[l]) / available;
  places[to] += moved;
  return moved;
}

/** Share of a financial year on or after a date: 1 for later years, 0 for earlier ones. */
export function shareOfYearFrom(year: number, day: string): number {
  const fy = yearPeriod(year);
  const open = overlapOf(fy, { from: day, to: null });
  return open ? inclusiveDays(open) / inclusiveDays(fy) : 0;
}

export function applyChange(change: ScenarioChange, rows: ReadonlyArray<{ year: number; plans: number; places: Places }>): Array<{ year: number; plans: number; places: Places; moved: number }> {
  return [...rows].sort((a, b) => a.year - b.year).map((r, k) => {
    const places = { ...r.places };
    let moved = 0;
    switch (change.kind) {
      case 'more-mainstream':
        moved = move(places, ['maintained-special', 'academy-special'], 'mainstream-top-up', change.childrenPerYear * (k + 1));
        break;
      case 'fewer-independent':
        moved = move(places, ['independent-special'], 'maintained-special', (places['independent-special'] * change.percent) / 100);
        break;
      case 'faster-ap-returns':
        moved = move(places, ['alternative-provision'], 'mainstream-top-up', (places['alternative-provision'] * change.percent) / 100);
        break;
      case 'new-special-school':
        moved = move(places, ['independent-special'], 'maintained-special', change.places * shareOfYearFrom(r.year, change.opensOn));
        break;
    }
    return { year: r.year, plans: r.plans, places, moved };
  });
}

export interface Target { year: number; cumulativePence: number; programme: 'safety-valve' | 'dbv' }
export interface ScenarioResult {
  id: string; name: string; description: string; years: Array<ForecastYear & { moved: number; target: Target | null; meetsTarget: boolean | null }>;
  /** Cumulative position at the end of the last year, against the baseline's (positive is better). */
  savingPence: number;
}

export function runScenarios(basis: CostBasis, baseline: ReadonlyArray<{ year: number; plans: number; places: Places }>, scenarios: readonly Scenario[], targets: readonly Target[]): { baseline: ScenarioResult; scenarios: ScenarioResult[] } {
  const withTargets = (years: ForecastYear[], moved: number[]) => years.map((y, i) => {
    const target = targets.find((t) => t.year === y.year) ?? null;
    return { ...y, moved: moved[i] ?? 0, target, meetsTarget: target ? y.cumulativePence >= target.cumulativePence : null };
  });
  const baseYears = withTargets(dsgTrajectory(basis, baseline), []);
  const baseEnd = baseYears.at(-1)?.cumulativePence ?? 0;
  return {
    baseline: { id: 'baseline', name: 'Baseline', description: 'Current trends continue', years: baseYears, savingPence: 0 },
    scenarios: scenarios.map((s) => {
      const changed = applyChange(s.change, baseline);
      const years = withTargets(dsgTrajectory(basis, changed), changed.map((c) => c.moved));
      return { id: s.id, name: s.name, description: describeChange(s.change), years, savingPence: (years.at(-1)?.cumulativePence ?? 0) - baseEnd };
    }),
  };
}
