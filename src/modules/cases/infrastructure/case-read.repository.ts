import type { Db, Tx } from '../../../platform/db/connection.ts';
import { caseRecordQuery, caseRecordWithNamesQuery } from './case-record.query.ts';

export interface CaseEventRow {
  seq: number;
  type: string;
  occurredOn: string;
  recordedAt: Date;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface CaseRecord {
  laCode: string;
  id: string;
  reference: string;
  kind: string;
  openedOn: string;
  version: number;
  team: string | null;
  caseworker: { id: string; name: string } | null;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string; upn: string | null; postcode: string | null };
  events: CaseEventRow[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string): boolean => UUID.test(v);

/** One case with its child and events. Row-level security already limits it to the caller's councils. */
export async function findCase(tx: Tx | Db, caseId: string): Promise<CaseRecord | undefined> {
  if (!isUuid(caseId)) return undefined;
  const row = await caseRecordQuery(tx, caseId).executeTakeFirst();
  return row && toCaseRecord(row);
}

/** findCase plus the names of the organisations and settings its events name, in one round trip. */
export async function findCaseWithNames(tx: Tx | Db, caseId: string): Promise<{ record: CaseRecord; names: Map<string, string> } | undefined> {
  if (!isUuid(caseId)) return undefined;
  const row = await caseRecordWithNamesQuery(tx, caseId).executeTakeFirst();
  return row && { record: toCaseRecord(row), names: new Map(Object.entries(row.names ?? {})) };
}

type CaseRecordRow = NonNullable<Awaited<ReturnType<ReturnType<typeof caseRecordQuery>['executeTakeFirst']>>>;

function toCaseRecord(row: CaseRecordRow): CaseRecord {
  return {
    laCode: row.la_code,
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    openedOn: row.opened_on,
    version: row.version,
    team: row.team,
    caseworker: row.caseworker_id ? { id: row.caseworker_id, name: row.caseworker_name ?? '' } : null,
    child: {
      id: row.child_id,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      upn: row.upn,
      postcode: row.postcode,
    },
    events: row.events.map((e) => ({ ...e, recordedAt: new Date(e.recordedAt) })),
  };
}

export interface FamilyChild {
  laCode: string;
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  relationship: string;
  cases: Array<{ id: string; reference: string; openedOn: string }>;
}

/** The children a family member is linked to: the only children a family account can ever see. */
export async function childrenOfFamilyMember(tx: Tx, userId: string): Promise<FamilyChild[]> {
  const rows = await tx
    .selectFrom('family_members as f')
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'f.la_code').onRef('ch.id', '=', 'f.child_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'ch.la_code').onRef('c.child_id', '=', 'ch.id'))
    .select(['ch.la_code', 'ch.id', 'ch.given_name', 'ch.family_name', 'ch.date_of_birth', 'f.relationship', 'c.id as case_id', 'c.reference', 'c.opened_on'])
    .where('f.user_id', '=', userId)
    .orderBy('ch.given_name')
    .orderBy('c.opened_on', 'desc')
    .execute();
  const byChild = new Map<string, FamilyChild>();
  for (const r of rows) {
    const key = `${r.la_code}/${r.id}`;
    let child = byChild.get(key);
    if (!child) {
      child = { laCode: r.la_code, id: r.id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, relationship: r.relationship, cases: [] };
      byChild.set(key, child);
    }
    if (r.case_id && r.reference && r.opened_on) child.cases.push({ id: r.case_id, reference: r.reference, openedOn: r.opened_on });
  }
  return [...byChild.values()];
}

export interface CaseSummaryRow {
  id: string;
  reference: string;
  childName: string;
  openedOn: string;
}

export async function casesOfCaseworker(tx: Tx, userId: string, limit = 50): Promise<CaseSummaryRow[]> {
  const rows = await tx
    .selectFrom('cases as c')
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .select(['c.id', 'c.reference', 'ch.given_name', 'ch.family_name', 'c.opened_on'])
    .where('c.caseworker_user_id', '=', userId)
    .orderBy('c.opened_on', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, reference: r.reference, childName: `${r.given_name} ${r.family_name}`, openedOn: r.opened_on }));
}
