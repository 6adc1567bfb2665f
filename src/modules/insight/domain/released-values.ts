import { suppressLinkedTables, suppressRate, suppressTable } from './disclosure-control.ts';
import { findIndicator } from './indicator-catalogue.ts';
import type { IndicatorValue } from './indicator-measures.ts';

/**
 * A council's own figures made fit to leave the council (downloads and the API): each period's
 * headline and its breakdowns are suppressed as one table (the headline is the total of each
 * breakdown), and each rate as its numerator and the rest of its denominator.
 */
export interface ReleasedValue extends Omit<IndicatorValue, 'numerator' | 'denominator' | 'value'> {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export function releaseCouncilValues(values: readonly IndicatorValue[]): ReleasedValue[] {
  const groups = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    const key = `${v.indicatorId}|${v.periodKey}`;
    const g = groups.get(key) ?? [];
    g.push(v);
    groups.set(key, g);
  }
  const out: ReleasedValue[] = [];
  for (const group of groups.values()) {
    const headline = group.find((v) => !v.breakdown);
    if (!headline) continue;
    if (findIndicator(headline.indicatorId)?.unit === 'percent') {
      const d = headline.denominator ?? 0;
      const t = suppressTable([[headline.numerator, d - headline.numerator]]);
      const n = t.cells[0]?.[0] ?? null;
      const den = t.rowTotals[0] ?? null;
      out.push({ ...headline, numerator: n, denominator: den, value: suppressRate(n, den, headline.value) });
      continue;
    }
    const { total, breakdowns } = releaseCounts(headline, group);
    if (findIndicator(headline.indicatorId)?.unit === 'per-100') {
      // A rate per 100 decisions: the counts as any count, the decisions as a one-cell table, and
      // every rate built on a suppressed count suppressed with it.
      const den = suppressTable([[headline.denominator ?? 0]]).rowTotals[0] ?? null;
      out.push({ ...headline, numerator: total, denominator: den, value: suppressRate(total, den, headline.value) });
      for (const { value: v, released: n } of breakdowns) out.push({ ...v, numerator: n, denominator: den, value: suppressRate(n, den, v.value) });
      continue;
    }
    out.push({ ...headline, numerator: total, value: total });
    for (const { value: v, released: n } of breakdowns) out.push({ ...v, numerator: n, value: n });
  }
  return out;
}

/**
 * A headline count and its breakdowns, suppressed together: each breakdown is a table whose total
 * is the headline. Overlapping breakdowns (plan sections) add up to more than the headline, which
 * only makes a suppressed cell harder to recover, never easier.
 */
function releaseCounts(headline: IndicatorValue, group: readonly IndicatorValue[]): { total: number | null; breakdowns: Array<{ value: IndicatorValue; released: number | null }> } {
  const byBreakdown = new Map<string, IndicatorValue[]>();
  for (const v of group) if (v.breakdown) byBreakdown.set(v.breakdown.id, [...(byBreakdown.get(v.breakdown.id) ?? []), v]);
  const lists = [...byBreakdown.values()];
  // A headline with no breakdown is a one-cell table.
  const tables = lists.length > 0 ? suppressLinkedTables(lists.map((l) => [l.map((v) => v.numerator)])) : [suppressTable([[headline.numerator]])];
  const total = tables.some((t) => t.rowTotals[0] === null) || (lists.length > 0 && headline.numerator >= 1 && headline.numerator < 5) ? null : headline.numerator;
  return { total, breakdowns: lists.flatMap((l, k) => l.map((v, j) => ({ value: v, released: tables[k]!.cells[0]![j] ?? null }))) };
}
