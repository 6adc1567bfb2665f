import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dsgTrajectory, costPerPlace, totalPlaces, type CostBasis, type Places } from './dsg-forecast.ts';
import { LINES, type Line } from './money-lines.ts';
import { applyChange, runScenarios, shareOfYearFrom, type ScenarioChange } from './scenarios.ts';
import { placeGap, capacityByPhase } from './place-gap.ts';
import type { Mix } from './demand-mix.ts';

const basis: CostBasis = {
  baseYear: 2026, personalBudgetPerPlanPence: 10_000, inflation: 0.03, allocationPence: 5_000_000_000, allocationGrowth: 0.02, broughtForwardPence: -1_000_000_000,
  tariffPence: { 'mainstream-top-up': 700_000, 'resourced-provision': 1_600_000, 'maintained-special': 2_400_000, 'academy-special': 2_600_000, 'independent-special': 6_200_000,
    'alternative-provision': 2_000_000, 'post-16': 900_000, 'out-of-area': 3_000_000, 'personal-budgets': 0 },
};

const placesArb = fc.record(Object.fromEntries(LINES.map((l) => [l, l === 'personal-budgets' ? fc.constant(0) : fc.double({ min: 0, max: 2000, noNaN: true })])) as Record<Line, fc.Arbitrary<number>>);
const rowsArb = fc.array(placesArb, { minLength: 1, maxLength: 5 }).map((ps) => ps.map((p, i) => ({ year: 2026 + i, plans: totalPlaces(p as Places) + 10, places: p as Places })));
const changeArb: fc.Arbitrary<ScenarioChange> = fc.oneof(
  fc.record({ kind: fc.constant('more-mainstream' as const), childrenPerYear: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('fewer-independent' as const), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('faster-ap-returns' as const), percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('new-special-school' as const), places: fc.integer({ min: 1, max: 300 }), opensOn: fc.constantFrom('2026-09-01', '2027-04-01', '2029-01-01') }),
);
const FROM_TO: Record<ScenarioChange['kind'], { from: Line[]; to: Line }> = {
  'more-mainstream': { from: ['maintained-special', 'academy-special'], to: 'mainstream-top-up' },
  'fewer-independent': { from: ['independent-special'], to: 'maintained-special' },
  'faster-ap-returns': { from: ['alternative-provision'], to: 'mainstream-top-up' },
  'new-special-school': { from: ['independent-special'], to: 'maintained-special' },
};

describe('scenarios change exactly what they say', () => {
  it('keep every child: plans and total places unchanged; only the stated lines move, by the amount moved', () => {
    fc.assert(fc.property(rowsArb, changeArb, (rows, change) => {
      const out = applyChange(change, rows);
      const { from, to } = FROM_TO[change.kind];
      out.forEach((o, i) => {
        const r = rows[i]!;
        expect(o.plans).toBe(r.plans);
        expect(totalPlaces(o.places)).toBeCloseTo(totalPlaces(r.places), 6);
        for (const l of LINES) if (l !== to && !from.includes(l)) expect(o.places[l]).toBe(r.places[l]);
        expect(o.places[to] - r.places[to]).toBeCloseTo(o.moved, 6);
        expect(from.reduce((a, l) => a + r.places[l] - o.places[l], 0)).toBeCloseTo(o.moved, 6);
        for (const l of from) expect(o.places[l]).toBeGreaterThanOrEqual(-1e-9);
        expect(o.moved).toBeGreaterThanOrEqual(0);
      });
    }));
  });

  it('change the cost by exactly the places moved × the difference in cost per place', () => {
    fc.assert(fc.property(rowsArb, changeArb, (rows, change) => {
      const base = dsgTrajectory(basis, rows), changed = applyChange(change, rows), after = dsgTrajectory(basis, changed);
      const { from, to } = FROM_TO[change.kind];
      after.forEach((a, i) => {
        const delta = LINES.reduce((acc, l) => acc + (changed[i]!.places[l] - rows[i]!.places[l]) * costPerPlace(basis, l, a.year), 0);
        expect(Math.abs(a.spendPence - base[i]!.spendPence - delta)).toBeLessThanOrEqual(1);
        expect(a.incomePence).toBe(base[i]!.incomePence);
        if (from.every((l) => costPerPlace(basis, l, a.year) >= costPerPlace(basis, to, a.year))) expect(a.spendPence).toBeLessThanOrEqual(base[i]!.spendPence + 1);
      });
    }));
  });

  it('a new school moves nothing before it opens and part of a year in the year it opens', () => {
    const rows = [2026, 2027, 2028].map((year) => ({ year, plans: 500, places: { ...Object.fromEntries(LINES.map((l) => [l, 0])), 'independent-special': 100 } as Places }));
    const out = applyChange({ kind: 'new-special-school', places: 60, opensOn: '2027-09-01' }, rows);
    expect(out.map((o) => o.moved)).toEqual([0, 60 * shareOfYearFrom(2027, '2027-09-01'), 60]);
    expect(shareOfYearFrom(2027, '2027-09-01')).toBeCloseTo(213 / 366, 10); // 1 Sep 2027–31 Mar 2028 is 213 days; 2027-28 has 366 (29 February 2028).
  });

  it('tracks targets: met when the cumulative position is at or above the target', () => {
    const rows = [{ year: 2026, plans: 100, places: { ...Object.fromEntries(LINES.map((l) => [l, 0])), 'independent-special': 100 } as Places }];
    const r = runScenarios(basis, rows, [{ id: 's', name: 'S', change: { kind: 'fewer-independent', percent: 50 } }], [{ year: 2026, cumulativePence: 3_300_000_000, programme: 'safety-valve' }]);
    // Baseline: income 5,000,000,000 − spend (100 × 6,200,000 + 100 × 10,000) = 4,379,000,000; cumulative 3,379,000,000.
    expect(r.baseline.years[0]!.cumulativePence).toBe(3_379_000_000);
    expect(r.baseline.years[0]!.meetsTarget).toBe(true);
    // Scenario: 50 places at 2,400,000 instead of 6,200,000 saves 190,000,000.
    expect(r.scenarios[0]!.savingPence).toBe(190_000_000);
  });
});

describe('place gap', () => {
  it('spreads a setting over the phases of its ages and compares demand with capacity, counting projects from the year they open', () => {
    expect(capacityByPhase({ places: 100, ageFrom: 4, ageTo: 11, needs: [] })).toEqual({ 'early-years': 12.5, primary: 75, secondary: 12.5, 'post-16': 0 });
    const mix: Mix = {
      lineShares: Array.from({ length: 5 }, () => ({ ...Object.fromEntries(LINES.map((l) => [l, 0])), 'maintained-special': 0.5, 'mainstream-top-up': 0.5 }) as Record<Line, number>),
      needShares: Array.from({ length: 5 }, () => ({ ASD: 1 })),
    };
    const byAge = Array.from({ length: 26 }, (_, a) => (a >= 5 && a <= 10 ? 10 : 0)); // 60 primary plans: 30 specialist.
    const demand = [2026, 2027].map((year) => ({ year, requests: 0, newPlans: 0, ceased: 0, plans: 60, byAge }));
    const gap = placeGap(demand, mix, [{ places: 12, ageFrom: 5, ageTo: 10, needs: ['ASD'] }, { places: 6, ageFrom: 5, ageTo: 10, needs: [], opensOn: '2027-09-01' }]);
    const primary = gap.filter((g) => g.phase === 'primary');
    expect(primary.map((g) => [g.year, g.demand, g.capacity, g.gap])).toEqual([[2026, 30, 12, 18], [2027, 30, 18, 12]]);
    expect(primary[0]!.demandByNeed).toEqual({ ASD: 30 });
  });
});
