import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { budgetPosition, type BudgetPosition } from '../domain/budget-variance.ts';
import { committedByLine, tariffOn, type Tariff } from '../domain/committed-spend.ts';
import { sum, yearStatsFrom } from '../domain/demand-history.ts';
import { mixOf } from '../domain/demand-mix.ts';
import { backTest, fitDemand, projectDemand, type BackTest, type DemandYear } from '../domain/demand-model.ts';
import { baselineRows, type CostBasis } from '../domain/dsg-forecast.ts';
import { financialYearOf, yearLabel } from '../domain/financial-year.ts';
import { LINES, type Line } from '../domain/money-lines.ts';
import { placeGap, type GapRow } from '../domain/place-gap.ts';
import { runScenarios, type ScenarioResult, type Target } from '../domain/scenarios.ts';
import { loadActual, loadBudgetLines, loadCapitalProjects, loadScenarios, loadTargets, loadTariffs, loadYear, type CapitalProject, type FinanceYear } from '../infrastructure/finance.repository.ts';
import { placementDaysIn, plansInForceOn, planSpells, planYears, requestDates, specialistCapacity } from './finance-inputs.ts';

/** The first financial year EHC plans existed in (September 2014). History before it is not used. */
const FIRST_YEAR = 2014;
export const FORECAST_YEARS = 5;

/**
 * Everything the finance pages show, and what the planning module and the lead call: the budget
 * against committed and actual spend, the five-year forecast with its back-test error, the
 * scenarios against the baseline, and the place gap. Aggregates only: no child is named.
 * Stable shape: extend it, do not change it.
 */
export interface FinanceOverview {
  laCode: string;
  today: string;
  year: number;
  yearLabel: string;
  /** False when the year has no allocation recorded: the budget figures are then committed and actual only. */
  budgetSet: boolean;
  settings: FinanceYear | null;
  budget: BudgetPosition;
  tariffs: Tariff[];
  costPerPlanPence: number | null;
  plansInForce: number;
  forecast: {
    /** Complete past years the model was fitted to: requests, new plans, plans in force at 31 March. */
    history: Array<{ year: number; requests: number; newPlans: number; plans: number }>;
    demand: DemandYear[];
    model: { requestGrowth: number; conversion: number } | null;
    backTest: BackTest;
    assumptions: { inflation: number; allocationGrowth: number };
    baseline: ScenarioResult;
  };
  scenarios: ScenarioResult[];
  targets: Target[];
  capitalProjects: CapitalProject[];
  placeGap: GapRow[];
}

export async function financeOverview(db: Db, laCode: string, today: string): Promise<FinanceOverview> {
  return withTenant(db, { laCodes: [laCode] }, (tx) => overviewIn(tx, laCode, today));
}

/** The same, inside a transaction the caller already holds (the web routes use it). */
export async function overviewIn(tx: Tx, laCode: string, today: string): Promise<FinanceOverview> {
  const year = financialYearOf(today);
  const [settings, budgets, tariffs, actual, spells, requests, scenarios, targets, projects, capacity] = await Promise.all([
    loadYear(tx, laCode, year), loadBudgetLines(tx, laCode, year), loadTariffs(tx, laCode), loadActual(tx, laCode, year),
    planSpells(tx, laCode), requestDates(tx, laCode), loadScenarios(tx, laCode), loadTargets(tx, laCode), loadCapitalProjects(tx, laCode),
    specialistCapacity(tx, laCode),
  ]);
  const placements = await placementDaysIn(tx, laCode, year, spells);
  const committed = committedByLine(placements, tariffs, year);
  const budget = budgetPosition({ year, allocationPence: settings?.allocationPence ?? 0, broughtForwardPence: settings?.broughtForwardPence ?? 0, budgets, committed, actual });
  const inForce = await plansInForceOn(tx, laCode, today, spells);
  const averagePlans = planYears(spells, year);

  const firstYear = Math.max(FIRST_YEAR, Math.min(...spells.map((s) => financialYearOf(s.startsOn)), year));
  const history = firstYear <= year - 1 ? yearStatsFrom(spells, requests, firstYear, year - 1) : [];
  const model = history.length ? fitDemand(history, year - 1) : null;
  const demand = model ? projectDemand(model, FORECAST_YEARS) : [];
  const mix = mixOf(inForce);
  const pb = budget.lines.find((l) => l.line === 'personal-budgets')!;
  const basis: CostBasis = {
    baseYear: year,
    tariffPence: Object.fromEntries(LINES.map((l) => [l, tariffOn(tariffs, l, today)?.annualPence ?? 0])) as Record<Line, number>,
    personalBudgetPerPlanPence: inForce.length ? pb.outturnPence / inForce.length : 0,
    inflation: (settings?.inflationBp ?? 300) / 10_000,
    allocationPence: settings?.allocationPence ?? 0,
    allocationGrowth: (settings?.allocationGrowthBp ?? 300) / 10_000,
    broughtForwardPence: settings?.broughtForwardPence ?? 0,
  };
  const run = runScenarios(basis, baselineRows(demand, mix), scenarios, targets);
  const capacitySources = [
    ...capacity.map((c) => ({ places: c.places, ageFrom: c.ageFrom, ageTo: c.ageTo, needs: c.needs })),
    ...projects.map((p) => ({ places: p.places, ageFrom: p.ageFrom, ageTo: p.ageTo, needs: p.needs, opensOn: p.opensOn })),
  ];
  return {
    laCode, today, year, yearLabel: yearLabel(year), budgetSet: !!settings, settings: settings ?? null, budget, tariffs,
    costPerPlanPence: averagePlans > 0 ? Math.round(budget.totals.committedPence / averagePlans) : null,
    plansInForce: inForce.length,
    forecast: {
      history: history.map((h) => ({ year: h.year, requests: h.requests, newPlans: sum(h.newByAge), plans: sum(h.stockByAge) })),
      demand, model: model && { requestGrowth: model.requestGrowth, conversion: model.conversion }, backTest: backTest(history),
      assumptions: { inflation: basis.inflation, allocationGrowth: basis.allocationGrowth }, baseline: run.baseline,
    },
    scenarios: run.scenarios, targets, capitalProjects: projects, placeGap: placeGap(demand, mix, capacitySources),
  };
}

/**
 * Committed high-needs spend in a financial year divided by the plans in place over it (plan-years:
 * a plan in force for half the year counts a half). For insight's cost-per-plan indicator.
 */
export async function costPerPlan(db: Db, laCode: string, financialYear: number): Promise<{ committedPence: number; plans: number; costPerPlanPence: number | null }> {
  return (await costPerPlanForYears(db, laCode, [financialYear]))[0]!;
}

/** The same for several financial years, reading the council's plan history and tariffs once. */
export async function costPerPlanForYears(db: Db, laCode: string, financialYears: readonly number[]): Promise<Array<{ financialYear: number; committedPence: number; plans: number; costPerPlanPence: number | null }>> {
  return withTenant(db, { laCodes: [laCode] }, async (tx) => {
    const [tariffs, spells] = await Promise.all([loadTariffs(tx, laCode), planSpells(tx, laCode)]);
    const out = [];
    for (const financialYear of financialYears) {
      const committedPence = committedByLine(await placementDaysIn(tx, laCode, financialYear, spells), tariffs, financialYear).reduce((a, l) => a + l.pence, 0);
      const plans = planYears(spells, financialYear);
      out.push({ financialYear, committedPence, plans, costPerPlanPence: plans > 0 ? Math.round(committedPence / plans) : null });
    }
    return out;
  });
}
