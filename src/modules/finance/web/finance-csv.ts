import type { FinanceOverview } from '../application/finance-overview.ts';
import { LINE_NAMES, LINES } from '../domain/money-lines.ts';
import { PHASE_NAMES } from '../domain/place-gap.ts';
import { yearLabel } from '../domain/financial-year.ts';

/** CSV downloads of each page's tables: figures only, pounds to the penny, no child named. */
const cell = (v: string | number): string => {
  const s = String(v);
  // A leading =, +, - or @ would be run as a formula by a spreadsheet; numbers are safe as they are.
  const safe = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const toCsv = (rows: Array<Array<string | number>>): string => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
const pounds = (pence: number): string => (pence / 100).toFixed(2);

export function budgetCsv(o: FinanceOverview): string {
  return toCsv([
    ['financial_year', 'line', 'line_name', 'budget', 'committed', 'actual', 'outturn', 'variance', 'placements', 'place_years'],
    ...o.budget.lines.map((l) => [o.yearLabel, l.line, LINE_NAMES[l.line], pounds(l.budgetPence), pounds(l.committedPence), pounds(l.actualPence), pounds(l.outturnPence), pounds(l.variancePence), l.placements, l.placeYears.toFixed(2)]),
    [o.yearLabel, 'total', 'Total', pounds(o.budget.totals.budgetPence), pounds(o.budget.totals.committedPence), pounds(o.budget.totals.actualPence), pounds(o.budget.totals.outturnPence), pounds(o.budget.totals.variancePence), '', ''],
  ]);
}

export function forecastCsv(o: FinanceOverview): string {
  return toCsv([
    ['financial_year', 'kind', 'requests', 'new_plans', 'plans_at_31_march', 'spend', 'income', 'in_year_position', 'cumulative_position', ...LINES.map((l) => `places_${l}`)],
    ...o.forecast.history.map((h) => [yearLabel(h.year), 'actual', h.requests, h.newPlans, h.plans, '', '', '', '', ...LINES.map(() => '')]),
    ...o.forecast.baseline.years.map((y, i) => {
      const d = o.forecast.demand[i]!;
      return [yearLabel(y.year), 'forecast', d.requests.toFixed(1), d.newPlans.toFixed(1), y.plans.toFixed(1), pounds(y.spendPence), pounds(y.incomePence), pounds(y.inYearPence), pounds(y.cumulativePence), ...LINES.map((l) => y.places[l].toFixed(1))];
    }),
  ]);
}

export function scenariosCsv(o: FinanceOverview): string {
  return toCsv([
    ['scenario', 'description', 'financial_year', 'plans', 'places_moved', 'spend', 'in_year_position', 'cumulative_position', 'target', 'meets_target'],
    ...[o.forecast.baseline, ...o.scenarios].flatMap((s) => s.years.map((y) => [s.name, s.description, yearLabel(y.year), y.plans.toFixed(1), y.moved.toFixed(1), pounds(y.spendPence), pounds(y.inYearPence), pounds(y.cumulativePence), y.target ? pounds(y.target.cumulativePence) : '', y.meetsTarget === null ? '' : y.meetsTarget ? 'yes' : 'no'])),
  ]);
}

export function placesCsv(o: FinanceOverview): string {
  return toCsv([
    ['financial_year', 'phase', 'demand', 'capacity', 'gap'],
    ...o.placeGap.map((g) => [yearLabel(g.year), PHASE_NAMES[g.phase], g.demand.toFixed(1), g.capacity.toFixed(1), g.gap.toFixed(1)]),
  ]);
}
