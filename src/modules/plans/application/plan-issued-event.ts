import type { Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { appendCaseEvent } from '../../cases/index.ts';
import type { StoredVersion } from '../infrastructure/plan.repository.ts';

/**
 * Issuing a plan is a step of the statutory process, so it goes into the case's history as
 * `final-plan-issued`; the 20-week clock, SEN2 and dashboards read it from there. The setting is
 * identified by its URN in the plan; the case event wants the settings directory's id, found by
 * that URN within the council (row-level security confines the lookup).
 */
export async function notifyPlanIssued(tx: Tx, ctx: { principal: Principal; occurredOn: string }, issued: StoredVersion): Promise<void> {
  const placement = issued.document.sections.I;
  let settingId: string | undefined;
  if (placement?.kind === 'named' && placement.urn) {
    const setting = await tx.selectFrom('settings').select('id').where('la_code', '=', issued.laCode).where('urn', '=', placement.urn).executeTakeFirst();
    settingId = setting?.id;
  }
  await appendCaseEvent(tx, {
    laCode: issued.laCode,
    caseId: issued.caseId,
    type: 'final-plan-issued',
    occurredOn: ctx.occurredOn,
    actorUserId: ctx.principal.userId,
    data: {
      planId: issued.planId,
      planVersion: issued.version,
      primaryNeed: issued.document.primaryNeed,
      secondaryNeeds: issued.document.secondaryNeeds,
      ...(settingId ? { settingId } : {}),
    },
  });
}
