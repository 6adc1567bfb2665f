import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { servedAmendmentChanges } from '../application/amendment-plan.ts';
import { loadPlanCase } from '../application/plan-case.ts';
import { NOTICE_WHAT } from './review-presenter.ts';

const DECISION_WORDS: Record<string, string> = {
  maintain: 'keep the plan as it is',
  amend: 'change (amend) the plan',
  cease: 'stop (cease) the plan',
};

/**
 * The family's view of reviews: when the next review is due, what the council decided after the
 * last one, and the proposed changes in plain English with the dates they have to comment and the
 * council has to finish.
 */
export function registerFamilyReviewRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { caseId: string } }>('/family/cases/:caseId/reviews', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = req.principal!;
    const pc = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const mine = await tx
        .selectFrom('cases as c')
        .innerJoin('family_members as f', (j) => j.onRef('f.la_code', '=', 'c.la_code').onRef('f.child_id', '=', 'c.child_id'))
        .select('c.id')
        .where('c.id', '=', /^[0-9a-f-]{36}$/i.test(req.params.caseId) ? req.params.caseId : '00000000-0000-0000-0000-000000000000')
        .where('f.user_id', '=', principal.userId)
        .executeTakeFirst();
      if (!mine) return undefined;
      const found = await loadPlanCase(tx, principal.laCodes, req.params.caseId, todayInEngland(new Date()));
      if (!found) return undefined;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: found.plan.laCode, action: 'view', recordType: 'case', recordId: found.plan.caseId, childId: found.plan.child.id, detail: { module: 'reviews', via: 'family' } });
      return { ...found, changes: await servedAmendmentChanges(tx, found) };
    });
    if (!pc) return reply.callNotFound();
    const { state, plan, changes } = pc;
    const lastDecision = state.reviews.filter((r) => r.decision).at(-1);
    const reps = state.deadlines.find((d) => d.key === 'amendment-representations');
    const amended = state.deadlines.find((d) => d.key === 'amended-plan');
    return reply.render('reviews/family-reviews.njk', {
      title: `${plan.child.givenName}'s plan: reviews and changes`,
      backLink: `/family/cases/${plan.caseId}`,
      plan,
      state,
      nextReview: state.status === 'maintained' ? state.nextReview : undefined,
      meetingOn: state.current?.meetingOn,
      lastDecision: lastDecision?.decision ? { on: lastDecision.decision.on, words: DECISION_WORDS[lastDecision.decision.kind], reasons: lastDecision.decision.reasons } : undefined,
      amendment: state.amendment,
      amendmentChanges: changes,
      repsSentence: reps?.open ? `Tell us what you think of the proposed changes by ${reps.dueIso}.` : undefined,
      repsDue: reps?.open ? reps.dueIso : undefined,
      amendedDue: amended?.open ? amended.dueIso : undefined,
      notices: state.notices.map((n) => ({ title: NOTICE_WHAT[n.kind].title, what: NOTICE_WHAT[n.kind].what, appeal: NOTICE_WHAT[n.kind].appeal, sentOn: n.sentOn, mediation: n.mediation, appealBy: n.appeal })),
    });
  });
}
