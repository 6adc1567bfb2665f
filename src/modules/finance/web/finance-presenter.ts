import type { FinanceOverview } from '../application/finance-overview.ts';
import { yearLabel } from '../domain/financial-year.ts';
import { LINE_NAMES, LINES } from '../domain/money-lines.ts';
import { PHASE_NAMES, PHASES } from '../domain/place-gap.ts';
import { SCENARIO_KIND_NAMES } from '../domain/scenarios.ts';
import { chartKey, formatValue, lineChartSvg, pairedBarsSvg, type Series } from './finance-charts.ts';

/** What the finance templates need: figures formatted for people, charts drawn, nothing computed in the view. */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  return `${sign}£${Math.abs(Math.round(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;
}
const places = (n: number): string => (Math.round(n * 10) / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 });
const percent = (f: number): string => `${(f * 100).toFixed(1)}%`;

export const common = {
  pounds, places, percent, yearLabel, lineNames: LINE_NAMES, phaseNames: PHASE_NAMES, scenarioKindNames: SCENARIO_KIND_NAMES, millions: (p: number) => formatValue(p, 'millions'),
  financeNav: [
    { href: '/finance', text: 'Budget' }, { href: '/finance/forecast', text: 'Forecast' },
    { href: '/finance/scenarios', text: 'Scenarios' }, { href: '/finance/places', text: 'Place planning' },
  ],
};

export function budgetPage(o: FinanceOverview) {
  const shown = o.budget.lines.filter((l) => l.budgetPence || l.outturnPence);
  return {
    title: `High-needs budget ${o.yearLabel}`, o, current: '/finance',
    chart: pairedBarsSvg(shown.map((l) => ({ label: LINE_NAMES[l.line], a: l.budgetPence, b: l.outturnPence })), { id: 'budget-chart', title: `Budget and forecast outturn by line, ${o.yearLabel}`, aName: 'budget', bName: 'outturn', unit: 'millions' }),
    tariffs: o.tariffs.filter((t) => t.effectiveTo === null || t.effectiveTo >= o.today),
  };
}

export function forecastPage(o: FinanceOverview) {
  const history: Series = { name: 'Plans in force at 31 March (actual)', points: o.forecast.history.map((h) => ({ x: yearLabel(h.year), y: h.plans })) };
  const forecast: Series = { name: 'Plans in force at 31 March (forecast)', points: o.forecast.demand.map((d) => ({ x: yearLabel(d.year), y: d.plans })) };
  const back: Series = { name: 'Back-test: forecast made a year before', points: o.forecast.backTest.years.map((b) => ({ x: yearLabel(b.year), y: b.forecast })) };
  const plansSeries = [history, forecast, back].filter((s) => s.points.length);
  const dsg: Series = { name: 'Cumulative DSG high-needs position', points: o.forecast.baseline.years.map((y) => ({ x: yearLabel(y.year), y: y.cumulativePence })) };
  return {
    title: 'Five-year forecast', o, current: '/finance/forecast',
    plansChart: lineChartSvg(plansSeries, { id: 'plans-chart', title: 'EHC plans: history, back-test and forecast', unit: 'count' }), plansKey: chartKey(plansSeries),
    dsgChart: lineChartSvg([dsg], { id: 'dsg-chart', title: 'Cumulative DSG high-needs position, baseline forecast', unit: 'millions' }),
    lines: LINES,
  };
}

export function scenariosPage(o: FinanceOverview) {
  const all = [o.forecast.baseline, ...o.scenarios];
  const series: Series[] = all.map((s) => ({ name: s.name, points: s.years.map((y) => ({ x: yearLabel(y.year), y: y.cumulativePence })) }));
  const targets = o.targets.filter((t) => o.forecast.baseline.years.some((y) => y.year === t.year));
  if (targets.length) series.push({ name: targets[0]!.programme === 'dbv' ? 'Delivering Better Value target' : 'Safety Valve target', points: targets.map((t) => ({ x: yearLabel(t.year), y: t.cumulativePence })) });
  return {
    title: 'Scenarios', o, all, current: '/finance/scenarios', years: o.forecast.baseline.years.map((y) => y.year),
    chart: lineChartSvg(series, { id: 'scenario-chart', title: 'Cumulative DSG high-needs position under each scenario', unit: 'millions' }), key: chartKey(series),
  };
}

export function placesPage(o: FinanceOverview) {
  const years = [...new Set(o.placeGap.map((g) => g.year))];
  const needs = [...new Set(o.placeGap.flatMap((g) => Object.keys(g.demandByNeed)))].sort();
  const byYear = years.map((year) => {
    const rows = PHASES.map((p) => o.placeGap.find((g) => g.year === year && g.phase === p)!);
    const total = rows.reduce((a, r) => ({ demand: a.demand + r.demand, capacity: a.capacity + r.capacity, gap: a.gap + r.gap }), { demand: 0, capacity: 0, gap: 0 });
    const byNeed = needs.map((n) => ({ need: n, demand: rows.reduce((a, r) => a + (r.demandByNeed[n] ?? 0), 0) }));
    return { year, rows, total, byNeed };
  });
  const series: Series[] = [
    { name: 'Specialist places needed', points: byYear.map((y) => ({ x: yearLabel(y.year), y: y.total.demand })) },
    { name: 'Specialist places in the council’s own settings', points: byYear.map((y) => ({ x: yearLabel(y.year), y: y.total.capacity })) },
  ];
  return {
    title: 'Place planning', o, byYear, needs, current: '/finance/places',
    chart: lineChartSvg(series, { id: 'places-chart', title: 'Specialist places needed against places available', unit: 'count' }), key: chartKey(series),
  };
}
