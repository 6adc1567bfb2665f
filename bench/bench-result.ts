/**
 * One benchmark's outcome, printed as one JSON line by `npm run bench -- --json`.
 * `ratio` compares the thing measured with a floor measured in the same run on the same machine, so
 * the figure means the same on a slow laptop and a fast server. `target` says which way is good,
 * e.g. ">=0.5" or "<=3".
 */
export interface BenchResult {
  name: string;
  value: number;
  floor: number;
  ratio: number;
  unit: string;
  target: string;
  /** Extra figures worth reporting (medians of each run, sizes, memory). */
  details?: Record<string, unknown>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function meetsTarget(result: Pick<BenchResult, 'ratio' | 'target'>): boolean {
  const m = /^(<=|>=)(\d+(?:\.\d+)?)$/.exec(result.target);
  if (!m) return false;
  const bound = Number(m[2]);
  return m[1] === '<=' ? result.ratio <= bound : result.ratio >= bound;
}
