import { dfeNumber, readTable, type CsvRow } from './dfe-csv.ts';
import type { BreakdownId, IndicatorId } from './indicator-catalogue.ts';
import { ageBand, NEED_ORDER } from './indicator-measures.ts';

/**
 * Benchmarks from the DfE "Education, health and care plans" release (reporting year 2025), keyed
 * by the same indicator ids and period keys as OpenSEND's own figures. Flows are calendar years
 * ('2024'); stocks counted in January are keyed by the calendar year just ended (January 2025 →
 * '2024', compared with OpenSEND's figure as at 31 December 2024).
 */
export type GeographyLevel = 'england' | 'region' | 'council';

export interface Geography {
  level: GeographyLevel;
  /** 'E92000001' for England, the region code (E12…), or the council's three-digit DfE code. */
  code: string;
  name: string;
  regionCode: string | null;
}

export interface BenchmarkValue {
  indicatorId: IndicatorId;
  breakdown?: { id: BreakdownId; category: string };
  periodKey: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

export interface BenchmarkSet {
  geographies: Map<string, Geography>;
  values: Map<string, BenchmarkValue[]>;
}

export interface DfeFiles {
  caseload: string;
  senNeedsAllPlans: string;
  newPlans: string;
  requests: string;
  timeliness20Week: string;
}

function geographyOf(r: CsvRow): Geography | undefined {
  switch (r('geographic_level')) {
    case 'National':
      return { level: 'england', code: r('country_code') ?? 'E92000001', name: r('country_name') ?? 'England', regionCode: null };
    case 'Regional':
      return { level: 'region', code: r('region_code') ?? '', name: r('region_name') ?? '', regionCode: r('region_code') ?? null };
    case 'Local authority':
      return { level: 'council', code: r('old_la_code') ?? '', name: r('la_name') ?? '', regionCode: r('region_code') ?? null };
    default:
      return undefined;
  }
}

/** '202425' (January 2025) → '2024'; '2024' stays. */
export function periodKeyOf(timePeriod: string): string {
  return timePeriod.length === 6 ? String(Number(timePeriod.slice(0, 4))) : timePeriod;
}

const pct = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

export function parseBenchmarks(files: DfeFiles): BenchmarkSet {
  const set: BenchmarkSet = { geographies: new Map(), values: new Map() };
  const add = (r: CsvRow, v: Omit<BenchmarkValue, 'periodKey'>): void => {
    const g = geographyOf(r);
    if (!g || !r('time_period')) return;
    if (!set.geographies.has(g.code)) set.geographies.set(g.code, g);
    const list = set.values.get(g.code) ?? [];
    list.push({ ...v, periodKey: periodKeyOf(r('time_period') ?? '') });
    set.values.set(g.code, list);
  };
  const count = (indicatorId: IndicatorId, n: number | undefined, breakdown?: BenchmarkValue['breakdown']) =>
    n === undefined ? undefined : { indicatorId, ...(breakdown ? { breakdown } : {}), numerator: n, denominator: null, value: n };
  const rate = (indicatorId: IndicatorId, n: number | undefined, d: number | undefined) =>
    n === undefined || d === undefined ? undefined : { indicatorId, numerator: n, denominator: d, value: pct(n, d) };
  const each = (text: string, fn: (r: CsvRow) => Array<Omit<BenchmarkValue, 'periodKey'> | undefined>): void => {
    eachRow(readTable(text), fn);
  };

  const caseload = readTable(files.caseload);
  const eachRow = (rows: CsvRow[], fn: (r: CsvRow) => Array<Omit<BenchmarkValue, 'periodKey'> | undefined>): void => {
    for (const r of rows) for (const v of fn(r)) if (v) add(r, v);
  };
  eachRow(caseload, (r) => {
    if (r('breakdown_topic') === 'All EHC plans') {
      const plans = dfeNumber(r('ehcplans'));
      return [count('plans-in-place', plans), rate('mainstream-share', dfeNumber(r('mainstream_total')), plans)];
    }
    return [];
  });
  // Age bands: the single years of age summed into OpenSEND's bands.
  const ages = new Map<string, { r: CsvRow; bands: Map<string, number> }>();
  for (const r of caseload) {
    if (r('breakdown_topic') !== 'Child or young persons age') continue;
    const m = /(\d+)/.exec(r('breakdown') ?? '');
    const band = /under/.test(r('breakdown') ?? '') ? '0-4' : m ? ageBand(Number(m[1])) : undefined;
    const n = dfeNumber(r('ehcplans'));
    if (!band || n === undefined) continue;
    const key = `${r('time_period')}|${r('geographic_level')}|${r('region_code')}|${r('old_la_code')}`;
    const entry = ages.get(key) ?? { r, bands: new Map() };
    entry.bands.set(band, (entry.bands.get(band) ?? 0) + n);
    ages.set(key, entry);
  }
  for (const { r, bands } of ages.values()) {
    for (const [category, n] of bands) add(r, { indicatorId: 'plans-in-place', breakdown: { id: 'age-band', category }, numerator: n, denominator: null, value: n });
  }
  each(files.senNeedsAllPlans, (r) =>
    r('breakdown_topic') === 'All EHC plans'
      ? NEED_ORDER.map((need) => count('plans-in-place', dfeNumber(r(need === 'not-recorded' ? 'number_need_unknown' : `number_${need.toLowerCase()}`)), { id: 'primary-need', category: need }))
      : [],
  );
  each(files.newPlans, (r) => (r('breakdown_topic') === 'New EHC plans' ? [count('new-plans', dfeNumber(r('new_ehc_plans')))] : []));
  each(files.requests, (r) => {
    if (r('breakdown_topic') !== 'All requests for EHC needs assessments') return [];
    const received = dfeNumber(r('requests_received_in_year'));
    const six = dfeNumber(r('request_outcome_six_weeks'));
    const over = dfeNumber(r('request_outcome_over_6_weeks'));
    return [
      count('requests', received),
      rate('refusal-rate', dfeNumber(r('requests_decided_not_to_assess')), received),
      rate('decisions-within-6-weeks', six, six === undefined || over === undefined ? undefined : six + over),
    ];
  });
  each(files.timeliness20Week, (r) =>
    r('breakdown_topic') === 'All EHC plans issued'
      ? [
          rate('plans-within-20-weeks', dfeNumber(r('plans_issued_within_20_weeks')), dfeNumber(r('plans_issued_den'))),
          rate('plans-within-20-weeks-excluding-exceptions', dfeNumber(r('plans_issued_20_weeks_ex')), dfeNumber(r('plans_issued_den_ex'))),
        ]
      : [],
  );
  return set;
}

export function benchmarkFor(set: BenchmarkSet, code: string, indicatorId: IndicatorId, periodKey: string, breakdown?: BenchmarkValue['breakdown']): BenchmarkValue | undefined {
  return set.values.get(code)?.find(
    (v) => v.indicatorId === indicatorId && v.periodKey === periodKey && v.breakdown?.id === breakdown?.id && v.breakdown?.category === breakdown?.category,
  );
}

export function latestBenchmarkPeriod(set: BenchmarkSet, indicatorId: IndicatorId): string | undefined {
  let latest: string | undefined;
  for (const v of set.values.get('E92000001') ?? []) if (v.indicatorId === indicatorId && !v.breakdown && (!latest || v.periodKey > latest)) latest = v.periodKey;
  return latest;
}
