import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { PlanRow } from './living-plans.query.ts';
import './reviews.tables.ts';

export interface OutgoingMove {
  transferId: string;
  toLaCode: string;
  awareOn: string;
  movedOn: string;
  noticeLate: boolean;
  transferredOn?: string;
}

/**
 * Records a move in the old council's tenancy, then asks the database to open the matching record
 * in the new council's tenancy (send_plan_transfer, migration 0080): the application never reads
 * or writes another council's rows itself.
 */
export async function recordOutgoingTransfer(tx: Tx, plan: PlanRow, move: OutgoingMove): Promise<void> {
  await tx
    .insertInto('plan_transfers')
    .values({
      la_code: plan.laCode, id: move.transferId, direction: 'out', counterpart_la_code: move.toLaCode, case_id: plan.caseId, case_reference: plan.reference,
      child_given_name: plan.child.givenName, child_family_name: plan.child.familyName, child_date_of_birth: plan.child.dateOfBirth,
      aware_on: move.awareOn, moved_on: move.movedOn, notice_late: move.noticeLate, transferred_on: move.transferredOn ?? null,
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
}

/** The moves in and out of the caller's councils (row-level security limits them to its own rows). */
export async function listTransfers(tx: Tx): Promise<TransferRow[]> {
  const rows = await tx
    .selectFrom('plan_transfers as t')
    .innerJoin('councils as k', 'k.la_code', 't.counterpart_la_code')
    .selectAll('t')
    .select('k.name as counterpart_name')
    .orderBy('t.moved_on', 'desc')
    .execute();
  return rows.map((r) => ({
    laCode: r.la_code, id: r.id, direction: r.direction, counterpartLaCode: r.counterpart_la_code, counterpartName: r.counterpart_name,
    caseId: r.case_id, caseReference: r.case_reference, childName: `${r.child_given_name} ${r.child_family_name}`, dateOfBirth: r.child_date_of_birth,
    awareOn: r.aware_on, movedOn: r.moved_on, noticeLate: r.notice_late, transferredOn: r.transferred_on, informedOn: r.informed_on,
  }));
}

/** Records a date on the caller's own row of a move: the plan sent (old council) or received, or the family told (new council). */
export async function recordTransferDate(tx: Tx, laCodes: readonly string[], id: string, column: 'transferred_on' | 'informed_on', on: string): Promise<boolean> {
  const result = await tx.updateTable('plan_transfers').set({ [column]: on }).where('id', '=', id).where('la_code', 'in', [...laCodes]).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
