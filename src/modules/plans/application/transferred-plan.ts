import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../platform/db/connection.ts';
import type { PlanDocument } from '../domain/plan-document.ts';
import '../infrastructure/plans.tables.ts';

/**
 * A plan moving between councils (SEND Regulations 2014, reg 15): the old council's plan "is
 * treated as" the new council's. The old council hands over its latest issued version; the new
 * council keeps it, as issued, as version 1 of its own plan for the child, with its own plan id
 * and its own name on it. The issue date stays the original one: the annual review runs from it.
 */
export async function latestIssuedPlan(tx: Tx, caseId: string): Promise<{ document: PlanDocument; issuedOn: string } | undefined> {
  const row = await tx
    .selectFrom('plan_versions as v')
    .innerJoin('plans as p', (j) => j.onRef('p.la_code', '=', 'v.la_code').onRef('p.id', '=', 'v.plan_id'))
    .select(['v.document', 'v.issued_on'])
    .where('p.case_id', '=', caseId)
    .where('v.status', '=', 'final')
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.issued_on ? { document: row.document, issuedOn: row.issued_on } : undefined;
}

export async function adoptTransferredPlan(
  tx: Tx, to: { laCode: string; laName: string; caseId: string; childId: string }, document: PlanDocument,
): Promise<{ planId: string; version: number } | undefined> {
  if (document.status !== 'final' || !document.issuedOn) return undefined;
  const planId = randomUUID();
  const adopted: PlanDocument = { ...structuredClone(document), planId, version: 1, la: { code: to.laCode, name: to.laName } };
  await tx.insertInto('plans').values({ la_code: to.laCode, id: planId, case_id: to.caseId, child_id: to.childId }).execute();
  await tx
    .insertInto('plan_versions')
    .values({ la_code: to.laCode, plan_id: planId, version: 1, status: 'final', document: JSON.stringify(adopted), issued_on: document.issuedOn, issued_by: null })
    .execute();
  return { planId, version: 1 };
}
