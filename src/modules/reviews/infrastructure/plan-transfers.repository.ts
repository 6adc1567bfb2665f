import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { PlanDocument } from '../../plans/index.ts';
import type { PlanRow } from './living-plans.query.ts';
import './reviews.tables.ts';

export interface OutgoingMove {
  transferId: string;
  toLaCode: string;
  awareOn: string;
  movedOn: string;
  noticeLate: boolean;
  transferredOn?: string;
  /** The old council's views on the move, for the new council. */
  views?: string;
}

/** The plan as issued, handed over with the move so the new council can hold it as its own. */
export interface HandedOverPlan {
  document?: PlanDocument | undefined;
  issuedOn?: string | undefined;
  lastReviewOn?: string | undefined;
  primaryNeed?: string | undefined;
}

/**
 * Records a move in the old council's tenancy, then asks the database to open the matching record
 * in the new council's tenancy (send_plan_transfer, migration 0080): the application never reads
 * or writes another council's rows itself.
 */
export async function recordOutgoingTransfer(tx: Tx, plan: PlanRow, move: OutgoingMove, handed: HandedOverPlan = {}): Promise<void> {
  await tx
    .insertInto('plan_transfers')
    .values({
      la_code: plan.laCode, id: move.transferId, direction: 'out', counterpart_la_code: move.toLaCode, case_id: plan.caseId, case_reference: plan.reference,
      child_given_name: plan.child.givenName, child_family_name: plan.child.familyName, child_date_of_birth: plan.child.dateOfBirth,
      aware_on: move.awareOn, moved_on: move.movedOn, notice_late: move.noticeLate, transferred_on: move.transferredOn ?? null,
      views: move.views ?? null, plan_document: handed.document ? JSON.stringify(handed.document) : null, plan_issued_on: handed.issuedOn ?? null,
      last_review_on: handed.lastReviewOn ?? null, primary_need: handed.primaryNeed ?? null,
    })
    .execute();
  await sql`select send_plan_transfer(${move.transferId}::uuid, ${plan.laCode}::char(3), ${move.toLaCode}::char(3))`.execute(tx);
}

export interface TransferRow {
  laCode: string;
  id: string;
  direction: 'out' | 'in';
  counterpartLaCode: string;
  counterpartName: string;
  caseId: string | null;
  caseReference: string;
  childName: string;
  dateOfBirth: string;
  awareOn: string;
  movedOn: string;
  noticeLate: boolean;
  transferredOn: string | null;
  informedOn: string | null;
  views: string | null;
  counterpartViews: string | null;
  planIssuedOn: string | null;
  hasPlanDocument: boolean;
  openedCaseId: string | null;
  openedOn: string | null;
}

/** The moves in and out of the caller's councils (row-level security limits them to its own rows). */
export async function listTransfers(tx: Tx): Promise<TransferRow[]> {
  const rows = await tx
    .selectFrom('plan_transfers as t')
    .innerJoin('councils as k', 'k.la_code', 't.counterpart_la_code')
    .select(['t.la_code', 't.id', 't.direction', 't.counterpart_la_code', 't.case_id', 't.case_reference', 't.child_given_name', 't.child_family_name',
      't.child_date_of_birth', 't.aware_on', 't.moved_on', 't.notice_late', 't.transferred_on', 't.informed_on', 't.views', 't.counterpart_views',
      't.plan_issued_on', 't.opened_case_id', 't.opened_on', 'k.name as counterpart_name'])
    .select(sql<boolean>`t.plan_document is not null`.as('has_plan_document'))
    .orderBy('t.moved_on', 'desc')
    .execute();
  return rows.map((r) => ({
    laCode: r.la_code, id: r.id, direction: r.direction, counterpartLaCode: r.counterpart_la_code, counterpartName: r.counterpart_name,
    caseId: r.case_id, caseReference: r.case_reference, childName: `${r.child_given_name} ${r.child_family_name}`, dateOfBirth: r.child_date_of_birth,
    awareOn: r.aware_on, movedOn: r.moved_on, noticeLate: r.notice_late, transferredOn: r.transferred_on, informedOn: r.informed_on,
    views: r.views, counterpartViews: r.counterpart_views, planIssuedOn: r.plan_issued_on, hasPlanDocument: r.has_plan_document,
    openedCaseId: r.opened_case_id, openedOn: r.opened_on,
  }));
}

/** Records a date on the caller's own row of a move: the plan sent (old council) or received, or the family told (new council). */
export async function recordTransferDate(tx: Tx, laCodes: readonly string[], id: string, column: 'transferred_on' | 'informed_on', on: string): Promise<boolean> {
  const result = await tx.updateTable('plan_transfers').set({ [column]: on }).where('id', '=', id).where('la_code', 'in', [...laCodes]).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records the caller's views on a move (returning the council whose row it is) and shares them with the other council (share_plan_transfer_views, migration 0081). */
export async function recordTransferViews(tx: Tx, laCodes: readonly string[], id: string, views: string): Promise<string | undefined> {
  const row = await tx.updateTable('plan_transfers').set({ views }).where('id', '=', id).where('la_code', 'in', [...laCodes]).returning('la_code').executeTakeFirst();
  if (!row) return undefined;
  await sql`select share_plan_transfer_views(${id}::uuid, ${row.la_code}::char(3))`.execute(tx);
  return row.la_code;
}

export interface IncomingTransfer {
  laCode: string;
  id: string;
  counterpartLaCode: string;
  caseReference: string;
  child: { givenName: string; familyName: string; dateOfBirth: string };
  transferredOn: string | null;
  planDocument: PlanDocument | null;
  planIssuedOn: string | null;
  lastReviewOn: string | null;
  primaryNeed: string | null;
  openedCaseId: string | null;
}

/** The new council's record of a move, locked, for opening its case from it. */
export async function findIncomingTransfer(tx: Tx, laCodes: readonly string[], id: string): Promise<IncomingTransfer | undefined> {
  const r = await tx.selectFrom('plan_transfers').selectAll().where('id', '=', id).where('direction', '=', 'in').where('la_code', 'in', [...laCodes]).forUpdate().executeTakeFirst();
  return r && {
    laCode: r.la_code, id: r.id, counterpartLaCode: r.counterpart_la_code, caseReference: r.case_reference,
    child: { givenName: r.child_given_name, familyName: r.child_family_name, dateOfBirth: r.child_date_of_birth },
    transferredOn: r.transferred_on, planDocument: r.plan_document, planIssuedOn: r.plan_issued_on, lastReviewOn: r.last_review_on,
    primaryNeed: r.primary_need, openedCaseId: r.opened_case_id,
  };
}

export async function markTransferOpened(tx: Tx, t: IncomingTransfer, caseId: string, on: string): Promise<void> {
  await tx.updateTable('plan_transfers').set({ opened_case_id: caseId, case_id: caseId, opened_on: on }).where('la_code', '=', t.laCode).where('id', '=', t.id).execute();
}
