import type { Tx } from '../../../platform/db/connection.ts';
import type { CaseStage } from '../domain/case-stage.ts';
import type { TimelinessCase } from '../domain/timeliness.ts';
import './cases.tables.ts';

/** Every case of the councils, as the timeliness figures need them (small rows from the projection). */
export async function timelinessCases(tx: Tx, laCodes: readonly string[]): Promise<TimelinessCase[]> {
  const rows = await tx
    .selectFrom('case_deadlines')
    .select(['stage', 'requested_on', 'decided_on', 'decision', 'final_issued_on', 'final_exception', 'next_due', 'next_exception'])
    .where('la_code', 'in', laCodes)
    .execute();
  return rows.map((r) => ({
    stage: r.stage as CaseStage,
    requestedOn: r.requested_on,
    decidedOn: r.decided_on,
    decision: r.decision === 'assess' || r.decision === 'not-assess' ? r.decision : null,
    finalIssuedOn: r.final_issued_on,
    finalException: r.final_exception,
    nextDue: r.next_due,
    nextException: r.next_exception,
  }));
}
