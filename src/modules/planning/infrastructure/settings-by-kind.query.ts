import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { SETTING_KIND_NAMES, SETTING_KINDS } from '../../provision/index.ts';
import type { SettingKindFigures } from '../domain/planning-facts.ts';

/**
 * The council's settings by kind: how many, the places it commissions there, and the children
 * placed there today (open placements, each child once per kind). Settings and placements are
 * platform tables (migration 0003), so this reads them directly.
 */
export async function settingsByKind(tx: Tx, laCode: string, today: string): Promise<SettingKindFigures[]> {
  const rows = await tx.selectFrom('settings as s')
    .select((eb) => [
      's.kind',
      eb.fn.countAll<string>().as('settings'),
      eb.fn.coalesce(eb.fn.sum<string>('s.commissioned_places'), sql<string>`0`).as('places'),
    ])
    .where('s.la_code', '=', laCode)
    .groupBy('s.kind')
    .execute();
  const placed = await tx.selectFrom('placements as p')
    .innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'p.la_code').onRef('s.id', '=', 'p.setting_id'))
    .select((eb) => ['s.kind', eb.fn.count<string>('p.child_id').distinct().as('children')])
    .where('p.la_code', '=', laCode)
    .where('p.starts_on', '<=', today)
    .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', today)]))
    .groupBy('s.kind')
    .execute();
  const children = new Map(placed.map((r) => [r.kind, Number(r.children)]));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return SETTING_KINDS.filter((k) => byKind.has(k)).map((k) => ({
    kind: k,
    label: SETTING_KIND_NAMES[k],
    settings: Number(byKind.get(k)!.settings),
    commissionedPlaces: Number(byKind.get(k)!.places),
    childrenPlaced: children.get(k) ?? 0,
  }));
}
