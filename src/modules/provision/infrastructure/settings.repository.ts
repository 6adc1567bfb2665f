import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { Coordinates } from '../domain/geo-distance.ts';
import type { SettingInput, SettingRecord } from '../domain/setting-record.ts';
import './provision.tables.ts';

export interface SettingFilters { kind?: string; phase?: string; need?: string; inArea?: boolean }

function toRecord(r: {
  la_code: string; id: string; name: string; urn: string | null; ukprn: string | null; gias_type_code: string; kind: string; phase: string;
  age_from: number; age_to: number; needs_designated: string[]; commissioned_places: number; in_area: boolean; place_cost_pence: string | number | null;
  postcode: string | null; trust_name: string | null;
}): SettingRecord {
  return {
    id: r.id, laCode: r.la_code, name: r.name, urn: r.urn, ukprn: r.ukprn, giasTypeCode: r.gias_type_code, kind: r.kind, phase: r.phase,
    ageFrom: r.age_from, ageTo: r.age_to, needsDesignated: r.needs_designated, commissionedPlaces: r.commissioned_places, inArea: r.in_area,
    placeCostPence: r.place_cost_pence === null ? null : Number(r.place_cost_pence), postcode: r.postcode, trustName: r.trust_name,
  };
}

export async function listSettings(tx: Tx, f: SettingFilters = {}): Promise<SettingRecord[]> {
  let q = tx.selectFrom('settings').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.phase) q = q.where('phase', '=', f.phase);
  if (f.need) q = q.where(sql<boolean>`${f.need} = any(needs_designated)`);
  if (f.inArea !== undefined) q = q.where('in_area', '=', f.inArea);
  return (await q.orderBy('name').orderBy('id').execute()).map(toRecord);
}

export async function findSetting(tx: Tx, id: string): Promise<SettingRecord | undefined> {
  const r = await tx.selectFrom('settings').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** Current placements per setting on a day: the occupancy of commissioned places. */
export async function currentPupilCounts(tx: Tx, today: string, settingId?: string): Promise<Map<string, number>> {
  let q = tx.selectFrom('placements').select(['setting_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('starts_on', '<=', today).where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]));
  if (settingId) q = q.where('setting_id', '=', settingId);
  const rows = await q.groupBy('setting_id').execute();
  return new Map(rows.map((r) => [r.setting_id, Number(r.n)]));
}

/** Pupils at a setting today who have an issued plan (a final-plan-issued event on their case). */
export async function pupilsWithPlans(tx: Tx, settingId: string, today: string): Promise<number> {
  const r = await tx.selectFrom('placements as p')
    .where('p.setting_id', '=', settingId).where('p.starts_on', '<=', today)
    .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', today)]))
    .where(({ exists, selectFrom }) => exists(selectFrom('cases as c').innerJoin('case_events as e', (j) => j.onRef('e.la_code', '=', 'c.la_code').onRef('e.case_id', '=', 'c.id'))
      .select('e.seq').whereRef('c.la_code', '=', 'p.la_code').whereRef('c.child_id', '=', 'p.child_id').where('e.type', '=', 'final-plan-issued')))
    .select((eb) => eb.fn.count<number>('p.child_id').distinct().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

function toRow(s: SettingInput) {
  return {
    name: s.name, urn: s.urn, ukprn: s.ukprn, gias_type_code: s.giasTypeCode, kind: s.kind, phase: s.phase, age_from: s.ageFrom, age_to: s.ageTo,
    needs_designated: s.needsDesignated, commissioned_places: s.commissionedPlaces, in_area: s.inArea, place_cost_pence: s.placeCostPence,
    postcode: s.postcode, trust_name: s.trustName,
  };
}

export async function updateSetting(tx: Tx, id: string, s: SettingInput): Promise<void> {
  await tx.updateTable('settings').set(toRow(s)).where('id', '=', id).execute();
}

/** Imported settings: a URN already in the directory updates that setting; anything else is added. */
export async function upsertSettings(tx: Tx, laCode: string, settings: readonly SettingInput[]): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const s of settings) {
    const existing = s.urn ? await tx.selectFrom('settings').select('id').where('la_code', '=', laCode).where('urn', '=', s.urn).executeTakeFirst() : undefined;
    if (existing) { await updateSetting(tx, existing.id, s); updated += 1; }
    else { await tx.insertInto('settings').values({ la_code: laCode, ...toRow(s) }).execute(); added += 1; }
  }
  return { added, updated };
}

export async function coordinatesFor(tx: Tx, postcodes: readonly string[]): Promise<Map<string, Coordinates>> {
  if (!postcodes.length) return new Map();
  const rows = await tx.selectFrom('postcode_locations').selectAll().where('postcode', 'in', [...new Set(postcodes)]).execute();
  return new Map(rows.map((r) => [r.postcode, { latitude: r.latitude, longitude: r.longitude }]));
}
