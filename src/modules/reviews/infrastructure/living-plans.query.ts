import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { isCaseEventType, type CaseEvent } from '../../cases/index.ts';
import './reviews.tables.ts';

export interface PlanRow {
  laCode: string;
  caseId: string;
  reference: string;
  version: number;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string };
  setting?: { id: string; name: string; phase: string };
  events: CaseEvent[];
}

interface RawRow {
  la_code: string;
  case_id: string;
  reference: string;
  version: number;
  child_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  setting_id: string | null;
  setting_name: string | null;
  setting_phase: string | null;
  events: Array<{ seq: number; type: string; occurredOn: string; data: Record<string, unknown> }>;
}

/**
 * Every case with an issued plan in the caller's councils (row-level security decides which), with
 * the child's current placement and every event, in one statement. `childKeys` narrows it to some
 * children (the SENCO's pupils).
 */
export async function plansWithEvents(tx: Tx, filter: { laCodes: readonly string[]; childKeys?: ReadonlyArray<{ laCode: string; childId: string }>; caseId?: string }): Promise<PlanRow[]> {
  if (filter.laCodes.length === 0 || filter.childKeys?.length === 0) return [];
  const children = filter.childKeys ? sql`and (c.la_code, c.child_id) in (${sql.join(filter.childKeys.map((k) => sql`(${k.laCode}, ${k.childId}::uuid)`))})` : sql``;
  const result = await sql<RawRow>`
    select c.la_code, c.id as case_id, c.reference, c.version, ch.id as child_id, ch.given_name, ch.family_name, ch.date_of_birth,
      s.id as setting_id, s.name as setting_name, s.phase as setting_phase,
      (select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'occurredOn', e.occurred_on, 'data', e.data) order by e.seq)
         from case_events e where e.la_code = c.la_code and e.case_id = c.id) as events
    from cases c
    join children ch on ch.la_code = c.la_code and ch.id = c.child_id
    left join lateral (
      select st.id, st.name, st.phase from placements p join settings st on st.la_code = p.la_code and st.id = p.setting_id
      where p.la_code = c.la_code and p.child_id = c.child_id and p.ends_on is null order by p.starts_on desc limit 1
    ) s on true
    where c.la_code = any (${[...filter.laCodes]}::text[])
      and exists (select 1 from case_events f where f.la_code = c.la_code and f.case_id = c.id and f.type = 'final-plan-issued')
      ${children}
      ${filter.caseId ? sql`and c.id = ${filter.caseId}::uuid` : sql``}
    order by ch.family_name, ch.given_name`.execute(tx);
  return result.rows.map((r) => ({
    laCode: r.la_code,
    caseId: r.case_id,
    reference: r.reference,
    version: r.version,
    child: { id: r.child_id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth },
    ...(r.setting_id ? { setting: { id: r.setting_id, name: r.setting_name ?? '', phase: r.setting_phase ?? '' } } : {}),
    events: (r.events ?? []).filter((e) => isCaseEventType(e.type)).map((e) => ({ seq: e.seq, type: e.type, occurredOn: e.occurredOn, data: e.data }) as CaseEvent),
  }));
}

/** The children placed at the SENCO's setting(s), in every council the SENCO acts for: the URN joins a school to each council's directory. */
export async function pupilsAtSettings(tx: Tx, organisationIds: readonly string[]): Promise<Array<{ laCode: string; childId: string }>> {
  if (organisationIds.length === 0) return [];
  const rows = await tx
    .selectFrom('organisations as o')
    .innerJoin('settings as s', (j) => j.onRef('s.urn', '=', 'o.urn'))
    .innerJoin('placements as p', (j) => j.onRef('p.la_code', '=', 's.la_code').onRef('p.setting_id', '=', 's.id'))
    .select(['p.la_code', 'p.child_id'])
    .where('o.id', 'in', [...organisationIds])
    .where('p.ends_on', 'is', null)
    .distinct()
    .execute();
  return rows.map((r) => ({ laCode: r.la_code, childId: r.child_id }));
}

/** The council's review settings; the row is created with the table's defaults the first time it is needed. */
export async function reviewSettings(tx: Tx, laCode: string): Promise<{ underFiveMonths: number; atRiskWeeks: number }> {
  await tx.insertInto('review_settings').values({ la_code: laCode }).onConflict((oc) => oc.column('la_code').doNothing()).execute();
  const row = await tx.selectFrom('review_settings').select(['under_five_months', 'at_risk_weeks']).where('la_code', '=', laCode).executeTakeFirstOrThrow();
  return { underFiveMonths: row.under_five_months, atRiskWeeks: row.at_risk_weeks };
}

export async function saveReviewSettings(tx: Tx, laCode: string, values: { underFiveMonths: number; atRiskWeeks: number }): Promise<void> {
  await tx
    .insertInto('review_settings')
    .values({ la_code: laCode, under_five_months: values.underFiveMonths, at_risk_weeks: values.atRiskWeeks })
    .onConflict((oc) => oc.column('la_code').doUpdateSet({ under_five_months: values.underFiveMonths, at_risk_weeks: values.atRiskWeeks, updated_at: new Date() }))
    .execute();
}
