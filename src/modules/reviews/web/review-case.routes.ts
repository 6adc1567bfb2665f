import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { appendCaseEvent, caseCalendar, eventLabel, StaleCaseVersionError } from '../../cases/index.ts';
import { amendmentPlan, handedOverPlan, openAmendmentDraft, servedAmendmentChanges, type AmendmentPlan } from '../application/amendment-plan.ts';
import { loadPlanCase, stepOptions, type PlanCase } from '../application/plan-case.ts';
import { recordOutgoingTransfer } from '../infrastructure/plan-transfers.repository.ts';
import { caseReviewsModel } from './case-reviews-presenter.ts';
import { dateItems, field, type Body } from './date-fields.ts';
import { isStepId, parseStep, STEPS, type StepId, type StepOptions } from './review-steps.ts';
import { noticeModel } from './notice-model.ts';

type Scope = { laCodes: string[]; userId: string };

/** Steps whose form depends on the plan's amendment draft. */
const AMENDMENT_STEPS: ReadonlySet<string> = new Set(['propose-amendments', 'amended-plan']);

/** Events after which the decision notice is shown: the caseworker sends it the same day. */
const NOTICE_AFTER: ReadonlySet<string> = new Set(['plan-ceased', 'amended-plan-issued']);

/**
 * A plan's life after issue, for caseworkers: the page with every review step on the clock, one
 * GOV.UK form per step, and decision notices. Forms carry the case version they were drawn from;
 * a stale write changes nothing and comes back with what was typed.
 */
export function registerReviewCaseRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { caseId: string } }>('/cases/:caseId/reviews', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const scope: Scope = { laCodes: principal.laCodes, userId: principal.userId };
    const pc = await withTenant(db, scope, async (tx) => {
      const found = await loadPlanCase(tx, principal.laCodes, req.params.caseId, todayInEngland(new Date()));
      if (!found) return undefined;
      await audit(tx, req.id, principal, found, 'view', { page: 'reviews' });
      return { ...found, servedChanges: await servedAmendmentChanges(tx, found) };
    });
    if (!pc) return reply.callNotFound();
    return reply.render('reviews/case-reviews.njk', {
      title: 'Reviews and changes to the plan', backLink: `/cases/${pc.plan.caseId}`, caseId: pc.plan.caseId, servedChanges: pc.servedChanges,
      ...caseReviewsModel(pc, (req.query as { recorded?: string }).recorded),
    });
  });

  app.get<{ Params: { caseId: string; step: string } }>('/cases/:caseId/reviews/steps/:step', { config: { access: 'case:record' } }, async (req, reply) => {
    const step = req.params.step;
    if (!isStepId(step)) return reply.callNotFound();
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const pc = await loadPlanCase(tx, principal.laCodes, req.params.caseId, today);
      return pc && { pc, options: await stepOptions(tx, pc.plan.laCode, today), amendment: AMENDMENT_STEPS.has(step) ? await amendmentPlan(tx, pc) : undefined };
    });
    if (!data) return reply.callNotFound();
    const errors = emptyErrors();
    const blocked = STEPS[step].blocked(data.pc.state);
    if (blocked) addError(errors, 'form', blocked);
    return renderStep(reply, step, data.pc, data.options, {}, errors, data.pc.plan.version, data.amendment);
  });

  app.post<{ Params: { caseId: string; step: string }; Body: Body }>('/cases/:caseId/reviews/steps/:step', { config: { access: 'case:record' } }, async (req, reply) => {
    const step = req.params.step;
    if (!isStepId(step)) return reply.callNotFound();
    const principal = req.principal!;
    const body = req.body ?? {};
    const today = todayInEngland(new Date());
    const expected = Number.parseInt(field(body, 'version'), 10);
    const outcome = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const pc = await loadPlanCase(tx, principal.laCodes, req.params.caseId, today);
      if (!pc) return { kind: 'not-found' as const };
      const options = await stepOptions(tx, pc.plan.laCode, today);
      const amendment = AMENDMENT_STEPS.has(step) ? await amendmentPlan(tx, pc) : undefined;
      const parsed = parseStep(step, body, { state: pc.state, today, calendar: caseCalendar(), options, dateOfBirth: pc.plan.child.dateOfBirth, settingPhase: pc.plan.setting?.phase, councilCode: pc.plan.laCode, ...(amendment ? { amendmentPlan: amendment } : {}) });
      if (parsed.events.length === 0) return { kind: 'invalid' as const, pc, options, errors: parsed.errors, amendment };
      try {
        let version = Number.isFinite(expected) ? expected : -1;
        let seq = 0;
        // Several events from one form (a cease decision and the cease) are one change: the first
        // checks the version the form was drawn from, the rest follow it in the same transaction.
        for (const e of parsed.events) {
          const appended = await appendCaseEvent(tx, { laCode: pc.plan.laCode, caseId: pc.plan.caseId, type: e.type, occurredOn: e.occurredOn, data: e.data, actorUserId: principal.userId, expectedVersion: version });
          version = appended.version;
          seq = appended.seq;
        }
        if (parsed.move) await recordOutgoingTransfer(tx, pc.plan, parsed.move, await handedOverPlan(tx, pc));
        // Deciding to amend opens the draft version the amendments are written in (plans' own next version).
        const amendsTo = parsed.events.some((e) => e.type === 'review-decision' && (e.data as { decision: string }).decision === 'amend') ? await openAmendmentDraft(tx, pc) : undefined;
        await audit(tx, req.id, principal, pc, 'update', { events: parsed.events.map((e) => e.type), seq, ...(amendsTo ? { amendmentDraftVersion: amendsTo } : {}) });
        return { kind: 'done' as const, pc, seq, last: parsed.events.at(-1)!.type };
      } catch (error) {
        if (error instanceof StaleCaseVersionError) return { kind: 'stale' as const, pc, options };
        throw error;
      }
    });
    if (outcome.kind === 'not-found') return reply.callNotFound();
    if (outcome.kind === 'invalid') return renderStep(reply.code(400), step, outcome.pc, outcome.options, body, outcome.errors, expected, outcome.amendment);
    if (outcome.kind === 'stale') {
      const latest = outcome.pc.plan.events.at(-1);
      const errors = addError(emptyErrors(), 'version', `Someone else updated this case while you were working on it${latest ? ` (latest: ${eventLabel(latest.type, 'staff').toLowerCase()})` : ''}. Nothing has been saved. Check the case, then submit again.`, 'case-updated');
      return renderStep(reply.code(409), step, outcome.pc, outcome.options, body, errors, outcome.pc.plan.version);
    }
    const base = `/cases/${outcome.pc.plan.caseId}/reviews`;
    const refusal = step === 'decision' && field(body, 'decision') === 'maintain';
    if (refusal || NOTICE_AFTER.has(outcome.last) || (step === 'reassessment' && field(body, 'decision') === 'not-reassess')) return reply.redirect(`${base}/notices/${outcome.seq}`, 303);
    return reply.redirect(`${base}?recorded=${step}`, 303);
  });

  app.get<{ Params: { caseId: string; seq: string } }>('/cases/:caseId/reviews/notices/:seq', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const pc = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const found = await loadPlanCase(tx, principal.laCodes, req.params.caseId, todayInEngland(new Date()));
      if (found) await audit(tx, req.id, principal, found, 'view', { notice: req.params.seq });
      return found;
    });
    const notice = pc?.state.notices.find((n) => String(n.seq) === req.params.seq);
    if (!pc || !notice) return reply.callNotFound();
    return reply.render('reviews/notice.njk', { backLink: `/cases/${pc.plan.caseId}/reviews`, ...noticeModel(pc, notice) });
  });
}

async function audit(tx: Tx, requestId: string, principal: Principal, pc: PlanCase, action: 'view' | 'update', detail: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { principal, requestId }, { laCode: pc.plan.laCode, action, recordType: 'case', recordId: pc.plan.caseId, childId: pc.plan.child.id, detail: { module: 'reviews', ...detail } });
}

function renderStep(reply: FastifyReply, step: StepId, pc: PlanCase, options: StepOptions, body: Body, errors: FormErrors, version: number, amendment?: AmendmentPlan) {
  const def = STEPS[step];
  const chosen = (name: string) => field(body, name);
  return reply.render('reviews/review-step.njk', {
    title: def.title,
    backLink: `/cases/${pc.plan.caseId}/reviews`,
    caption: `${pc.plan.reference} – ${pc.plan.child.givenName} ${pc.plan.child.familyName}`,
    step, def, errors, version, values: body,
    amendmentDraft: amendment?.draft, amendmentChanges: amendment?.changes, planHref: `/cases/${pc.plan.caseId}/plan`,
    servedVersion: pc.state.amendment?.planVersion, servedStatus: amendment?.servedStatus,
    blocked: def.blocked(pc.state),
    meetingOn: pc.state.current?.meetingOn,
    dateItems: dateItems(body, 'date', Boolean(errors.fields.date)),
    movedItems: dateItems(body, 'moved', Boolean(errors.fields.moved)),
    transferredItems: dateItems(body, 'transferred', Boolean(errors.fields.transferred)),
    ceaseReasons: [{ value: '', text: 'Select a reason' }, ...options.ceaseReasons.map((r) => ({ value: r.code, text: `${r.text} (${r.code})`, selected: r.code === chosen('reasonCode') }))],
    settings: [{ value: '', text: 'Select a school or college' }, ...options.settings.map((s) => ({ value: s.id, text: s.name, selected: s.id === chosen('settingId') }))],
    councils: [{ value: '', text: 'Select a council' }, ...options.councils.filter((c) => c.laCode !== pc.plan.laCode).map((c) => ({ value: c.laCode, text: `${c.name} (${c.laCode})`, selected: c.laCode === chosen('toLaCode') }))],
    transferYears: options.transferYears.map((y) => ({ value: String(y), text: `September ${y}`, checked: String(y) === chosen('transferYear') })),
  });
}
