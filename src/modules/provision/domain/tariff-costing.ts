/**
 * Money over time. An annual amount (a band's top-up, a place cost, an hourly rate's yearly total)
 * changes on the date a new tariff takes effect; a period that straddles the change is split by
 * days, each part charged at the rate in force on those days. Everything is whole pence.
 */
export interface Dated { effectiveFrom: string; effectiveTo: string | null }

export interface Period { from: string; to: string }

const DAY = 86_400_000;
const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const toIso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Days in a period, counting both ends (1 April to 31 March is 365 or 366). */
export function inclusiveDays(p: Period): number {
  return Math.round((toMs(p.to) - toMs(p.from)) / DAY) + 1;
}

/** The tariff rows in force on a day; a council's own row beats a national one with the same code. */
export function inForceOn<T extends Dated & { laCode: string | null }>(rows: readonly T[], day: string): T | undefined {
  const live = rows.filter((r) => r.effectiveFrom <= day && (r.effectiveTo === null || r.effectiveTo >= day));
  return live.find((r) => r.laCode !== null) ?? live[0];
}

export interface CostSegment { from: string; to: string; days: number; annualPence: number; pence: number }

/**
 * Splits a period at every tariff boundary inside it and charges each part pro rata:
 * annual × days ÷ days in the year that the part starts in (365 or 366). Days with no tariff
 * in force cost nothing and are left out.
 */
export function proRataCost<T extends Dated & { laCode: string | null }>(
  rows: readonly T[],
  annualOf: (row: T) => number,
  period: Period,
): { pence: number; segments: CostSegment[] } {
  if (period.to < period.from) return { pence: 0, segments: [] };
  const cuts = new Set<string>([period.from]);
  for (const r of rows) {
    if (r.effectiveFrom > period.from && r.effectiveFrom <= period.to) cuts.add(r.effectiveFrom);
    if (r.effectiveTo !== null && r.effectiveTo >= period.from && r.effectiveTo < period.to) cuts.add(toIso(toMs(r.effectiveTo) + DAY));
  }
  const starts = [...cuts].sort();
  const segments: CostSegment[] = [];
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next ? toIso(toMs(next) - DAY) : period.to;
    const row = inForceOn(rows, from);
    if (!row) return;
    const days = inclusiveDays({ from, to });
    const annualPence = annualOf(row);
    const year = Number(from.slice(0, 4));
    const yearDays = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
    segments.push({ from, to, days, annualPence, pence: Math.round((annualPence * days) / yearDays) });
  });
  return { pence: segments.reduce((a, s) => a + s.pence, 0), segments };
}

/** The financial year (1 April – 31 March) a day falls in: councils budget high-needs money by it. */
export function financialYearOf(day: string): Period {
  const y = Number(day.slice(0, 4));
  const start = day.slice(5) >= '04-01' ? y : y - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The overlap of two periods, or undefined when they do not meet. */
export function overlap(a: Period, b: { from: string; to: string | null }): Period | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = b.to === null || a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : undefined;
}
