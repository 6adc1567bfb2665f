import type { Tx } from '../../../platform/db/connection.ts';
import type { Band, Rate } from '../domain/plan-costing.ts';
import './provision.tables.ts';

export async function loadBands(tx: Tx): Promise<Band[]> {
  const rows = await tx.selectFrom('band_framework').selectAll().orderBy('band_code').orderBy('effective_from').execute();
  return rows.map((r) => ({ laCode: r.la_code, bandCode: r.band_code, levelOfNeed: r.level_of_need, provisionType: r.provision_type, annualTopUpPence: Number(r.annual_top_up_pence), effectiveFrom: r.effective_from, effectiveTo: r.effective_to }));
}

export async function loadRates(tx: Tx): Promise<Rate[]> {
  const rows = await tx.selectFrom('rate_card').selectAll().execute();
  return rows.map((r) => ({ laCode: r.la_code, delivererRole: r.deliverer_role, hourlyRatePence: r.hourly_rate_pence, effectiveFrom: r.effective_from, effectiveTo: r.effective_to }));
}

export async function loadFundingElements(tx: Tx): Promise<Array<{ element: number; description: string; annualAmountPence: number; effectiveFrom: string; effectiveTo: string | null; national: boolean }>> {
  const rows = await tx.selectFrom('funding_elements').selectAll().orderBy('element').orderBy('effective_from').execute();
  return rows.map((r) => ({ element: r.element, description: r.description, annualAmountPence: Number(r.annual_amount_pence), effectiveFrom: r.effective_from, effectiveTo: r.effective_to, national: r.la_code === null }));
}

export interface PlacementForCost {
  childId: string; childName: string; settingId: string; settingName: string; settingKind: string; placeCostPence: number | null;
  startsOn: string; endsOn: string | null; bandCode: string | null; sortKey: string;
}

/** Placements that overlap a period, with their setting. */
export async function placementsIn(tx: Tx, from: string, to: string): Promise<PlacementForCost[]> {
  const rows = await tx.selectFrom('placements as p')
    .innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'p.la_code').onRef('s.id', '=', 'p.setting_id'))
    .innerJoin('children as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .select(['p.child_id', 'c.given_name', 'c.family_name', 'p.setting_id', 's.name', 's.kind', 's.place_cost_pence', 'p.starts_on', 'p.ends_on', 'p.band_code'])
    .where('p.starts_on', '<=', to).where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', from)]))
    .orderBy('c.family_name').orderBy('c.given_name').execute();
  return rows.map((r) => ({
    childId: r.child_id, childName: `${r.given_name} ${r.family_name}`, settingId: r.setting_id, settingName: r.name, settingKind: r.kind,
    placeCostPence: r.place_cost_pence === null ? null : Number(r.place_cost_pence), startsOn: r.starts_on, endsOn: r.ends_on, bandCode: r.band_code ?? null,
    sortKey: `${r.family_name} ${r.given_name}`,
  }));
}

/** Names of children by id (for plans with no placement to take the name from). */
export async function childNames(tx: Tx, ids: readonly string[]): Promise<Map<string, { name: string; sortKey: string }>> {
  const rows = await tx.selectFrom('children').select(['id', 'given_name', 'family_name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { name: `${r.given_name} ${r.family_name}`, sortKey: `${r.family_name} ${r.given_name}` }]));
}
