import { benchmarkFor, latestBenchmarkPeriod, type BenchmarkSet, type Geography } from '../domain/dfe-benchmarks.ts';
import { BREAKDOWN_NAMES, INDICATORS, OVERLAPPING_BREAKDOWNS, type IndicatorDefinition } from '../domain/indicator-catalogue.ts';
import type { IndicatorValue } from '../domain/indicator-measures.ts';
import { barChartSvg, formatFigure } from '../domain/svg-chart.ts';
import type { SnapshotPayload } from '../infrastructure/snapshot.repository.ts';
import type { Narrative } from '../infrastructure/narrative.repository.ts';
import { categoryLabel } from './category-labels.ts';

/** Turns computed values, benchmarks and narratives into what the insight pages show. */
export interface Comparison {
  periodLabel: string;
  rows: Array<{ name: string; display: string; source: string }>;
}

export interface IndicatorCard {
  definition: IndicatorDefinition;
  headline: { label: string; display: string } | undefined;
  comparison: Comparison | undefined;
  chartSvg: string;
  series: Array<{ label: string; numerator: number; denominator: number | null; display: string }>;
  narrative: Narrative | undefined;
}

export interface BenchmarkContext {
  set: BenchmarkSet;
  laCode: string;
  region: Geography | undefined;
  neighbours: Geography[];
}

const headlineOf = (payload: SnapshotPayload, id: string): IndicatorValue[] => payload.values.filter((v) => v.indicatorId === id && !v.breakdown);

export function benchmarkPeriodLabel(def: IndicatorDefinition, periodKey: string): string {
  return def.kind === 'stock' ? `January ${Number(periodKey) + 1}` : periodKey;
}

export function comparisonFor(def: IndicatorDefinition, own: IndicatorValue | undefined, ctx: BenchmarkContext, breakdown?: IndicatorValue['breakdown']): Comparison | undefined {
  if (!def.comparableWithDfe) return undefined;
  const period = latestBenchmarkPeriod(ctx.set, def.id);
  if (!period) return undefined;
  const show = (code: string): string => formatFigure(benchmarkFor(ctx.set, code, def.id, period, breakdown)?.value ?? null, def.unit);
  const neighbourValues = ctx.neighbours.map((g) => benchmarkFor(ctx.set, g.code, def.id, period, breakdown)).filter((v) => v !== undefined);
  const neighbourAverage = neighbourValues.length ? neighbourValues.reduce((a, v) => a + (v.value ?? 0), 0) / neighbourValues.length : null;
  const label = def.kind === 'stock' ? `31 December ${period}` : period;
  return {
    periodLabel: benchmarkPeriodLabel(def, period),
    rows: [
      { name: 'This council', display: formatFigure(own?.value ?? null, def.unit), source: `OpenSEND, ${label}` },
      { name: 'This council', display: show(ctx.laCode), source: 'DfE published' },
      ...(ctx.region ? [{ name: ctx.region.name, display: show(ctx.region.code), source: 'DfE published' }] : []),
      { name: 'England', display: show('E92000001'), source: 'DfE published' },
      ...(ctx.neighbours.length
        ? [{ name: 'Statistical neighbours (average)', display: formatFigure(neighbourAverage === null ? null : Math.round(neighbourAverage * 10) / 10, def.unit), source: 'DfE published' }]
        : []),
    ],
  };
}

/** "in 2025" for a flow; "on 31 December 2025" for a stock measured at the end of the year. */
function headlineLabel(def: IndicatorDefinition, key: string, label: string): string {
  return def.kind === 'stock' && /^\d{4}$/.test(key) ? `on 31 December ${key}` : `in ${label}`;
}

export function indicatorCard(def: IndicatorDefinition, payload: SnapshotPayload, ctx: BenchmarkContext, narrative: Narrative | undefined, completeUpTo: string): IndicatorCard {
  const values = headlineOf(payload, def.id);
  const labels = new Map(payload.periods.map((p) => [p.key, p.label]));
  const series = values.map((v) => ({ label: labels.get(v.periodKey) ?? v.periodKey, numerator: v.numerator, denominator: v.denominator, display: formatFigure(v.value, def.unit) }));
  const headline = values.filter((v) => v.periodKey <= completeUpTo).at(-1);
  const benchmarkPeriod = latestBenchmarkPeriod(ctx.set, def.id);
  return {
    definition: def,
    headline: headline ? { label: headlineLabel(def, headline.periodKey, labels.get(headline.periodKey) ?? headline.periodKey), display: formatFigure(headline.value, def.unit) } : undefined,
    comparison: comparisonFor(def, values.find((v) => v.periodKey === benchmarkPeriod), ctx),
    chartSvg: barChartSvg(
      values.map((v) => ({ label: labels.get(v.periodKey) ?? v.periodKey, value: v.value })),
      { id: `chart-${def.id}`, title: `${def.name}, by ${payload.periods.length > 0 && payload.periods[0]!.key.length === 4 ? 'year' : 'period'}`, unit: def.unit },
    ),
    series,
    narrative,
  };
}

export function dashboardCards(payload: SnapshotPayload, ctx: BenchmarkContext, narratives: Map<string, Narrative>, completeUpTo: string): IndicatorCard[] {
  return INDICATORS.map((def) => indicatorCard(def, payload, ctx, narratives.get(def.id), completeUpTo));
}

const cardsBySnapshot = new WeakMap<SnapshotPayload, Map<string, IndicatorCard[]>>();

/**
 * dashboardCards, remembered for as long as the snapshot object is (snapshots are themselves
 * remembered per change counter): the cards and their charts are a pure function of the snapshot,
 * the council's benchmarks, the narratives and the headline year, and building them was a large
 * part of a dashboard visit. The narratives are part of the key, so a new one shows at once.
 */
export function rememberedDashboardCards(payload: SnapshotPayload, ctx: BenchmarkContext, narratives: Map<string, Narrative>, completeUpTo: string): IndicatorCard[] {
  let byKey = cardsBySnapshot.get(payload);
  if (!byKey) {
    byKey = new Map();
    cardsBySnapshot.set(payload, byKey);
  }
  const key = `${ctx.laCode}|${completeUpTo}|${JSON.stringify([...narratives.values()])}`;
  let cards = byKey.get(key);
  if (!cards) {
    cards = dashboardCards(payload, ctx, narratives, completeUpTo);
    if (byKey.size >= 20) byKey.clear();
    byKey.set(key, cards);
  }
  return cards;
}

/** The breakdown tables of a stock indicator on one day, with England's published shares beside. */
export function breakdownTables(def: IndicatorDefinition, payload: SnapshotPayload, periodKey: string, ctx: BenchmarkContext) {
  const benchmarkPeriod = latestBenchmarkPeriod(ctx.set, def.id);
  return def.breakdowns.map((id) => {
    const rows = payload.values.filter((v) => v.indicatorId === def.id && v.periodKey === periodKey && v.breakdown?.id === id);
    // Sections overlap (one dispute can name several), so their shares are of the headline count.
    const headline = payload.values.find((v) => v.indicatorId === def.id && v.periodKey === periodKey && !v.breakdown);
    const total = OVERLAPPING_BREAKDOWNS.has(id) ? (headline?.numerator ?? 0) : rows.reduce((a, v) => a + v.numerator, 0);
    const englandTotal = benchmarkPeriod ? benchmarkFor(ctx.set, 'E92000001', def.id, benchmarkPeriod)?.numerator : undefined;
    return {
      id,
      name: BREAKDOWN_NAMES[id],
      rows: rows.map((v) => {
        const england = benchmarkPeriod ? benchmarkFor(ctx.set, 'E92000001', def.id, benchmarkPeriod, v.breakdown) : undefined;
        return {
          label: categoryLabel(id, v.breakdown!.category),
          count: v.numerator.toLocaleString('en-GB'),
          share: total ? formatFigure(Math.round((v.numerator / total) * 1000) / 10, 'percent') : 'not available',
          englandShare: england && englandTotal ? formatFigure(Math.round((england.numerator / englandTotal) * 1000) / 10, 'percent') : 'not published',
        };
      }),
      chartSvg: barChartSvg(rows.map((v) => ({ label: categoryLabel(id, v.breakdown!.category), value: v.numerator })), { id: `chart-${def.id}-${id}`, title: `${def.name} by ${BREAKDOWN_NAMES[id].toLowerCase()}`, unit: 'count' }),
      englandPeriod: benchmarkPeriod ? benchmarkPeriodLabel(def, benchmarkPeriod) : undefined,
    };
  });
}
