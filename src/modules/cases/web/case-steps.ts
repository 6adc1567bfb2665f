import { randomUUID } from 'node:crypto';
import { parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { EXCEPTION_REASONS, isExceptionReasonCode } from '../../statutory/index.ts';
import type { AdviceKind, CaseEventPayloads, CaseEventType } from '../domain/case-events.ts';
import { ADVICE_KIND_NAMES } from '../domain/case-deadlines.ts';
import type { CaseState } from '../domain/case-state.ts';
import type { CaseStage } from '../domain/case-stage.ts';
import { field, readDate, type Body } from './date-input.ts';

export const STEP_IDS = [
  'decision', 'request-advice', 'advice-received', 'exception', 'not-to-issue', 'draft-served',
  'representations', 'consult-setting', 'consultation-response', 'final-plan',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export const isStepId = (v: string): v is StepId => (STEP_IDS as readonly string[]).includes(v);

/** The primary need codes of the SEN2 return, with the names the DfE uses. */
export const SEN2_NEEDS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'SPLD', name: 'Specific learning difficulty' },
  { code: 'MLD', name: 'Moderate learning difficulty' },
  { code: 'SLD', name: 'Severe learning difficulty' },
  { code: 'PMLD', name: 'Profound and multiple learning difficulty' },
  { code: 'SEMH', name: 'Social, emotional and mental health' },
  { code: 'SLCN', name: 'Speech, language and communication needs' },
  { code: 'HI', name: 'Hearing impairment' },
  { code: 'VI', name: 'Vision impairment' },
  { code: 'MSI', name: 'Multi-sensory impairment' },
  { code: 'PD', name: 'Physical disability' },
  { code: 'ASD', name: 'Autistic spectrum disorder' },
  { code: 'OTH', name: 'Other difficulty or disability' },
];

export interface StepOptions {
  organisations: Array<{ id: string; name: string; kind: string }>;
  settings: Array<{ id: string; name: string }>;
}

export interface StepContext {
  state: CaseState;
  options: StepOptions;
  today: LocalDate;
}

export interface StepDefinition {
  id: StepId;
  title: string;
  dateLabel: string;
  button: string;
  /** Which stages the step belongs to: the case page offers it only then. */
  stages: readonly CaseStage[];
  /** Whether there is anything to act on (e.g. advice still outstanding). */
  available?: (state: CaseState) => boolean;
}

const OPEN: readonly CaseStage[] = ['awaiting-decision', 'assessing', 'draft'];
export const STEPS: Record<StepId, StepDefinition> = {
  decision: { id: 'decision', title: 'Record the decision whether to assess', dateLabel: 'Date of the decision', button: 'Record the decision', stages: ['awaiting-decision'] },
  'request-advice': { id: 'request-advice', title: 'Request advice', dateLabel: 'Date the request for advice was sent', button: 'Record the request for advice', stages: ['assessing', 'draft'] },
  'advice-received': { id: 'advice-received', title: 'Record advice received', dateLabel: 'Date the advice was received', button: 'Record the advice', stages: ['assessing', 'draft'], available: (s) => s.advice.some((a) => !a.receivedOn) },
  exception: { id: 'exception', title: 'Record an exception to a time limit', dateLabel: 'Date the exception arose', button: 'Record the exception', stages: OPEN },
  'not-to-issue': { id: 'not-to-issue', title: 'Record a decision not to issue a plan', dateLabel: 'Date of the decision', button: 'Record the decision', stages: ['assessing'] },
  'draft-served': { id: 'draft-served', title: 'Record the draft plan sent to the family', dateLabel: 'Date the draft plan was sent', button: 'Record the draft plan', stages: ['assessing'] },
  representations: { id: 'representations', title: "Record the family's comments on the draft", dateLabel: 'Date the comments were received', button: 'Record the comments', stages: ['draft'] },
  'consult-setting': { id: 'consult-setting', title: 'Consult a school or college', dateLabel: 'Date the consultation was sent', button: 'Record the consultation', stages: ['draft'] },
  'consultation-response': { id: 'consultation-response', title: 'Record a consultation response', dateLabel: 'Date the response was received', button: 'Record the response', stages: ['draft'], available: (s) => s.consultations.some((c) => !c.response) },
  'final-plan': { id: 'final-plan', title: 'Record the final plan issued', dateLabel: 'Date the final plan was issued', button: 'Record the final plan', stages: ['draft'] },
};

export function availableSteps(state: CaseState): StepDefinition[] {
  return STEP_IDS.map((id) => STEPS[id]).filter((s) => s.stages.includes(state.stage) && (!s.available || s.available(state)));
}

export const ADVICE_KINDS: AdviceKind[] = ['education', 'health', 'social-care', 'educational-psychology', 'other'];

export interface ParsedStep {
  errors: FormErrors;
  event?: { type: CaseEventType; occurredOn: string; data: CaseEventPayloads[CaseEventType] };
}

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** Validates a step's form and turns it into the event it records. */
export function parseStep(step: StepId, body: Body, ctx: StepContext): ParsedStep {
  const errors = emptyErrors();
  const def = STEPS[step];
  const requested = ctx.state.requestedOn;
  const occurredOn = readDate(body, 'date', def.dateLabel, errors, {
    notAfter: ctx.today,
    ...(requested ? { notBefore: { date: parseLocalDate(requested), what: 'the date the request was received' } } : {}),
  });
  const done = <T extends CaseEventType>(type: T, data: CaseEventPayloads[T]): ParsedStep =>
    errors.list.length > 0 || !occurredOn ? { errors } : { errors, event: { type, occurredOn, data } };
  const orgIds = new Set(ctx.options.organisations.map((o) => o.id));
  const settingById = new Map(ctx.options.settings.map((s) => [s.id, s.name]));

  switch (step) {
    case 'decision': {
      const decision = field(body, 'decision');
      const reasons = lines(field(body, 'reasons'));
      if (decision !== 'assess' && decision !== 'not-assess') addError(errors, 'decision', 'Select whether the council will carry out an assessment');
      if (decision === 'not-assess' && reasons.length === 0) addError(errors, 'reasons', 'Enter the reasons for deciding not to assess');
      return done('decision-to-assess', { decision: decision === 'not-assess' ? 'not-assess' : 'assess', ...(reasons.length ? { reasons } : {}) });
    }
    case 'request-advice': {
      const kind = field(body, 'adviceKind');
      const org = field(body, 'organisationId');
      if (!(ADVICE_KINDS as string[]).includes(kind)) addError(errors, 'adviceKind', 'Select the kind of advice');
      if (org && !orgIds.has(org)) addError(errors, 'organisationId', 'Select an organisation from the list');
      return done('advice-requested', { adviceId: randomUUID(), adviceKind: kind as AdviceKind, ...(org ? { organisationId: org } : {}) });
    }
    case 'advice-received': {
      const adviceId = field(body, 'adviceId');
      const summary = field(body, 'summary');
      if (!ctx.state.advice.some((a) => a.adviceId === adviceId && !a.receivedOn)) addError(errors, 'adviceId', 'Select the advice that was received');
      return done('advice-received', { adviceId, ...(summary ? { summary } : {}) });
    }
    case 'exception': {
      const reason = field(body, 'reason');
      const note = field(body, 'note');
      if (!isExceptionReasonCode(reason)) addError(errors, 'reason', 'Select the reason the time limit cannot be met');
      return done('exception-recorded', { reason, ...(note ? { note } : {}) });
    }
    case 'not-to-issue': {
      const reasons = lines(field(body, 'reasons'));
      if (reasons.length === 0) addError(errors, 'reasons', 'Enter the reasons for deciding not to issue a plan');
      return done('decision-not-to-issue', { reasons });
    }
    case 'draft-served':
      return done('draft-served', {});
    case 'representations': {
      const settingId = field(body, 'settingId');
      const comments = field(body, 'comments');
      if (settingId && !settingById.has(settingId)) addError(errors, 'settingId', 'Select a school or college from the list');
      if (!settingId && !comments) addError(errors, 'comments', "Enter the family's comments, or select the school or college they asked for");
      const name = settingById.get(settingId);
      return done('draft-representations-received', { ...(name ? { requestedSettingId: settingId, requestedSettingName: name } : {}), ...(comments ? { comments } : {}) });
    }
    case 'consult-setting': {
      const settingId = field(body, 'settingId');
      const name = settingById.get(settingId);
      if (!name) addError(errors, 'settingId', 'Select the school or college to consult');
      return done('setting-consulted', { consultationId: randomUUID(), settingId, settingName: name ?? '' });
    }
    case 'consultation-response': {
      const consultationId = field(body, 'consultationId');
      const response = field(body, 'response');
      const reasons = field(body, 'reasons');
      if (!ctx.state.consultations.some((c) => c.consultationId === consultationId && !c.response)) addError(errors, 'consultationId', 'Select the consultation this response is for');
      if (response !== 'can-meet-needs' && response !== 'cannot-meet-needs') addError(errors, 'response', 'Select whether the school or college can meet the needs');
      if (response === 'cannot-meet-needs' && !reasons) addError(errors, 'reasons', 'Enter the reasons the school or college gave');
      return done('consultation-response-received', { consultationId, response: response === 'cannot-meet-needs' ? 'cannot-meet-needs' : 'can-meet-needs', ...(reasons ? { reasons } : {}) });
    }
    case 'final-plan': {
      const settingId = field(body, 'settingId');
      const primaryNeed = field(body, 'primaryNeed');
      if (!settingById.has(settingId)) addError(errors, 'settingId', 'Select the school or college named in the plan');
      if (!SEN2_NEEDS.some((n) => n.code === primaryNeed)) addError(errors, 'primaryNeed', 'Select the primary need');
      return done('final-plan-issued', { settingId, primaryNeed, secondaryNeeds: [] });
    }
  }
}

export const adviceKindItems = (checked: string) => ADVICE_KINDS.map((k) => ({ value: k, text: ADVICE_KIND_NAMES[k][0]!.toUpperCase() + ADVICE_KIND_NAMES[k].slice(1), checked: k === checked }));
export const exceptionItems = (checked: string) => EXCEPTION_REASONS.map((r) => ({ value: r.code, text: r.plain[0]!.toUpperCase() + r.plain.slice(1), hint: { text: r.citation }, checked: r.code === checked }));
