import { LINES, type Line } from './money-lines.ts';
import type { LineCommitment } from './committed-spend.ts';

/**
 * Budget against committed and actual spend, by line. Variance is budget minus forecast outturn,
 * where the outturn of a line is the larger of what is committed and what has been paid (a
 * payment not yet matched to a placement is still spent; a commitment not yet paid will be).
 * Positive variance is an underspend, negative an overspend.
 */
export interface BudgetLineRow {
  line: Line; budgetPence: number; committedPence: number; actualPence: number; outturnPence: number; variancePence: number;
  placements: number; placeYears: number;
}

export interface BudgetPosition {
  year: number; allocationPence: number; broughtForwardPence: number;
  lines: BudgetLineRow[];
  totals: { budgetPence: number; committedPence: number; actualPence: number; outturnPence: number; variancePence: number };
  /** Allocation minus outturn: the in-year DSG high-needs position (negative is a deficit). */
  inYearPence: number;
  /** Brought forward plus in-year: the cumulative position carried into next year. */
  cumulativePence: number;
}

export function budgetPosition(input: {
  year: number; allocationPence: number; broughtForwardPence: number;
  budgets: ReadonlyMap<Line, number>; committed: readonly LineCommitment[]; actual: ReadonlyMap<Line, number>;
}): BudgetPosition {
  const lines = LINES.map((line): BudgetLineRow => {
    const c = input.committed.find((x) => x.line === line);
    const budgetPence = input.budgets.get(line) ?? 0;
    const committedPence = c?.pence ?? 0;
    const actualPence = input.actual.get(line) ?? 0;
    const outturnPence = Math.max(committedPence, actualPence);
    return { line, budgetPence, committedPence, actualPence, outturnPence, variancePence: budgetPence - outturnPence, placements: c?.placements ?? 0, placeYears: c?.placeYears ?? 0 };
  });
  const sum = (k: 'budgetPence' | 'committedPence' | 'actualPence' | 'outturnPence' | 'variancePence'): number => lines.reduce((a, l) => a + l[k], 0);
  const totals = { budgetPence: sum('budgetPence'), committedPence: sum('committedPence'), actualPence: sum('actualPence'), outturnPence: sum('outturnPence'), variancePence: sum('variancePence') };
  const inYearPence = input.allocationPence - totals.outturnPence;
  return { year: input.year, allocationPence: input.allocationPence, broughtForwardPence: input.broughtForwardPence, lines, totals, inYearPence, cumulativePence: input.broughtForwardPence + inYearPence };
}
