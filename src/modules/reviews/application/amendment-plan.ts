import type { Tx } from '../../../platform/db/connection.ts';
import { amendmentChanges, findAmendmentDraft, latestIssuedPlan, planVersionStatus, startAmendmentDraft, type AmendmentChanges } from '../../plans/index.ts';
import type { HandedOverPlan } from '../infrastructure/plan-transfers.repository.ts';
import type { AmendmentPlanContext } from '../web/review-steps.ts';
import type { PlanCase } from './plan-case.ts';

/**
 * The plan document's side of an amendment (reg 22): proposals are a draft version of the plan,
 * kept by the plans module. Cases recorded before plans were stored (or imported from SEN2) have
 * no plan document; for them every function here finds nothing and the review steps work from
 * the typed list of changes alone.
 */
export interface AmendmentPlan extends AmendmentPlanContext {
  /** What the current amendment draft changes, section by section. */
  changes?: AmendmentChanges | undefined;
}

export async function amendmentPlan(tx: Tx, pc: PlanCase): Promise<AmendmentPlan> {
  const caseId = pc.plan.caseId;
  const draft = await findAmendmentDraft(tx, caseId);
  const changes = draft ? await amendmentChanges(tx, caseId, draft.version) : undefined;
  const served = pc.state.amendment?.planVersion;
  return {
    ...(draft ? { draft: { planId: draft.planId, version: draft.version, changeCount: changes?.count ?? 0 } } : {}),
    ...(changes ? { changes } : {}),
    ...(served !== undefined ? { servedStatus: await planVersionStatus(tx, caseId, served) } : {}),
  };
}

/** A decision to amend opens the draft the caseworker writes the amendments in; undefined without a stored plan. */
export async function openAmendmentDraft(tx: Tx, pc: PlanCase): Promise<number | undefined> {
  return (await startAmendmentDraft(tx, pc.plan.caseId))?.version;
}

/** What the family is shown for the proposals they were sent: the served version against the one it amends. */
export async function servedAmendmentChanges(tx: Tx, pc: PlanCase): Promise<AmendmentChanges | undefined> {
  const served = pc.state.amendment?.planVersion;
  return served === undefined ? undefined : amendmentChanges(tx, pc.plan.caseId, served);
}

/**
 * What goes to the new council when the child moves (reg 15): the latest issued plan document if
 * OpenSEND holds one, and from the case events the plan's issue date, last review and primary need.
 */
export async function handedOverPlan(tx: Tx, pc: PlanCase): Promise<HandedOverPlan> {
  const issued = await latestIssuedPlan(tx, pc.plan.caseId);
  const final = pc.plan.events.filter((e) => e.type === 'final-plan-issued').at(-1);
  const need = final && typeof (final.data as { primaryNeed?: unknown }).primaryNeed === 'string' ? (final.data as { primaryNeed: string }).primaryNeed : undefined;
  return {
    document: issued?.document,
    issuedOn: pc.state.issuedOn,
    lastReviewOn: pc.state.lastReviewOn,
    primaryNeed: need ?? issued?.document.primaryNeed,
  };
}
