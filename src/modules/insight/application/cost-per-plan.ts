import { formatIsoDate, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import { costPerPlanForYears, financialYearOf, yearLabel } from '../../finance/index.ts';
import { readWithTenant } from '../../../platform/db/connection.ts';
import { sourceVersion } from '../infrastructure/case-facts.query.ts';

/**
 * Cost per plan: the council's committed high-needs spend in a financial year (placements costed
 * at its tariffs, by the finance module) divided by the plan-years in force over it. Councils budget
 * by financial year, so this indicator is by financial year, not calendar period. Shown only where
 * finance data exists: a council with no tariffs gets no row rather than a misleading £0.
 */
export interface CostPerPlanRow {
  financialYear: number;
  label: string;
  committedPounds: number;
  planYears: number;
  costPerPlanPounds: number | null;
}

export const COST_PER_PLAN_DEFINITION = {
  id: 'cost-per-plan',
  name: 'Committed high-needs spend per EHC plan',
  numerator: 'High-needs spend committed in the financial year: every placement costed at the council\'s tariff for its type, pro rata to the days it ran',
  denominator: 'Plan-years in force in the financial year (a plan in force for half the year counts a half)',
  period: 'Financial year, 1 April to 31 March',
} as const;

export async function costPerPlanSeries(db: Db, laCode: string, years: readonly number[]): Promise<CostPerPlanRow[]> {
  // Costing placements reads the council's whole plan history: remember the answer until anything
  // it reads changes (the insight change counter also counts placements and tariffs, migration 0132).
  const version = await readWithTenant(db, { laCodes: [laCode] }, (q) => sourceVersion(q, laCode));
  const key = `${laCode}|${years.join(',')}|${version}`;
  let remembered = rememberedByDb.get(db);
  if (!remembered) {
    remembered = new Map();
    rememberedByDb.set(db, remembered);
  }
  const known = remembered.get(key);
  if (known) return known;
  const rows: CostPerPlanRow[] = [];
  for (const r of await costPerPlanForYears(db, laCode, years)) {
    if (r.committedPence <= 0) continue;
    rows.push({
      financialYear: r.financialYear,
      label: yearLabel(r.financialYear),
      committedPounds: Math.round(r.committedPence / 100),
      planYears: Math.round(r.plans * 10) / 10,
      costPerPlanPounds: r.costPerPlanPence === null ? null : Math.round(r.costPerPlanPence / 100),
    });
  }
  if (remembered.size > 500) remembered.clear();
  remembered.set(key, rows);
  return rows;
}

/** Per database: two databases can share a council code and a change counter (tests, benchmarks). */
const rememberedByDb = new WeakMap<Db, Map<string, CostPerPlanRow[]>>();

/** The last `count` financial years up to the one containing `asOf`, oldest first. */
export function recentFinancialYears(asOf: LocalDate, count = 5): number[] {
  const current = financialYearOf(formatIsoDate(asOf));
  return Array.from({ length: count }, (_, i) => current - count + 1 + i);
}

/** The financial years starting between `from` and `to` (for the CLI's period). */
export function financialYearsStartingIn(from: LocalDate, to: LocalDate): number[] {
  const years: number[] = [];
  for (let y = toYearMonthDay(from).year - 1; y <= toYearMonthDay(to).year; y++) {
    const start = `${y}-04-01`;
    if (start >= formatIsoDate(from) && start <= formatIsoDate(to)) years.push(y);
  }
  return years;
}
