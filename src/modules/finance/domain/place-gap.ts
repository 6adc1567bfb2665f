import { bandOf, type DemandYear } from './demand-model.ts';
import type { Mix } from './demand-mix.ts';
import { SPECIALIST_LINES } from './money-lines.ts';
import { financialYearOf } from './financial-year.ts';

/**
 * Place planning: forecast demand for specialist places (resourced provision, special schools,
 * independent special) by phase and primary need, against the council's own specialist capacity
 * (commissioned places in its area, plus capital projects from the year they open). Demand met
 * today by independent schools counts as demand: a gap is places the council would need to build.
 */
export const PHASES = ['early-years', 'primary', 'secondary', 'post-16'] as const;
export type PlanningPhase = (typeof PHASES)[number];
export const PHASE_NAMES: Record<PlanningPhase, string> = { 'early-years': 'Early years (0 to 4)', primary: 'Primary (5 to 10)', secondary: 'Secondary (11 to 15)', 'post-16': 'Post-16 (16 to 25)' };
const PHASE_AGES: Record<PlanningPhase, [number, number]> = { 'early-years': [0, 4], primary: [5, 10], secondary: [11, 15], 'post-16': [16, 25] };

export const phaseOfAge = (age: number): PlanningPhase => (PHASES.find((p) => age >= PHASE_AGES[p][0] && age <= PHASE_AGES[p][1]) ?? 'post-16');

export interface CapacitySource { places: number; ageFrom: number; ageTo: number; needs: readonly string[]; opensOn?: string }

/** A setting's places spread over the phases its age range covers, in proportion to the years of age. */
export function capacityByPhase(s: CapacitySource): Record<PlanningPhase, number> {
  const from = Math.max(0, s.ageFrom), to = Math.min(25, Math.max(s.ageFrom, s.ageTo));
  const span = to - from + 1;
  return Object.fromEntries(PHASES.map((p) => {
    const [a, b] = PHASE_AGES[p];
    const years = Math.max(0, Math.min(b, to) - Math.max(a, from) + 1);
    return [p, span > 0 ? (s.places * years) / span : 0];
  })) as Record<PlanningPhase, number>;
}

export interface GapRow { year: number; phase: PlanningPhase; demand: number; capacity: number; gap: number; demandByNeed: Record<string, number> }

export function placeGap(demand: readonly DemandYear[], mix: Mix, capacity: readonly CapacitySource[]): GapRow[] {
  const rows: GapRow[] = [];
  for (const d of demand) {
    const byPhase = new Map<PlanningPhase, { demand: number; byNeed: Record<string, number> }>(PHASES.map((p) => [p, { demand: 0, byNeed: {} }]));
    d.byAge.forEach((n, age) => {
      const b = bandOf(age);
      const specialist = SPECIALIST_LINES.reduce((a, l) => a + (mix.lineShares[b]?.[l] ?? 0), 0) * n;
      const row = byPhase.get(phaseOfAge(age))!;
      row.demand += specialist;
      for (const [need, share] of Object.entries(mix.needShares[b] ?? {})) row.byNeed[need] = (row.byNeed[need] ?? 0) + specialist * share;
    });
    const cap = new Map<PlanningPhase, number>(PHASES.map((p) => [p, 0]));
    for (const c of capacity) {
      if (c.opensOn && financialYearOf(c.opensOn) > d.year) continue;
      const split = capacityByPhase(c);
      for (const p of PHASES) cap.set(p, cap.get(p)! + split[p]);
    }
    for (const p of PHASES) {
      const r = byPhase.get(p)!;
      rows.push({ year: d.year, phase: p, demand: r.demand, capacity: cap.get(p)!, gap: r.demand - cap.get(p)!, demandByNeed: r.byNeed });
    }
  }
  return rows;
}
