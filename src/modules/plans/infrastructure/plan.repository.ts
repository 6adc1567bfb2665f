import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import type { PlanDocument, SectionKey } from '../domain/plan-document.ts';
import { fingerprint } from './canonical-json.ts';
import './plans.tables.ts';

/**
 * Storage of plans and their versions. Row-level security confines every query to the caller's
 * councils; the trigger in 0030-plans.sql refuses any change to an issued version, whatever the
 * application does.
 */
export interface PlanRef {
  laCode: string;
  planId: string;
  caseId: string;
  childId: string;
}

export interface VersionSummary {
  version: number;
  status: 'draft' | 'final';
  issuedOn: string | null;
  issuedByName: string | null;
  createdAt: Date;
  lockVersion: number;
}

export interface StoredVersion extends PlanRef {
  version: number;
  status: 'draft' | 'final';
  lockVersion: number;
  document: PlanDocument;
}

export async function findPlanOfCase(tx: Tx | Db, caseId: string): Promise<PlanRef | undefined> {
  const row = await tx.selectFrom('plans').select(['la_code', 'id', 'case_id', 'child_id']).where('case_id', '=', caseId).executeTakeFirst();
  return row && { laCode: row.la_code, planId: row.id, caseId: row.case_id, childId: row.child_id };
}

export async function listVersions(tx: Tx | Db, plan: PlanRef): Promise<VersionSummary[]> {
  const rows = await tx
    .selectFrom('plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.issued_by')
    .select(['v.version', 'v.status', 'v.issued_on', 'u.display_name', 'v.created_at', 'v.lock_version'])
    .where('v.la_code', '=', plan.laCode)
    .where('v.plan_id', '=', plan.planId)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version, status: r.status, issuedOn: r.issued_on, issuedByName: r.display_name, createdAt: r.created_at, lockVersion: r.lock_version,
  }));
}

/**
 * One version of the plan of a case, found from the case id in a single query: the plan page is
 * the most read page of a plan, so it does not walk case → plan → version in three round trips.
 * `which` is a version number, or 'draft' for the current draft, or 'latest'.
 */
export async function findVersionOfCase(tx: Tx | Db, caseId: string, which: number | 'draft' | 'latest', opts: { forUpdate?: boolean } = {}): Promise<StoredVersion | undefined> {
  let q = tx
    .selectFrom('plan_versions as v')
    .innerJoin('plans as p', (j) => j.onRef('p.la_code', '=', 'v.la_code').onRef('p.id', '=', 'v.plan_id'))
    .select(['v.la_code', 'v.plan_id', 'p.case_id', 'p.child_id', 'v.version', 'v.status', 'v.lock_version', 'v.document'])
    .where('p.case_id', '=', caseId);
  if (typeof which === 'number') q = q.where('v.version', '=', which);
  else if (which === 'draft') q = q.where('v.status', '=', 'draft');
  q = q.orderBy('v.version', 'desc').limit(1);
  if (opts.forUpdate) q = q.forUpdate('v');
  const row = await q.executeTakeFirst();
  return row && {
    laCode: row.la_code, planId: row.plan_id, caseId: row.case_id, childId: row.child_id,
    version: row.version, status: row.status, lockVersion: row.lock_version, document: row.document,
  };
}

/**
 * Which version of the plan of a case is asked for, without its document: enough to authorise and
 * audit a read, so that an issued version whose page is already cached costs one small query.
 */
/** Works in a transaction or on a scoped read connection (readWithTenant). */
export async function findVersionRefOfCase(tx: Tx | Db, caseId: string, version: number | 'latest'): Promise<Omit<StoredVersion, 'document'> | undefined> {
  let q = tx
    .selectFrom('plan_versions as v')
    .innerJoin('plans as p', (j) => j.onRef('p.la_code', '=', 'v.la_code').onRef('p.id', '=', 'v.plan_id'))
    .select(['v.la_code', 'v.plan_id', 'p.case_id', 'p.child_id', 'v.version', 'v.status', 'v.lock_version'])
    .where('p.case_id', '=', caseId);
  q = version === 'latest' ? q.orderBy('v.version', 'desc').limit(1) : q.where('v.version', '=', version);
  const row = await q.executeTakeFirst();
  return row && { laCode: row.la_code, planId: row.plan_id, caseId: row.case_id, childId: row.child_id, version: row.version, status: row.status, lockVersion: row.lock_version };
}

export async function loadDocument(tx: Tx | Db, ref: Pick<StoredVersion, 'laCode' | 'planId' | 'version'>): Promise<PlanDocument> {
  const row = await tx.selectFrom('plan_versions').select('document').where('la_code', '=', ref.laCode).where('plan_id', '=', ref.planId).where('version', '=', ref.version).executeTakeFirstOrThrow();
  return row.document;
}

export async function createPlan(tx: Tx, ref: PlanRef, document: PlanDocument): Promise<void> {
  await tx.insertInto('plans').values({ la_code: ref.laCode, id: ref.planId, case_id: ref.caseId, child_id: ref.childId }).execute();
  await insertVersion(tx, ref, document);
}

export async function insertVersion(tx: Tx, ref: PlanRef, document: PlanDocument): Promise<void> {
  await tx
    .insertInto('plan_versions')
    .values({ la_code: ref.laCode, plan_id: ref.planId, version: document.version, status: document.status, document: JSON.stringify(document), issued_on: null, issued_by: null })
    .execute();
}

export type SaveResult =
  | { saved: true; lockVersion: number; document: PlanDocument }
  | { saved: false; reason: 'conflict'; current: StoredVersion }
  | { saved: false; reason: 'no-draft' };

/**
 * Saves one section of the draft. The form carried the draft's lock version and a fingerprint of
 * the section as it was shown. If the draft moved on since (someone else saved) the save still
 * goes ahead when that section itself is unchanged — they edited another section — and is refused
 * as a conflict when it changed. The row is locked first, so two concurrent saves are decided one
 * after the other and the second one sees the first.
 */
export async function saveDraftSection<K extends SectionKey>(
  tx: Tx, caseId: string, key: K, edit: (draft: PlanDocument) => PlanDocument, expected: { lockVersion: number; sectionFingerprint: string },
): Promise<SaveResult> {
  const current = await findVersionOfCase(tx, caseId, 'draft', { forUpdate: true });
  if (!current) return { saved: false, reason: 'no-draft' };
  if (current.lockVersion !== expected.lockVersion && fingerprint(current.document.sections[key]) !== expected.sectionFingerprint) {
    return { saved: false, reason: 'conflict', current };
  }
  const document = edit(current.document);
  return { saved: true, lockVersion: await writeDraft(tx, current, document), document };
}

/** Replaces the whole draft document, but only if nobody saved since `expectedLock` (the API's If-Match). */
export async function saveDraftDocument(tx: Tx, caseId: string, document: PlanDocument, expectedLock: number): Promise<SaveResult> {
  const current = await findVersionOfCase(tx, caseId, 'draft', { forUpdate: true });
  if (!current) return { saved: false, reason: 'no-draft' };
  if (current.lockVersion !== expectedLock) return { saved: false, reason: 'conflict', current };
  return { saved: true, lockVersion: await writeDraft(tx, current, document), document };
}

async function writeDraft(tx: Tx, current: StoredVersion, document: PlanDocument): Promise<number> {
  const row = await tx
    .updateTable('plan_versions')
    .set({ document: JSON.stringify(document), lock_version: sql<number>`lock_version + 1` })
    .where('la_code', '=', current.laCode)
    .where('plan_id', '=', current.planId)
    .where('version', '=', current.version)
    .where('status', '=', 'draft')
    .returning('lock_version')
    .executeTakeFirstOrThrow();
  return row.lock_version;
}

/** Turns the draft into its issued version: status, issue date and issuer set once, for good. */
export async function markIssued(tx: Tx, draft: StoredVersion, issued: PlanDocument, issuedByUserId: string): Promise<boolean> {
  const result = await tx
    .updateTable('plan_versions')
    .set({ document: JSON.stringify(issued), status: 'final', issued_on: issued.issuedOn ?? null, issued_by: issuedByUserId, lock_version: sql<number>`lock_version + 1` })
    .where('la_code', '=', draft.laCode)
    .where('plan_id', '=', draft.planId)
    .where('version', '=', draft.version)
    .where('status', '=', 'draft')
    .where('lock_version', '=', draft.lockVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
