import type { Tx } from '../../../platform/db/connection.ts';
import { appendCaseEvent } from '../../cases/index.ts';
import { adoptTransferredPlan } from '../../plans/index.ts';
import type { IncomingTransfer } from '../infrastructure/plan-transfers.repository.ts';
import { markTransferOpened } from '../infrastructure/plan-transfers.repository.ts';

export type OpenOutcome = { kind: 'opened' | 'already-open'; caseId: string; childId?: string } | { kind: 'not-received' };

/**
 * The new council opens its own case from a move (reg 15): the child, a case, and the plan as its
 * plan — the old council's issued plan document when it sent one (kept as version 1 of the new
 * council's plan), and the plan's issue date and last review as events, so the annual review runs
 * on from them and the review pages, caseload and SEN2 return see a maintained plan. Written in
 * the caller's own tenancy only; the transfer row (sent through send_plan_transfer) is all it reads
 * of the old council. A transfer is opened once: a second request finds the case already open.
 */
export async function openCaseFromTransfer(tx: Tx, t: IncomingTransfer, actorUserId: string, today: string): Promise<OpenOutcome> {
  if (t.openedCaseId) return { kind: 'already-open', caseId: t.openedCaseId };
  if (!t.transferredOn) return { kind: 'not-received' };
  const child = await tx
    .insertInto('children')
    .values({ la_code: t.laCode, given_name: t.child.givenName, family_name: t.child.familyName, date_of_birth: t.child.dateOfBirth })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theCase = await tx
    .insertInto('cases')
    .values({ la_code: t.laCode, child_id: child.id, reference: `MOVE-${t.laCode}-${t.id.slice(0, 8).toUpperCase()}`, opened_on: t.transferredOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  const council = await tx.selectFrom('councils').select('name').where('la_code', '=', t.laCode).executeTakeFirstOrThrow();
  const adopted = t.planDocument
    ? await adoptTransferredPlan(tx, { laCode: t.laCode, laName: council.name, caseId: theCase.id, childId: child.id }, t.planDocument)
    : undefined;
  const issuedOn = t.planIssuedOn ?? t.planDocument?.issuedOn ?? t.transferredOn;
  const primaryNeed = t.primaryNeed ?? t.planDocument?.primaryNeed;
  const base = { laCode: t.laCode, caseId: theCase.id, actorUserId };
  await appendCaseEvent(tx, { ...base, type: 'final-plan-issued', occurredOn: issuedOn, data: { ...(primaryNeed ? { primaryNeed } : {}), ...(adopted ? { planId: adopted.planId, planVersion: adopted.version } : {}) } });
  if (t.lastReviewOn) await appendCaseEvent(tx, { ...base, type: 'annual-review-held', occurredOn: t.lastReviewOn, data: {} });
  await markTransferOpened(tx, t, theCase.id, today);
  return { kind: 'opened', caseId: theCase.id, childId: child.id };
}
