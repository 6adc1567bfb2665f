import { AGES, MAX_AGE, sum, type YearStats } from './demand-history.ts';

/**
 * The demand model (ADR 0013): a cohort-component projection of plans by single year of age.
 *   requests(y)  = exp(a + b·y)            log-linear trend fitted to the last five years' requests
 *   new(y)       = conversion × requests(y) conversion = new plans ÷ requests, last three years
 *   new(y, age)  = new(y) × ageShare(age)    the age mix of the last three years' new plans
 *   stock(y, a+1)= stock(y−1, a) × (1 − cease(a)) + new(y, a+1)
 * Cease rates are by age band (ceased in the year ÷ in force at the start), pooled over three
 * years; at 25 every plan ends. Pure and deterministic: the same history gives the same numbers.
 */
export interface DemandModel {
  fittedTo: number;
  requestIntercept: number;
  requestGrowth: number;
  conversion: number;
  ageShare: number[];
  ceaseRate: number[];
  startStock: number[];
}

export interface DemandYear { year: number; requests: number; newPlans: number; ceased: number; plans: number; byAge: number[] }

export const AGE_BANDS: ReadonlyArray<{ name: string; from: number; to: number }> = [
  { name: '0 to 4', from: 0, to: 4 }, { name: '5 to 10', from: 5, to: 10 }, { name: '11 to 15', from: 11, to: 15 },
  { name: '16 to 19', from: 16, to: 19 }, { name: '20 to 25', from: 20, to: 25 },
];
export const bandOf = (age: number): number => AGE_BANDS.findIndex((b) => age >= b.from && age <= b.to);

const TREND_YEARS = 5, RATE_YEARS = 3;

/** Least squares of log(requests) on year: the growth rate is exp(b) − 1 a year. */
export function fitLogLinear(points: ReadonlyArray<{ x: number; y: number }>): { a: number; b: number } {
  const pts = points.filter((p) => p.y > 0);
  if (pts.length === 0) return { a: -Infinity, b: 0 };
  if (pts.length === 1) return { a: Math.log(pts[0]!.y), b: 0 };
  const xs = pts.map((p) => p.x), ls = pts.map((p) => Math.log(p.y));
  const mx = sum(xs) / xs.length, ml = sum(ls) / ls.length;
  const sxx = sum(xs.map((x) => (x - mx) ** 2));
  const b = sxx === 0 ? 0 : sum(xs.map((x, i) => (x - mx) * (ls[i]! - ml))) / sxx;
  return { a: ml - b * mx, b };
}

export function fitDemand(history: readonly YearStats[], upToYear: number): DemandModel {
  const known = history.filter((h) => h.year <= upToYear).sort((a, b) => a.year - b.year);
  const last = known.at(-1);
  if (!last) throw new Error('The demand model needs at least one year of history');
  const trend = fitLogLinear(known.slice(-TREND_YEARS).map((h) => ({ x: h.year - upToYear, y: h.requests })));
  const recent = known.slice(-RATE_YEARS);
  const requests = sum(recent.map((h) => h.requests));
  const issued = sum(recent.map((h) => sum(h.newByAge)));
  const byAge = AGES.map((a) => sum(recent.map((h) => h.newByAge[a]!)));
  const ageShare = issued > 0 ? byAge.map((n) => n / issued) : AGES.map(() => 1 / AGES.length);
  // Cease rate by band: those who left during year y among those in force at the end of y − 1.
  const ceaseRate = AGES.map((a) => {
    if (a === MAX_AGE) return 1;
    const band = AGE_BANDS[bandOf(a)]!;
    let left = 0, atRisk = 0;
    for (const h of recent) {
      const prev = known.find((k) => k.year === h.year - 1);
      if (!prev) continue;
      for (let x = band.from; x <= Math.min(band.to, MAX_AGE - 1); x += 1) { left += h.ceasedByAge[x]!; atRisk += prev.stockByAge[x]!; }
    }
    return atRisk > 0 ? Math.min(1, left / atRisk) : 0;
  });
  return {
    fittedTo: upToYear, requestIntercept: trend.a, requestGrowth: Math.exp(trend.b) - 1,
    conversion: requests > 0 ? issued / requests : 0, ageShare, ceaseRate, startStock: [...last.stockByAge],
  };
}

export function projectedRequests(m: DemandModel, year: number): number {
  return Number.isFinite(m.requestIntercept) ? Math.exp(m.requestIntercept) * (1 + m.requestGrowth) ** (year - m.fittedTo) : 0;
}

/** Plans year by year after the model's last year of history, for `years` years. */
export function projectDemand(m: DemandModel, years: number): DemandYear[] {
  let stock = m.startStock;
  const out: DemandYear[] = [];
  for (let k = 1; k <= years; k += 1) {
    const year = m.fittedTo + k;
    const requests = projectedRequests(m, year);
    const newPlans = requests * m.conversion;
    const next = AGES.map(() => 0);
    let ceased = 0;
    stock.forEach((n, a) => {
      const leaving = n * m.ceaseRate[a]!;
      ceased += leaving;
      if (a < MAX_AGE) next[a + 1]! += n - leaving;
    });
    AGES.forEach((a) => { next[a]! += newPlans * m.ageShare[a]!; });
    stock = next;
    out.push({ year, requests, newPlans, ceased, plans: sum(next), byAge: next });
  }
  return out;
}

export interface BackTestYear { year: number; forecast: number; actual: number; absolutePercentError: number }
export interface BackTest { years: BackTestYear[]; mape: number | null }

/**
 * The model refitted as it would have been at the end of each past year, forecasting the next
 * year's plans, against what happened: the mean absolute percentage error (MAPE) of those
 * one-year-ahead forecasts. Only years with three years of history before them are tested.
 */
export function backTest(history: readonly YearStats[], maxYears = 5): BackTest {
  const sorted = [...history].sort((a, b) => a.year - b.year);
  const first = sorted[0]?.year ?? 0;
  const years: BackTestYear[] = [];
  for (const h of sorted.slice(-maxYears)) {
    if (h.year - first < RATE_YEARS) continue;
    const forecast = projectDemand(fitDemand(sorted, h.year - 1), 1)[0]!.plans;
    const actual = sum(h.stockByAge);
    if (actual === 0) continue;
    years.push({ year: h.year, forecast, actual, absolutePercentError: (Math.abs(forecast - actual) / actual) * 100 });
  }
  return { years, mape: years.length ? sum(years.map((y) => y.absolutePercentError)) / years.length : null };
}
