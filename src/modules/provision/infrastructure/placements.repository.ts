import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { NamedInPlan, PlacementEntry } from '../domain/placement-history.ts';
import { settingNamedIn } from '../domain/plan-costing.ts';
import type { PlanDocument } from '../../plans/index.ts';
import './provision.tables.ts';

export async function findChild(tx: Tx, childId: string): Promise<{ laCode: string; id: string; givenName: string; familyName: string; dateOfBirth: string; postcode: string | null } | undefined> {
  const r = await tx.selectFrom('children').select(['la_code', 'id', 'given_name', 'family_name', 'date_of_birth', 'postcode']).where('id', '=', childId).executeTakeFirst();
  return r && { laCode: r.la_code, id: r.id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, postcode: r.postcode };
}

export async function placementHistory(tx: Tx, childId: string): Promise<PlacementEntry[]> {
  const rows = await tx.selectFrom('placements as p')
    .innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'p.la_code').onRef('s.id', '=', 'p.setting_id'))
    .select(['p.id', 'p.setting_id', 's.name', 's.kind', 'p.starts_on', 'p.ends_on', 'p.sen_unit', 'p.resourced_provision', 'p.dual_registration', 'p.residential', 'p.band_code'])
    .where('p.child_id', '=', childId).execute();
  return rows.map((r) => ({
    id: r.id, settingId: r.setting_id, settingName: r.name, settingKind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on, senUnit: r.sen_unit,
    resourcedProvision: r.resourced_provision, dualRegistration: r.dual_registration, residential: r.residential, bandCode: r.band_code ?? null,
  }));
}

/** Whether the plans module's tables exist yet in this database (it ships separately). */
export async function plansStored(tx: Tx): Promise<boolean> {
  const r = await sql<{ present: boolean }>`select to_regclass('plan_versions') is not null as present`.execute(tx);
  return r.rows[0]?.present ?? false;
}

/** The latest issued plan document of each child (by child id), when plans are stored. */
export async function issuedPlans(tx: Tx, childId?: string): Promise<Map<string, PlanDocument>> {
  if (!(await plansStored(tx))) return new Map();
  const rows = await sql<{ child_id: string; document: PlanDocument }>`
    select distinct on (p.la_code, p.child_id) p.child_id, v.document
    from plans p join plan_versions v on v.la_code = p.la_code and v.plan_id = p.id
    where v.status = 'final' ${childId ? sql`and p.child_id = ${childId}` : sql``}
    order by p.la_code, p.child_id, v.version desc`.execute(tx);
  return new Map(rows.rows.map((r) => [r.child_id, r.document]));
}

/** The latest final-plan-issued event of each child: its primary need and named setting. */
export async function latestIssuedEvents(tx: Tx, childId?: string): Promise<Map<string, { primaryNeed: string | null; settingId: string | null; occurredOn: string }>> {
  let q = tx.selectFrom('case_events as e').innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'e.la_code').onRef('c.id', '=', 'e.case_id'))
    .select(['c.child_id', 'e.data', 'e.occurred_on', 'e.seq']).where('e.type', '=', 'final-plan-issued');
  if (childId) q = q.where('c.child_id', '=', childId);
  const rows = await q.orderBy('e.occurred_on').orderBy('e.seq').execute();
  const out = new Map<string, { primaryNeed: string | null; settingId: string | null; occurredOn: string }>();
  for (const r of rows) {
    const d = r.data as { primaryNeed?: string; settingId?: string | null };
    out.set(r.child_id, { primaryNeed: d.primaryNeed ?? null, settingId: d.settingId ?? null, occurredOn: r.occurred_on });
  }
  return out;
}

/** What the current plan names in Section I: from the stored plan if there is one, else from the event. */
export async function namedInPlan(tx: Tx, childId: string): Promise<NamedInPlan | null> {
  const plan = (await issuedPlans(tx, childId)).get(childId);
  if (plan) {
    const i = plan.sections.I;
    if (!i) return null;
    if (i.kind === 'type-only') return { source: 'plan', settingId: null, settingName: null, typeOnly: i.settingType };
    const settings = await tx.selectFrom('settings').select(['id', 'name', 'urn', 'ukprn']).execute();
    return { source: 'plan', settingId: settingNamedIn(i, settings), settingName: i.settingName };
  }
  const event = (await latestIssuedEvents(tx, childId)).get(childId);
  if (!event) return null;
  const name = event.settingId ? (await tx.selectFrom('settings').select('name').where('id', '=', event.settingId).executeTakeFirst())?.name ?? null : null;
  return { source: 'event', settingId: event.settingId, settingName: name };
}
