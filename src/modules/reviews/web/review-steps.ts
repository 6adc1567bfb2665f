import { randomUUID } from 'node:crypto';
import { formatIsoDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { emptyErrors, addError, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import type { CaseEventPayloads, CaseEventType } from '../../cases/index.ts';
import { DeadlineInputError } from '../../statutory/index.ts';
import type { LivingPlanState } from '../domain/living-plan-state.ts';
import { moveTransfer } from '../domain/council-move.ts';
import { routeFor } from '../domain/phase-transfer-cohorts.ts';
import { field, lines, readDate, type Body } from './date-fields.ts';

export const STEP_IDS = [
  'arrange', 'invitations', 'advice', 'meeting', 'report', 'decision', 'propose-amendments', 'amendment-representations',
  'amended-plan', 'reassessment', 'cease', 'phase-named', 'move',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export const isStepId = (v: string): v is StepId => (STEP_IDS as readonly string[]).includes(v);

export interface StepDefinition {
  title: string;
  button: string;
  dateLabel: string;
  /** The date may be in the future (a meeting being arranged, a move that is coming). */
  future?: boolean;
  /** Why the step cannot be recorded now, or undefined if it can. */
  blocked(state: LivingPlanState): string | undefined;
}

const noReview = (s: LivingPlanState) => (s.current ? undefined : 'Arrange the review meeting first.');
const notHeld = (s: LivingPlanState) => (!s.current ? 'Arrange the review meeting first.' : s.current.heldOn ? undefined : 'Record the review meeting first.');
const noAmendment = (s: LivingPlanState) => (s.amendment && !s.amendment.issuedOn ? undefined : 'There are no proposed amendments waiting.');
const maintained = (s: LivingPlanState) => (s.status === 'maintained' ? undefined : 'The plan is no longer maintained by this council.');
const both = (...checks: Array<(s: LivingPlanState) => string | undefined>) => (s: LivingPlanState) => checks.map((c) => c(s)).find(Boolean);

export const STEPS: Record<StepId, StepDefinition> = {
  arrange: { title: 'Arrange the annual review meeting', button: 'Save the meeting date', dateLabel: 'Date of the meeting', future: true, blocked: maintained },
  invitations: { title: 'Invitations sent', button: 'Save', dateLabel: 'Date the invitations were sent', blocked: both(maintained, noReview) },
  advice: { title: 'Advice and views circulated', button: 'Save', dateLabel: 'Date the advice and views were circulated', blocked: both(maintained, noReview) },
  meeting: { title: 'Record the review meeting', button: 'Save the meeting record', dateLabel: 'Date of the meeting', blocked: both(maintained, noReview) },
  report: { title: 'Review report sent', button: 'Save', dateLabel: 'Date the report was sent', blocked: both(maintained, notHeld) },
  decision: { title: "Record the council's decision", button: 'Save the decision', dateLabel: 'Date of the decision', blocked: both(maintained, notHeld) },
  'propose-amendments': { title: 'Send the proposed amendments', button: 'Save', dateLabel: 'Date the proposed amendments were sent', blocked: maintained },
  'amendment-representations': { title: "Family's comments on the proposed amendments", button: 'Save', dateLabel: 'Date the comments were received', blocked: both(maintained, noAmendment) },
  'amended-plan': { title: 'Issue the amended plan', button: 'Issue the amended plan', dateLabel: 'Date the amended plan was issued', blocked: both(maintained, noAmendment) },
  reassessment: { title: 'Decide whether to reassess', button: 'Save the decision', dateLabel: 'Date of the decision', blocked: maintained },
  cease: { title: 'Cease the plan', button: 'Cease the plan', dateLabel: 'Date of the decision', blocked: maintained },
  'phase-named': { title: 'Name the next school or college', button: 'Save', dateLabel: 'Date the plan was amended to name it', blocked: maintained },
  move: { title: 'The child is moving to another council', button: 'Save the move', dateLabel: 'Date the council became aware of the move', blocked: maintained },
};

export interface StepOptions {
  settings: Array<{ id: string; name: string; phase: string }>;
  councils: Array<{ laCode: string; name: string }>;
  ceaseReasons: Array<{ code: string; text: string }>;
  transferYears: number[];
}

export interface StepEvent<T extends CaseEventType = CaseEventType> {
  type: T;
  occurredOn: string;
  data: CaseEventPayloads[T];
}

export interface ParsedStep {
  events: StepEvent[];
  move?: { transferId: string; toLaCode: string; awareOn: string; movedOn: string; noticeLate: boolean; transferredOn?: string; views?: string };
  errors: FormErrors;
}

const ev = <T extends CaseEventType>(type: T, occurredOn: string, data: CaseEventPayloads[T]): StepEvent => ({ type, occurredOn, data }) as StepEvent;

/** Validates one step's form and turns it into the events to append. Nothing is written here. */
/** The plan document's side of an amendment, when the case has a stored plan (see plans' startAmendmentDraft). */
export interface AmendmentPlanContext {
  /** The draft version holding the proposed amendments, and how many changes it makes to the issued plan. */
  draft?: { planId: string; version: number; changeCount: number } | undefined;
  /** The status now of the version that was served as the proposed amendments. */
  servedStatus?: 'draft' | 'final' | undefined;
}

export function parseStep(step: StepId, body: Body, ctx: { state: LivingPlanState; today: LocalDate; calendar: WorkingDayCalendar; options: StepOptions; dateOfBirth: string; settingPhase?: string | undefined; councilCode: string; amendmentPlan?: AmendmentPlanContext }): ParsedStep {
  const errors = emptyErrors();
  const { state, today } = ctx;
  const blocked = STEPS[step].blocked(state);
  if (blocked) return { events: [], errors: addError(errors, 'form', blocked) };
  const date = readDate(body, 'date', STEPS[step].dateLabel, errors, { today, when: STEPS[step].future ? 'any' : 'past' });
  const current = state.current;
  const events: StepEvent[] = [];
  let move: ParsedStep['move'];
  const reasons = lines(body, 'reasons');
  switch (step) {
    case 'arrange': {
      const by = field(body, 'arrangedBy');
      if (by !== 'setting' && by !== 'council') addError(errors, 'arrangedBy', 'Select who is arranging the meeting');
      // Changing the date of a review under way keeps its reviewId, so its steps stay together.
      if (date && (by === 'setting' || by === 'council')) events.push(ev('review-meeting-arranged', formatIsoDate(today), { reviewId: current?.reviewId ?? randomUUID(), meetingOn: date, arrangedBy: by }));
      break;
    }
    case 'invitations':
      if (date && current) events.push(ev('review-invitations-sent', date, { reviewId: current.reviewId, invitees: lines(body, 'invitees') }));
      break;
    case 'advice':
      if (date && current) events.push(ev('review-advice-circulated', date, { reviewId: current.reviewId }));
      break;
    case 'meeting': {
      const attendees = lines(body, 'attendees');
      if (attendees.length === 0) addError(errors, 'attendees', 'Enter who attended the meeting');
      if (!field(body, 'views')) addError(errors, 'views', "Enter the views of the child, young person and family");
      if (!field(body, 'progress')) addError(errors, 'progress', 'Enter the progress towards the outcomes in the plan');
      if (date && current && attendees.length > 0 && field(body, 'views') && field(body, 'progress')) {
        events.push(ev('annual-review-held', date, { reviewId: current.reviewId, attendees, views: field(body, 'views'), progress: field(body, 'progress'), ...(field(body, 'proposedChanges') ? { proposedChanges: field(body, 'proposedChanges') } : {}) }));
      }
      break;
    }
    case 'report':
      if (date && current) events.push(ev('review-report-sent', date, { reviewId: current.reviewId }));
      break;
    case 'decision': {
      const decision = field(body, 'decision');
      if (decision !== 'maintain' && decision !== 'amend' && decision !== 'cease') addError(errors, 'decision', 'Select the decision');
      if ((decision === 'maintain' || decision === 'cease') && reasons.length === 0) addError(errors, 'reasons', 'Enter the reasons for the decision, which are sent to the family');
      const code = field(body, 'reasonCode');
      if (decision === 'cease' && !ctx.options.ceaseReasons.some((r) => r.code === code)) addError(errors, 'reasonCode', 'Select the reason for ceasing the plan');
      if (date && current && !hasErrors(errors)) {
        events.push(ev('review-decision', date, { reviewId: current.reviewId, decision: decision as 'maintain' | 'amend' | 'cease', ...(reasons.length ? { reasons } : {}) }));
        if (decision === 'cease') events.push(ev('plan-ceased', date, { reasonCode: code, reasons }));
      }
      break;
    }
    case 'propose-amendments': {
      // With a stored plan the amendments are the draft version's changes (the family sees them
      // section by section); the lines typed here are the covering summary. Without one, the lines are all there is.
      const changes = lines(body, 'changes');
      const draft = ctx.amendmentPlan?.draft;
      if (changes.length === 0 && !(draft && draft.changeCount > 0)) {
        addError(errors, 'changes', draft ? `Change the draft plan (version ${draft.version}) or enter the proposed amendments, one per line` : 'Enter the proposed amendments, one per line');
      }
      const reviewId = state.reviews.filter((r) => r.decision?.kind === 'amend').at(-1)?.reviewId;
      if (date && !hasErrors(errors)) {
        events.push(ev('amendments-proposed', date, { changes, ...(reviewId ? { reviewId } : {}), ...(draft ? { planId: draft.planId, planVersion: draft.version } : {}) }));
      }
      break;
    }
    case 'amendment-representations':
      if (date) events.push(ev('amendment-representations-received', date, field(body, 'comments') ? { comments: field(body, 'comments') } : {}));
      break;
    case 'amended-plan': {
      // When the proposals were a plan version, the amended plan is that version issued on the
      // plan's pages (its quality checklist applies); this step then records it on the case.
      const served = state.amendment?.planVersion;
      if (served !== undefined && ctx.amendmentPlan?.servedStatus === 'draft') addError(errors, 'form', `Issue version ${served} of the plan from the plan page first.`);
      if (date && !hasErrors(errors)) events.push(ev('amended-plan-issued', date, served !== undefined && state.amendment?.planId ? { planId: state.amendment.planId, planVersion: served } : {}));
      break;
    }
    case 'reassessment': {
      const decision = field(body, 'decision');
      if (decision !== 'reassess' && decision !== 'not-reassess') addError(errors, 'decision', 'Select whether the council will reassess');
      if (decision === 'not-reassess' && reasons.length === 0) addError(errors, 'reasons', 'Enter the reasons for not reassessing, which are sent to the family');
      if (date && !hasErrors(errors)) events.push(ev('reassessment-decided', date, { decision: decision as 'reassess' | 'not-reassess', ...(reasons.length ? { reasons } : {}) }));
      break;
    }
    case 'cease': {
      const code = field(body, 'reasonCode');
      if (!ctx.options.ceaseReasons.some((r) => r.code === code)) addError(errors, 'reasonCode', 'Select the reason for ceasing the plan');
      if (reasons.length === 0) addError(errors, 'reasons', 'Enter the reasons for the decision, which are sent to the family');
      if (date && !hasErrors(errors)) events.push(ev('plan-ceased', date, { reasonCode: code, reasons }));
      break;
    }
    case 'phase-named': {
      const year = Number(field(body, 'transferYear'));
      if (!ctx.options.transferYears.includes(year)) addError(errors, 'transferYear', 'Select the year of the transfer');
      const setting = ctx.options.settings.find((s) => s.id === field(body, 'settingId'));
      if (!setting) addError(errors, 'settingId', 'Select the school or college named in the plan');
      const route = ctx.options.transferYears.includes(year) ? routeFor({ dateOfBirth: parseLocalDate(ctx.dateOfBirth), settingPhase: ctx.settingPhase }, year) : undefined;
      if (ctx.options.transferYears.includes(year) && !route) addError(errors, 'transferYear', 'The child does not change phase in September of that year');
      if (date && setting && route) events.push(ev('phase-transfer-named', date, { transferYear: year, route: route.id, settingId: setting.id, settingName: setting.name }));
      break;
    }
    case 'move': {
      const to = field(body, 'toLaCode');
      if (!ctx.options.councils.some((c) => c.laCode === to && c.laCode !== ctx.councilCode)) addError(errors, 'toLaCode', 'Select the council the child is moving to');
      const movedOn = readDate(body, 'moved', 'Date of the move', errors, { today, when: 'any' });
      const transferredOn = field(body, 'transferred-day') || field(body, 'transferred-month') || field(body, 'transferred-year')
        ? readDate(body, 'transferred', 'Date the plan was sent to the new council', errors, { today, when: 'past' }) : undefined;
      if (date && movedOn && !hasErrors(errors)) {
        const transferId = randomUUID();
        let noticeLate: boolean | undefined;
        try {
          noticeLate = moveTransfer(parseLocalDate(date), parseLocalDate(movedOn), ctx.calendar).late;
        } catch (error) {
          // The clock refuses dates beyond its bank holiday data rather than guess.
          if (!(error instanceof DeadlineInputError)) throw error;
          addError(errors, 'moved', `Date of the move: ${error.message}`, 'moved-day');
        }
        if (noticeLate !== undefined) {
          move = { transferId, toLaCode: to, awareOn: date, movedOn, noticeLate, ...(transferredOn ? { transferredOn } : {}), ...(field(body, 'views') ? { views: field(body, 'views') } : {}) };
          events.push(ev('plan-transferred-out', date, { transferId, toLaCode: to, movedOn, noticeLate }));
        }
      }
      break;
    }
  }
  if (hasErrors(errors)) return { events: [], errors };
  return { events, errors, ...(move ? { move } : {}) };
}
