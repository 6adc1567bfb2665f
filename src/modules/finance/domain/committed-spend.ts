import { inclusiveDays, overlapOf, yearPeriod, addDaysIso, type Period } from './financial-year.ts';
import { LINES, type Line } from './money-lines.ts';

/**
 * Committed spend: what the placements in force during a financial year cost at the council's
 * tariffs. Each placement is charged for its days inside the year, annual tariff × days ÷ days in
 * the year (365 or 366); a tariff change inside the year splits the charge at its date. Whole pence.
 */
export interface Tariff { line: Line; annualPence: number; effectiveFrom: string; effectiveTo: string | null }
export interface PlacementDays { line: Line; startsOn: string; endsOn: string | null }

export interface LineCommitment { line: Line; placements: number; placeYears: number; pence: number; noTariffDays: number }

/** The tariff for a line in force on a day (the latest one starting on or before it). */
export function tariffOn(tariffs: readonly Tariff[], line: Line, day: string): Tariff | undefined {
  return tariffs
    .filter((t) => t.line === line && t.effectiveFrom <= day && (t.effectiveTo === null || t.effectiveTo >= day))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** The cost of one stretch of days on one line, split at tariff changes. */
export function costOfDays(tariffs: readonly Tariff[], line: Line, days: Period, yearDays: number): { pence: number; noTariffDays: number } {
  const cuts = new Set([days.from]);
  for (const t of tariffs) {
    if (t.line !== line) continue;
    if (t.effectiveFrom > days.from && t.effectiveFrom <= days.to) cuts.add(t.effectiveFrom);
    if (t.effectiveTo !== null && t.effectiveTo >= days.from && t.effectiveTo < days.to) cuts.add(addDaysIso(t.effectiveTo, 1));
  }
  const starts = [...cuts].sort();
  let pence = 0, noTariffDays = 0;
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next ? addDaysIso(next, -1) : days.to;
    const n = inclusiveDays({ from, to });
    const t = tariffOn(tariffs, line, from);
    if (t) pence += Math.round((t.annualPence * n) / yearDays);
    else noTariffDays += n;
  });
  return { pence, noTariffDays };
}

export function committedByLine(placements: readonly PlacementDays[], tariffs: readonly Tariff[], year: number): LineCommitment[] {
  const fy = yearPeriod(year);
  const yearDays = inclusiveDays(fy);
  const out = new Map<Line, LineCommitment>(LINES.map((l) => [l, { line: l, placements: 0, placeYears: 0, pence: 0, noTariffDays: 0 }]));
  for (const p of placements) {
    const days = overlapOf(fy, { from: p.startsOn, to: p.endsOn });
    if (!days) continue;
    const row = out.get(p.line)!;
    const cost = costOfDays(tariffs, p.line, days, yearDays);
    row.placements += 1;
    row.placeYears += inclusiveDays(days) / yearDays;
    row.pence += cost.pence;
    row.noTariffDays += cost.noTariffDays;
  }
  return [...out.values()];
}
