import { AGE_BANDS, bandOf } from './demand-model.ts';
import { LINES, type Line } from './money-lines.ts';

/**
 * How plans at each age band split by setting type (budget line) and by primary need, taken from
 * the plans in force now. The projection applies these shares to the plans it forecasts at each
 * age, so a growing post-16 cohort shows up as post-16 places, not as an average child.
 */
export interface Mix { lineShares: Array<Record<Line, number>>; needShares: Array<Record<string, number>> }
export interface MixCase { age: number; line: Line | null; need: string | null }

function shares<K extends string>(counts: Map<K, number>): Record<K, number> {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const out = {} as Record<K, number>;
  for (const [k, n] of counts) out[k] = total > 0 ? n / total : 0;
  return out;
}

export function mixOf(cases: readonly MixCase[]): Mix {
  const lineAll = new Map<Line, number>(), needAll = new Map<string, number>();
  const lineBand = AGE_BANDS.map(() => new Map<Line, number>()), needBand = AGE_BANDS.map(() => new Map<string, number>());
  for (const c of cases) {
    const b = bandOf(c.age);
    if (b < 0) continue;
    if (c.line && c.line !== 'personal-budgets') { lineAll.set(c.line, (lineAll.get(c.line) ?? 0) + 1); lineBand[b]!.set(c.line, (lineBand[b]!.get(c.line) ?? 0) + 1); }
    if (c.need) { needAll.set(c.need, (needAll.get(c.need) ?? 0) + 1); needBand[b]!.set(c.need, (needBand[b]!.get(c.need) ?? 0) + 1); }
  }
  if (lineAll.size === 0) lineAll.set('mainstream-top-up', 1);
  if (needAll.size === 0) needAll.set('NSA', 1);
  // A band with nobody in it borrows the council's overall mix rather than forecasting no places.
  const fill = <K extends string>(band: Map<K, number>, all: Map<K, number>) => shares(band.size ? band : all);
  return {
    lineShares: lineBand.map((m) => {
      const s = fill(m, lineAll);
      return Object.fromEntries(LINES.map((l) => [l, l === 'personal-budgets' ? 0 : (s[l] ?? 0)])) as Record<Line, number>;
    }),
    needShares: needBand.map((m) => fill(m, needAll)),
  };
}
