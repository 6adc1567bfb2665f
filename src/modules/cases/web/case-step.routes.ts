import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { formatLongDate, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { loadCaseView, stepOptions, type CaseView } from '../application/case-view.ts';
import { eventLabel } from '../domain/event-labels.ts';
import { appendCaseEvent, StaleCaseVersionError } from '../infrastructure/case-events.repository.ts';
import { adviceKindItems, exceptionItems, isStepId, parseStep, SEN2_NEEDS, STEPS, type StepId, type StepOptions } from './case-steps.ts';
import { dateItems, field, type Body } from './date-input.ts';

type Req = FastifyRequest<{ Params: { caseId: string; step: string }; Body: Body }>;

/** Events that produce a decision notice: after recording one, show the notice. */
const NOTICE_AFTER: ReadonlySet<string> = new Set(['decision-not-to-issue', 'final-plan-issued']);

/**
 * Recording each step of the assessment: one GOV.UK form per step. The form carries the case
 * version it was drawn from; if someone else changed the case meanwhile, nothing is written and
 * the form comes back with what was typed and a message saying what changed.
 */
export function registerCaseStepRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { caseId: string; step: string }; Body: Body }>('/cases/:caseId/steps/:step', { config: { access: 'case:record' } }, async (req, reply) => {
    const step = req.params.step;
    if (!isStepId(step)) return reply.callNotFound();
    const principal = req.principal!;
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const view = await loadCaseView(tx, req.params.caseId, todayInEngland(new Date()));
      return view && { view, options: await stepOptions(tx, view.record.laCode) };
    });
    if (!data) return reply.callNotFound();
    return renderStep(reply, step, data.view, data.options, {}, emptyErrors(), data.view.record.version);
  });

  app.post<{ Params: { caseId: string; step: string }; Body: Body }>('/cases/:caseId/steps/:step', { config: { access: 'case:record' } }, async (req: Req, reply) => {
    const step = req.params.step;
    if (!isStepId(step)) return reply.callNotFound();
    const principal = req.principal!;
    const body = req.body ?? {};
    const today = todayInEngland(new Date());
    const expectedVersion = Number.parseInt(field(body, 'version'), 10);
    const outcome = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const view = await loadCaseView(tx, req.params.caseId, today);
      if (!view) return { kind: 'not-found' as const };
      const options = await stepOptions(tx, view.record.laCode);
      const parsed = parseStep(step, body, { state: view.state, options, today });
      if (!parsed.event) return { kind: 'invalid' as const, view, options, errors: parsed.errors };
      try {
        const appended = await appendCaseEvent(tx, {
          laCode: view.record.laCode,
          caseId: view.record.id,
          type: parsed.event.type,
          occurredOn: parsed.event.occurredOn,
          data: parsed.event.data,
          actorUserId: principal.userId,
          expectedVersion: Number.isFinite(expectedVersion) ? expectedVersion : -1,
        });
        await recordAudit(tx, { principal, requestId: req.id }, {
          laCode: view.record.laCode, action: 'update', recordType: 'case', recordId: view.record.id, childId: view.record.child.id,
          detail: { event: parsed.event.type, seq: appended.seq },
        });
        return { kind: 'done' as const, view, seq: appended.seq, type: parsed.event.type, data: parsed.event.data };
      } catch (error) {
        if (error instanceof StaleCaseVersionError) return { kind: 'stale' as const, view, options };
        throw error;
      }
    });
    if (outcome.kind === 'not-found') return reply.callNotFound();
    if (outcome.kind === 'invalid') return renderStep(reply.code(400), step, outcome.view, outcome.options, body, outcome.errors, expectedVersion);
    if (outcome.kind === 'stale') {
      // The view was read in the same transaction as the refused write, so it is the latest.
      const latest = outcome.view.record.events.at(-1);
      const errors = addError(emptyErrors(), 'version',
        `Someone else updated this case while you were working on it${latest ? ` (latest: ${eventLabel(latest.type, 'staff').toLowerCase()}, ${formatLongDate(parseLocalDate(latest.occurredOn))}${latest.actorName ? ` by ${latest.actorName}` : ''})` : ''}. Nothing has been saved. Check the case, then submit again.`, 'case-updated');
      return renderStep(reply.code(409), step, outcome.view, outcome.options, body, errors, outcome.view.record.version);
    }
    const base = `/cases/${outcome.view.record.id}`;
    const notAssess = outcome.type === 'decision-to-assess' && (outcome.data as { decision?: string }).decision === 'not-assess';
    if (notAssess || NOTICE_AFTER.has(outcome.type)) return reply.redirect(`${base}/notices/${outcome.seq}`, 303);
    return reply.redirect(`${base}?recorded=${step}`, 303);
  });
}

function renderStep(reply: FastifyReply, step: StepId, view: CaseView, options: StepOptions, body: Body, errors: FormErrors, version: number) {
  const def = STEPS[step];
  const { record, state } = view;
  const chosen = (name: string) => field(body, name);
  return reply.render('cases/case-step.njk', {
    title: def.title,
    backLink: `/cases/${record.id}`,
    caption: `${record.reference} – ${record.child.givenName} ${record.child.familyName}`,
    step,
    def,
    errors,
    version,
    values: body,
    dateItems: dateItems(body, 'date', Boolean(errors.fields.date)),
    adviceKinds: adviceKindItems(chosen('adviceKind')),
    exceptionReasons: exceptionItems(chosen('reason')),
    organisations: [{ value: '', text: 'Not known yet' }, ...options.organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen('organisationId') }))],
    settings: [{ value: '', text: 'Select a school or college' }, ...options.settings.map((s) => ({ value: s.id, text: s.name, selected: s.id === chosen('settingId') }))],
    needs: [{ value: '', text: 'Select the primary need' }, ...SEN2_NEEDS.map((n) => ({ value: n.code, text: `${n.name} (${n.code})`, selected: n.code === chosen('primaryNeed') }))],
    outstandingAdvice: state.advice.filter((a) => !a.receivedOn).map((a) => ({ value: a.adviceId, text: `${a.kindName[0]!.toUpperCase()}${a.kindName.slice(1)}, requested ${formatLongDate(parseLocalDate(a.requestedOn))}`, checked: a.adviceId === chosen('adviceId') })),
    openConsultations: state.consultations.filter((c) => !c.response).map((c) => ({ value: c.consultationId, text: c.settingName ?? 'A setting', checked: c.consultationId === chosen('consultationId') })),
  });
}
