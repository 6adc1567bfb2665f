import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { formatLongDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { loadDisputeView, mediationOptions, type DisputeView } from '../application/dispute-views.ts';
import { partnersNeeded } from '../domain/dispute-state.ts';
import { appendDisputeEvent, StaleDisputeVersionError } from '../infrastructure/dispute-events.repository.ts';
import { OUTCOME_NAMES, PARTNER_NAMES, sectionName, TRIBUNAL_DATE_KINDS } from './dispute-labels.ts';
import { availableSteps, groundOptions, isStepId, ORDER_ITEMS, parseStep, STEP_TITLES, type StepId } from './dispute-steps.ts';
import { dateItems, field, fields, type Body } from './form-fields.ts';

type Options = Awaited<ReturnType<typeof mediationOptions>>;
type Params = { id: string; step: string };

/**
 * One GOV.UK form per step. The form carries the dispute version it was drawn from: if someone
 * else recorded a step meanwhile, nothing is written and the form comes back with what was typed.
 */
export function registerDisputeStepRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: Params }>('/disputes/:id/steps/:step', { config: { access: 'case:record' } }, async (req, reply) => {
    const { step } = req.params;
    if (!isStepId(step)) return reply.callNotFound();
    const principal = req.principal!;
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const view = await loadDisputeView(tx, req.params.id, todayInEngland(new Date()));
      return view && { view, options: await mediationOptions(tx, view.record.laCode) };
    });
    if (!data || !availableSteps(data.view.state).includes(step)) return reply.callNotFound();
    return renderStep(reply, step, data.view, data.options, prefill(step, data.view), emptyErrors(), data.view.record.version);
  });

  app.post<{ Params: Params; Body: Body }>('/disputes/:id/steps/:step', { config: { access: 'case:record' } }, async (req, reply) => {
    const { step } = req.params;
    if (!isStepId(step)) return reply.callNotFound();
    const principal = req.principal!;
    const body = req.body ?? {};
    const today = todayInEngland(new Date());
    const expectedVersion = Number.parseInt(field(body, 'version'), 10);
    const outcome = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const view = await loadDisputeView(tx, req.params.id, today);
      if (!view || !availableSteps(view.state).includes(step)) return { kind: 'not-found' as const };
      const options = await mediationOptions(tx, view.record.laCode);
      const parsed = parseStep(step, body, { state: view.state, today, services: options.services, mediators: options.mediators });
      if (!parsed.event) return { kind: 'invalid' as const, view, options, errors: parsed.errors };
      try {
        await appendDisputeEvent(tx, {
          laCode: view.record.laCode, disputeId: view.record.id, type: parsed.event.type, occurredOn: parsed.event.occurredOn, data: parsed.event.data,
          actorUserId: principal.userId, expectedVersion: Number.isFinite(expectedVersion) ? expectedVersion : -1,
        });
      } catch (error) {
        if (error instanceof StaleDisputeVersionError) return { kind: 'stale' as const, view, options };
        throw error;
      }
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'update', recordType: 'dispute', recordId: view.record.id, childId: view.record.childId, detail: { event: parsed.event.type } });
      return { kind: 'done' as const, view };
    });
    if (outcome.kind === 'not-found') return reply.callNotFound();
    if (outcome.kind === 'invalid') return renderStep(reply.code(400), step, outcome.view, outcome.options, body, outcome.errors, expectedVersion);
    if (outcome.kind === 'stale') {
      const errors = addError(emptyErrors(), 'version', 'Someone else updated this dispute while you were working on it. Nothing has been saved. Check the dispute, then submit again.', 'dispute-updated');
      return renderStep(reply.code(409), step, outcome.view, outcome.options, body, errors, outcome.view.record.version);
    }
    return reply.redirect(`/disputes/${outcome.view.record.id}?recorded=1`, 303);
  });
}

/** Arranging mediation ticks the partners the law requires, so the usual case is one click. */
function prefill(step: StepId, view: DisputeView): Body {
  if (step === 'arrange-mediation') return { partners: view.state.mediation?.partners ?? partnersNeeded(view.state.sections) };
  return {};
}

function renderStep(reply: FastifyReply, step: StepId, view: DisputeView, options: Options, body: Body, errors: FormErrors, version: number) {
  const { record, state } = view;
  const chosen = (name: string) => field(body, name);
  const checked = (name: string, value: string) => fields(body, name).includes(value);
  return reply.render('disputes/step.njk', {
    title: STEP_TITLES[step].title,
    def: STEP_TITLES[step],
    backLink: `/disputes/${record.id}`,
    caption: `${record.reference} – ${record.childName}`,
    step,
    errors,
    version,
    values: body,
    dateItems: dateItems(body, 'date', Boolean(errors.fields.date)),
    meetingItems: dateItems(body, 'meeting', Boolean(errors.fields.meeting)),
    services: [{ value: '', text: 'Select the mediation service' }, ...options.services.map((s) => ({ value: s.id, text: s.name, selected: s.id === chosen('organisationId') || options.services.length === 1 }))],
    mediators: [{ value: '', text: 'Not yet assigned' }, ...options.mediators.map((m) => ({ value: m.id, text: m.name, selected: m.id === chosen('mediatorUserId') }))],
    partnersPlanned: Object.entries(PARTNER_NAMES).map(([value, text]) => ({ value, text, checked: checked('partners', value) })),
    partnersAttended: Object.entries(PARTNER_NAMES).map(([value, text]) => ({ value, text, checked: checked('partnersAttended', value) })),
    sections: state.sections.map((s) => ({ key: s, name: sectionName(s), value: chosen(`change-${s}`) })),
    grounds: groundOptions(state).map((g) => ({ value: g, text: sectionName(g), checked: checked('grounds', g), sought: chosen(`sought-${g}`) })),
    appealGrounds: (state.appeal?.grounds ?? []).map((g) => ({
      key: g.section, name: sectionName(g.section),
      items: Object.entries(OUTCOME_NAMES).map(([value, text]) => ({ value, text, checked: chosen(`outcome-${g.section}`) === value })),
    })),
    orderItems: ORDER_ITEMS.map((o) => ({ ...o, checked: checked('orders', o.value), detail: chosen(`detail-${o.value}`) })),
    pendingOrders: (state.appeal?.orders ?? []).filter((o) => !o.compliedOn).flatMap((o) =>
      o.deadlines.length === 0
        ? [{ value: o.orderId, text: o.name, checked: chosen('order') === o.orderId }]
        : o.deadlines.filter((d) => !d.doneOn).map((d) => ({ value: `${o.orderId}|${d.ruleId}`, text: `${d.title}: due ${formatLongDate(d.due)}`, checked: chosen('order') === `${o.orderId}|${d.ruleId}` })),
    ),
    dateKinds: Object.entries(TRIBUNAL_DATE_KINDS).map(([value, text]) => ({ value, text, checked: chosen('kind') === value })),
  });
}
