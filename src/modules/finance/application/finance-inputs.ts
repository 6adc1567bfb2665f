import type { Tx } from '../../../platform/db/connection.ts';
import { placementsForFinance, settingsForFinance } from '../../provision/index.ts';
import type { PlacementDays } from '../domain/committed-spend.ts';
import { overlapOf, yearPeriod, ageOn } from '../domain/financial-year.ts';
import { lineOfSetting, type Line } from '../domain/money-lines.ts';
import { planSpells, requestDates, type SpellRow } from '../infrastructure/demand.query.ts';

/**
 * Reads what the finance calculations need and turns it into the domain's plain values. A
 * placement is charged to high needs only while the child has a plan, except alternative
 * provision, which the high-needs block funds without one.
 */
export async function placementDaysIn(tx: Tx, laCode: string, year: number, spells: readonly SpellRow[]): Promise<PlacementDays[]> {
  const fy = yearPeriod(year);
  const rows = await placementsForFinance(tx, fy.from, fy.to, laCode);
  const byChild = new Map<string, SpellRow[]>();
  for (const s of spells) byChild.set(s.childId, [...(byChild.get(s.childId) ?? []), s]);
  const out: PlacementDays[] = [];
  for (const p of rows) {
    const line = lineOfSetting(p);
    if (line === 'alternative-provision') { out.push({ line, startsOn: p.startsOn, endsOn: p.endsOn }); continue; }
    for (const s of byChild.get(p.childId) ?? []) {
      const both = overlapOf({ from: p.startsOn, to: p.endsOn ?? '9999-12-31' }, { from: s.startsOn, to: s.endsOn ? addDay(s.endsOn, -1) : null });
      if (both) out.push({ line, startsOn: both.from, endsOn: both.to === '9999-12-31' ? null : both.to });
    }
  }
  return out;
}

const addDay = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Each plan in force on a day, with the child's age, the line of their current placement and their need. */
export async function plansInForceOn(tx: Tx, laCode: string, day: string, spells: readonly SpellRow[]): Promise<Array<{ age: number; line: Line | null; need: string | null }>> {
  const placements = await placementsForFinance(tx, day, day, laCode);
  const lineOf = new Map(placements.map((p) => [p.childId, lineOfSetting(p)]));
  return spells.filter((s) => s.startsOn <= day && (s.endsOn === null || s.endsOn > day))
    .map((s) => ({ age: ageOn(s.dateOfBirth, day), line: lineOf.get(s.childId) ?? null, need: s.need }));
}

/** Plan-years in force during a financial year: the average number of plans in place over it. */
export function planYears(spells: readonly SpellRow[], year: number): number {
  const fy = yearPeriod(year);
  const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;
  const total = days(fy.from, fy.to);
  return spells.reduce((acc, s) => {
    const o = overlapOf(fy, { from: s.startsOn, to: s.endsOn ? addDay(s.endsOn, -1) : null });
    return acc + (o ? days(o.from, o.to) / total : 0);
  }, 0);
}

export async function specialistCapacity(tx: Tx, laCode: string): Promise<Array<{ name: string; line: Line; places: number; ageFrom: number; ageTo: number; needs: string[] }>> {
  return (await settingsForFinance(tx, laCode))
    .map((s) => ({ name: s.name, line: lineOfSetting(s), places: s.places, ageFrom: s.ageFrom, ageTo: s.ageTo, needs: s.needs }))
    .filter((s) => ['resourced-provision', 'maintained-special', 'academy-special'].includes(s.line) && s.places > 0);
}

export { planSpells, requestDates };
