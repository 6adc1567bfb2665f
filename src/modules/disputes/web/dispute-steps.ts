import { formatIsoDate, formatLongDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import {
  APPEAL_GROUND_SECTIONS, GROUND_OUTCOMES, type AgreedChange, type AppealGround, type DisputeEventPayloads, type DisputeEventType,
  type GroundOutcome, type MediationPartner,
} from '../domain/dispute-events.ts';
import { partnersNeeded, type DisputeState } from '../domain/dispute-state.ts';
import { isOrderKind, ORDER_KINDS } from '../domain/tribunal-order-rules.ts';
import { field, fields, readDate, type Body } from './form-fields.ts';

export const STEP_IDS = ['contact', 'arrange-mediation', 'mediation-held', 'certificate', 'amendment-drafted', 'appeal', 'tribunal-date', 'tribunal-decision', 'order-complied', 'close'] as const;
export type StepId = (typeof STEP_IDS)[number];
export const isStepId = (v: string): v is StepId => (STEP_IDS as readonly string[]).includes(v);

export const STEP_TITLES: Record<StepId, { title: string; dateLabel: string; button: string }> = {
  contact: { title: 'Record contact with the mediation adviser', dateLabel: 'Date the family contacted the mediation adviser', button: 'Save contact' },
  'arrange-mediation': { title: 'Arrange mediation', dateLabel: 'Date the council was told the family wants mediation', button: 'Save mediation arrangements' },
  'mediation-held': { title: 'Record the mediation outcome', dateLabel: 'Date the mediation was held', button: 'Save mediation outcome' },
  certificate: { title: 'Record the mediation certificate', dateLabel: 'Date the certificate was issued', button: 'Save certificate' },
  'amendment-drafted': { title: 'Record that the amendment has been drafted', dateLabel: 'Date the proposed amendment was drafted', button: 'Save amendment' },
  appeal: { title: 'Register an appeal to the SEND Tribunal', dateLabel: 'Date the Tribunal registered the appeal', button: 'Save appeal' },
  'tribunal-date': { title: 'Record a Tribunal date', dateLabel: 'The date', button: 'Save date' },
  'tribunal-decision': { title: "Record the Tribunal's decision", dateLabel: 'Date of the decision and order', button: 'Save decision' },
  'order-complied': { title: "Record compliance with the Tribunal's order", dateLabel: 'Date the council complied', button: 'Save compliance' },
  close: { title: 'Close the dispute', dateLabel: 'Date closed', button: 'Close dispute' },
};

/** The steps that make sense from where the dispute is; recording is always by a form, never inferred. */
export function availableSteps(s: DisputeState): StepId[] {
  if (s.closed) return [];
  const steps: StepId[] = [];
  if (!s.appeal) {
    if (s.mediationRequired && !s.contact) steps.push('contact');
    if (s.contact?.choice === 'mediation' && !s.mediation?.heldOn) steps.push('arrange-mediation');
    if (s.mediation && !s.mediation.heldOn) steps.push('mediation-held');
    if (s.contact && !s.certificateOn && (s.contact.choice === 'certificate-only' || (s.mediation?.outcome && s.mediation.outcome !== 'agreed'))) steps.push('certificate');
    steps.push('appeal');
  } else if (!s.appeal.decidedOn) steps.push('tribunal-date', 'tribunal-decision');
  if (s.agreedChanges.length > 0 && !s.amendmentDraftedOn) steps.push('amendment-drafted');
  if (s.appeal?.orders.some((o) => !o.compliedOn)) steps.push('order-complied');
  steps.push('close');
  return steps;
}

export interface StepContext {
  state: DisputeState;
  today: LocalDate;
  services: Array<{ id: string; name: string }>;
  mediators: Array<{ id: string; name: string }>;
}

export interface ParsedEvent {
  type: DisputeEventType;
  occurredOn: string;
  data: DisputeEventPayloads[DisputeEventType];
}

const FUTURE_ALLOWED: ReadonlySet<StepId> = new Set(['tribunal-date']);
const PARTNERS: readonly MediationPartner[] = ['health', 'social-care'];

/** Validates a step's form into one event, or the GOV.UK errors to show with what was typed. */
export function parseStep(step: StepId, body: Body, ctx: StepContext): { event?: ParsedEvent; errors: FormErrors } {
  const errors = emptyErrors();
  const { state } = ctx;
  const notice = { date: parseLocalDate(state.noticeSentOn), what: `the decision notice (${formatLongDate(parseLocalDate(state.noticeSentOn))})` };
  const date = readDate(body, 'date', STEP_TITLES[step].dateLabel, errors, {
    ...(FUTURE_ALLOWED.has(step) ? {} : { notAfter: { date: ctx.today, what: 'today or in the past' } }),
    notBefore: notice,
  });
  let data: unknown;
  let type: DisputeEventType;
  switch (step) {
    case 'contact': {
      const choice = field(body, 'choice');
      if (choice !== 'mediation' && choice !== 'certificate-only') addError(errors, 'choice', 'Select whether the family wants mediation or a certificate only');
      type = 'mediation-adviser-contacted';
      data = { choice };
      break;
    }
    case 'arrange-mediation': {
      const organisationId = field(body, 'organisationId');
      if (!ctx.services.some((s) => s.id === organisationId)) addError(errors, 'organisationId', 'Select the mediation service');
      const mediatorUserId = field(body, 'mediatorUserId');
      if (mediatorUserId && !ctx.mediators.some((m) => m.id === mediatorUserId)) addError(errors, 'mediatorUserId', 'Select a mediator from the list');
      const partners = fields(body, 'partners').filter((p): p is MediationPartner => (PARTNERS as readonly string[]).includes(p));
      // The health and social care bodies must take part when their elements are in dispute.
      for (const p of partnersNeeded(state.sections)) {
        if (!partners.includes(p)) addError(errors, 'partners', p === 'health' ? 'Select health: health needs or provision (Section C or G) are in dispute' : 'Select social care: social care needs or provision (Section D, H1 or H2) are in dispute');
      }
      const meetingOn = readDate(body, 'meeting', 'Date of the mediation meeting', errors, { optional: true, notBefore: notice });
      type = 'mediation-arranged';
      data = { organisationId, partners, ...(mediatorUserId ? { mediatorUserId } : {}), ...(meetingOn ? { meetingOn } : {}) };
      break;
    }
    case 'mediation-held': {
      const outcome = field(body, 'outcome');
      if (!['agreed', 'partly-agreed', 'not-agreed'].includes(outcome)) addError(errors, 'outcome', 'Select the outcome of the mediation');
      const agreedChanges: AgreedChange[] = state.sections.flatMap((s) => (field(body, `change-${s}`) ? [{ section: s, change: field(body, `change-${s}`) }] : []));
      if ((outcome === 'agreed' || outcome === 'partly-agreed') && agreedChanges.length === 0) {
        addError(errors, 'changes', 'Enter what was agreed for at least one section', `change-${state.sections[0] ?? 'A'}`);
      }
      type = 'mediation-held';
      data = { outcome, agreedChanges: outcome === 'not-agreed' ? [] : agreedChanges, partnersAttended: fields(body, 'partnersAttended').filter((p) => (PARTNERS as readonly string[]).includes(p)) };
      break;
    }
    case 'certificate':
      type = 'certificate-issued';
      data = { after: state.mediation?.heldOn ? 'mediation' : 'no-mediation' };
      break;
    case 'amendment-drafted': {
      const v = field(body, 'planVersion');
      if (v && !/^\d{1,3}$/.test(v)) addError(errors, 'planVersion', 'Plan version must be a number, like 2');
      type = 'amendment-drafted';
      data = { ...(v ? { planVersion: Number(v) } : {}), ...(field(body, 'note') ? { note: field(body, 'note') } : {}) };
      break;
    }
    case 'appeal': {
      const tribunalReference = field(body, 'tribunalReference');
      if (!tribunalReference) addError(errors, 'tribunalReference', 'Enter the Tribunal reference');
      else if (tribunalReference.length > 40) addError(errors, 'tribunalReference', 'Tribunal reference must be 40 characters or fewer');
      const options = groundOptions(state);
      const grounds: AppealGround[] = fields(body, 'grounds').filter((g) => options.includes(g)).map((g) => ({ section: g as AppealGround['section'], ...(field(body, `sought-${g}`) ? { sought: field(body, `sought-${g}`) } : {}) }));
      if (grounds.length === 0) addError(errors, 'grounds', 'Select at least one ground of appeal');
      type = 'appeal-registered';
      data = { tribunalReference, grounds };
      break;
    }
    case 'tribunal-date': {
      const kind = field(body, 'kind');
      if (!['response-due', 'evidence-due', 'hearing', 'other'].includes(kind)) addError(errors, 'kind', 'Select what the date is for');
      type = 'tribunal-date-set';
      data = { kind, date, ...(field(body, 'note') ? { note: field(body, 'note') } : {}) };
      // The event is recorded today; the date it carries is the Tribunal's.
      return finish(errors, type, ctx, data);
    }
    case 'tribunal-decision': {
      const grounds = (state.appeal?.grounds ?? []).map((g) => ({ section: g.section, outcome: field(body, `outcome-${g.section}`) as GroundOutcome }));
      for (const g of grounds) if (!GROUND_OUTCOMES.includes(g.outcome)) addError(errors, `outcome-${g.section}`, `Select the outcome for ${g.section === 'decision' ? 'the decision' : `Section ${g.section}`}`);
      const kinds = fields(body, 'orders').filter(isOrderKind);
      const orders = kinds.map((kind, i) => ({ orderId: `o${i + 1}`, kind, ...(field(body, `detail-${kind}`) ? { detail: field(body, `detail-${kind}`) } : {}) }));
      type = 'tribunal-decided';
      data = { grounds, orders };
      break;
    }
    case 'order-complied': {
      const [orderId, ruleId] = field(body, 'order').split('|');
      const order = state.appeal?.orders.find((o) => o.orderId === orderId && !o.compliedOn);
      if (!order) addError(errors, 'order', 'Select the order complied with');
      type = 'order-complied';
      data = { orderId, ...(ruleId ? { ruleId } : {}), ...(field(body, 'note') ? { note: field(body, 'note') } : {}) };
      break;
    }
    case 'close': {
      const reason = field(body, 'reason');
      if (!['resolved', 'withdrawn', 'no-further-action'].includes(reason)) addError(errors, 'reason', 'Select why the dispute is closed');
      type = 'dispute-closed';
      data = { reason, ...(field(body, 'note') ? { note: field(body, 'note') } : {}) };
      break;
    }
  }
  if (hasErrors(errors) || !date) return { errors };
  return { event: { type, occurredOn: date, data: data as ParsedEvent['data'] }, errors };
}

function finish(errors: FormErrors, type: DisputeEventType, ctx: StepContext, data: unknown) {
  if (hasErrors(errors)) return { errors };
  return { event: { type, occurredOn: formatIsoDate(ctx.today), data: data as ParsedEvent['data'] }, errors };
}

/** Plan-content appeals are about sections; the other decisions are appealed as a whole. */
export function groundOptions(state: DisputeState): string[] {
  return state.decisionKind === 'plan-content' || state.decisionKind === 'refuse-amend' ? [...APPEAL_GROUND_SECTIONS] : ['decision'];
}

export const ORDER_ITEMS = Object.entries(ORDER_KINDS).map(([value, k]) => ({ value, text: k.name }));
