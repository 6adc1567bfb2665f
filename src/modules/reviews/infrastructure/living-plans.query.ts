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

/**
 * Every case with an issued plan in the caller's councils (row-level security decides which), with
 * the child's current placement and every event. Four set-based statements rather than one with a
 * correlated sub-select per case: for a council's 3,000 plans the correlated form took 20 s (each
 * sub-select re-applies the row-level security policy), these take well under a second.
 * `childKeys` narrows it to some children (the SENCO's pupils); `caseId` to one case.
 */
export async function plansWithEvents(tx: Tx, filter: { laCodes: readonly string[]; childKeys?: ReadonlyArray<{ laCode: string; childId: string }>; caseId?: string }): Promise<PlanRow[]> {
  if (filter.laCodes.length === 0 || filter.childKeys?.length === 0) return [];
  const children = filter.childKeys ? sql`and (c.la_code, c.child_id) in (${sql.join(filter.childKeys.map((k) => sql`(${k.laCode}::char(3), ${k.childId}::uuid)`))})` : sql``;
  const one = filter.caseId ? sql`and c.id = ${filter.caseId}::uuid` : sql``;
  // The plan cases first, by the event-type index: joining this as a sub-select lets the planner
  // pick a nested loop when statistics are missing (a freshly seeded council), which took seconds.
  const planCases = await sql<{ case_id: string }>`
    select distinct f.case_id from case_events f where f.la_code = any (${[...filter.laCodes]}::char(3)[]) and f.type = 'final-plan-issued' ${filter.caseId ? sql`and f.case_id = ${filter.caseId}::uuid` : sql``}`.execute(tx);
  if (planCases.rows.length === 0) return [];
  const cases = await sql<{ la_code: string; case_id: string; reference: string; version: number; child_id: string; given_name: string; family_name: string; date_of_birth: string }>`
    select c.la_code, c.id as case_id, c.reference, c.version, ch.id as child_id, ch.given_name, ch.family_name, ch.date_of_birth
    from cases c
    join children ch on ch.la_code = c.la_code and ch.id = c.child_id
    where c.la_code = any (${[...filter.laCodes]}::char(3)[]) ${children} ${one}
      and c.id = any (${planCases.rows.map((r) => r.case_id)}::uuid[])
    order by ch.family_name, ch.given_name`.execute(tx);
  if (cases.rows.length === 0) return [];
  const caseIds = cases.rows.map((r) => r.case_id);
  const childIds = [...new Set(cases.rows.map((r) => r.child_id))];
  const events = await sql<{ la_code: string; case_id: string; seq: number; type: string; occurred_on: string; data: Record<string, unknown> }>`
    select e.la_code, e.case_id, e.seq, e.type, e.occurred_on, e.data from case_events e
    where e.la_code = any (${[...filter.laCodes]}::char(3)[]) and e.case_id = any (${caseIds}::uuid[]) order by e.la_code, e.case_id, e.seq`.execute(tx);
  const placements = await sql<{ la_code: string; child_id: string; setting_id: string; name: string; phase: string }>`
    select distinct on (p.la_code, p.child_id) p.la_code, p.child_id, s.id as setting_id, s.name, s.phase
    from placements p join settings s on s.la_code = p.la_code and s.id = p.setting_id
    where p.la_code = any (${[...filter.laCodes]}::char(3)[]) and p.child_id = any (${childIds}::uuid[]) and p.ends_on is null
    order by p.la_code, p.child_id, p.starts_on desc`.execute(tx);
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events.rows) {
    if (!isCaseEventType(e.type)) continue;
    const key = `${e.la_code}/${e.case_id}`;
    const list = byCase.get(key) ?? [];
    list.push({ seq: e.seq, type: e.type, occurredOn: e.occurred_on, data: e.data } as CaseEvent);
    byCase.set(key, list);
  }
  const placed = new Map(placements.rows.map((p) => [`${p.la_code}/${p.child_id}`, p]));
  return cases.rows.map((r) => {
    const p = placed.get(`${r.la_code}/${r.child_id}`);
    return {
      laCode: r.la_code,
      caseId: r.case_id,
      reference: r.reference,
      version: r.version,
      child: { id: r.child_id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth },
      ...(p ? { setting: { id: p.setting_id, name: p.name, phase: p.phase } } : {}),
      events: byCase.get(`${r.la_code}/${r.case_id}`) ?? [],
    };
  });
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
