import { formatIsoDate, type LocalDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import { financeOverview, PLANNING_PHASE_NAMES, yearLabel, type FinanceOverview } from '../../finance/index.ts';
import type { FinanceFigures } from '../domain/planning-facts.ts';

/**
 * The finance position for the documents, from the finance module's public overview. A council
 * with no high-needs allocation recorded for the year gets null: both documents then say plainly
 * that finance data is not yet available rather than print a budget of £0.
 */
export async function readFinance(db: Db, laCode: string, today: LocalDate): Promise<FinanceFigures | null> {
  const o = await financeOverview(db, laCode, formatIsoDate(today));
  return financeFigures(o);
}

/** Money in the documents: millions to one decimal place, a deficit with a minus sign. */
export function money(pence: number): string {
  const m = Math.abs(pence) / 100 / 1_000_000;
  const text = m >= 1 ? `£${m.toFixed(1)}m` : `£${Math.round(Math.abs(pence) / 100).toLocaleString('en-GB')}`;
  return pence < 0 ? `−${text}` : text;
}

export function financeFigures(o: FinanceOverview): FinanceFigures | null {
  if (!o.budgetSet) return null;
  const t = o.budget.totals;
  const last = o.forecast.baseline.years.at(-1);
  const headline: FinanceFigures['headline'] = [
    { label: `High-needs allocation, ${o.yearLabel}`, value: money(o.budget.allocationPence) },
    { label: 'Budget set across the high-needs lines', value: money(t.budgetPence) },
    { label: 'Committed spend (placements at their tariffs)', value: money(t.committedPence) },
    { label: 'Actual spend imported from the ledger', value: money(t.actualPence) },
    { label: 'Forecast outturn', value: money(t.outturnPence) },
    { label: 'Variance (budget less outturn)', value: money(t.variancePence) },
    { label: 'In-year high-needs position (allocation less outturn)', value: money(o.budget.inYearPence) },
    { label: 'Cumulative Dedicated Schools Grant position carried forward', value: money(o.budget.cumulativePence) },
  ];
  if (o.costPerPlanPence !== null) headline.push({ label: 'Committed cost per EHC plan', value: money(o.costPerPlanPence) });
  if (last) headline.push({ label: `Forecast cumulative position at the end of ${yearLabel(last.year)} (baseline)`, value: money(last.cumulativePence) });
  if (o.forecast.backTest.mape !== null) headline.push({ label: 'Forecast error on past years (mean absolute percentage error)', value: `${o.forecast.backTest.mape.toFixed(1)}%` });
  return {
    asOf: o.today,
    headline,
    placeGap: o.placeGap.map((g) => ({
      year: yearLabel(g.year),
      phase: PLANNING_PHASE_NAMES[g.phase],
      demand: Math.round(g.demand),
      capacity: Math.round(g.capacity),
    })),
    source: `OpenSEND finance module, financial year ${o.yearLabel}`,
  };
}
