import { latestBenchmarkPeriod, benchmarkFor, type BenchmarkSet, type Geography } from './dfe-benchmarks.ts';

/**
 * A council's statistical neighbours. The partnership may configure its own list (the
 * statistical-neighbours.json data file); otherwise the default is the councils of the same region
 * nearest in number of EHC plans in the latest DfE year — transparent and reproducible, though
 * cruder than DfE's own statistical-neighbour model, which weighs deprivation and demography.
 */
export const DEFAULT_NEIGHBOUR_COUNT = 5;

export function statisticalNeighbours(
  set: BenchmarkSet,
  laCode: string,
  configured: Readonly<Record<string, readonly string[]>>,
  count = DEFAULT_NEIGHBOUR_COUNT,
): { neighbours: Geography[]; basis: 'configured' | 'region-nearest-in-plans' } {
  const own = configured[laCode];
  if (own && own.length > 0) {
    return { neighbours: own.map((c) => set.geographies.get(c)).filter((g): g is Geography => g?.level === 'council'), basis: 'configured' };
  }
  const me = set.geographies.get(laCode);
  const year = latestBenchmarkPeriod(set, 'plans-in-place');
  if (!me || !year) return { neighbours: [], basis: 'region-nearest-in-plans' };
  const plansOf = (code: string): number | undefined => benchmarkFor(set, code, 'plans-in-place', year)?.numerator;
  const mine = plansOf(laCode) ?? 0;
  const candidates = [...set.geographies.values()]
    .filter((g) => g.level === 'council' && g.code !== laCode && g.regionCode === me.regionCode)
    .map((g) => ({ g, distance: Math.abs((plansOf(g.code) ?? Number.POSITIVE_INFINITY) - mine) }))
    .sort((a, b) => a.distance - b.distance || a.g.name.localeCompare(b.g.name));
  return { neighbours: candidates.slice(0, count).map((c) => c.g), basis: 'region-nearest-in-plans' };
}
