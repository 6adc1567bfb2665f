import { formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import type { CaseEvent } from '../../cases/index.ts';
import { computeDue } from '../../statutory/index.ts';
import { clockDeadline, type ReviewClock, type ReviewDeadline } from './review-clock.ts';
import { reviewCycles, type ReviewCycle } from './review-cycle.ts';
import { ageOn } from './school-year.ts';

export type NoticeKind = 'refuse-to-amend' | 'amended-plan' | 'cease' | 'not-reassess';

/** An appealable decision: the notice gives reasons and the family's rights with their dates. */
export interface ReviewNotice {
  seq: number;
  kind: NoticeKind;
  sentOn: string;
  reasons: string[];
  reasonCode?: string;
  mediation?: ReviewDeadline;
  appeal?: ReviewDeadline;
}

export interface Amendment {
  proposedOn: string;
  seq: number;
  changes: string[];
  planId?: string;
  planVersion?: number;
  representationsOn?: string;
  comments?: string;
  issuedOn?: string;
}

export interface LivingPlanState {
  status: 'no-plan' | 'maintained' | 'ceased' | 'moved-away';
  issuedOn?: string;
  lastReviewOn?: string;
  /** The statutory annual review date (CFA 2014 s44). */
  nextReview?: ReviewDeadline;
  /** For under-fives, the council's shorter cycle (CoP 9.178, guidance): the date to aim for. */
  underFiveTarget?: { due: LocalDate; dueIso: string; months: number };
  reviews: ReviewCycle[];
  current?: ReviewCycle;
  amendment?: Amendment;
  reassessment?: { decidedOn: string; decision: 'reassess' | 'not-reassess' };
  ceased?: { on: string; reasonCode: string; reasons: string[] };
  phaseNamed: Array<{ transferYear: number; route: string; settingName?: string; on: string }>;
  movedAway?: { toLaCode: string; movedOn: string; on: string };
  notices: ReviewNotice[];
  deadlines: ReviewDeadline[];
  open: ReviewDeadline[];
  problems: string[];
}

export interface LivingPlanInput {
  events: readonly CaseEvent[];
  dateOfBirth: string;
  /** The council's review cycle for under-fives in months (3–6), from its settings. */
  underFiveMonths: number;
}

const last = <T extends CaseEvent['type']>(events: readonly CaseEvent[], type: T): CaseEvent<T> | undefined =>
  events.filter((e): e is CaseEvent<T> => e.type === type).at(-1);

/**
 * Everything about an issued plan after issue: when it must next be reviewed, each review's steps,
 * amendments, reassessment, ceasing and moves, every date from the statutory clock.
 */
export function deriveLivingPlan(input: LivingPlanInput, clock: ReviewClock): LivingPlanState {
  const events = [...input.events].sort((a, b) => a.seq - b.seq);
  const problems: string[] = [];
  const deadlines: ReviewDeadline[] = [];
  const push = (d: ReviewDeadline | undefined) => (d && deadlines.push(d), d);
  const firstFinal = events.find((e) => e.type === 'final-plan-issued');
  const ceasedEvent = last(events, 'plan-ceased');
  const moved = last(events, 'plan-transferred-out');
  const status: LivingPlanState['status'] = !firstFinal ? 'no-plan' : ceasedEvent ? 'ceased' : moved ? 'moved-away' : 'maintained';
  const live = status === 'maintained';
  const state: LivingPlanState = { status, reviews: [], phaseNamed: [], notices: [], deadlines, open: [], problems };
  if (!firstFinal) return state;
  state.issuedOn = last(events, 'final-plan-issued')!.occurredOn;

  // s44(1): within 12 months of the plan being made, then of the last review.
  const lastReview = last(events, 'annual-review-held');
  const base = lastReview && lastReview.seq > firstFinal.seq ? lastReview.occurredOn : firstFinal.occurredOn;
  if (lastReview && lastReview.seq > firstFinal.seq) state.lastReviewOn = lastReview.occurredOn;
  const nextReview = push(clockDeadline({ key: 'annual-review', ruleId: 'annual-review', title: 'Hold the annual review', owner: 'council', input: { from: parseLocalDate(base) }, live }, clock, problems));
  if (nextReview) state.nextReview = nextReview;
  if (live && ageOn(parseLocalDate(input.dateOfBirth), parseLocalDate(base)) < 5) {
    // Guidance, not a time limit: computed with the clock's month arithmetic so it matches the statutory dates.
    const due = computeDue({ kind: 'calendar', amount: input.underFiveMonths, unit: 'months', counting: 'within' }, { from: parseLocalDate(base) }, clock.calendar);
    if (!nextReview || due < nextReview.due) state.underFiveTarget = { due, dueIso: formatIsoDate(due), months: input.underFiveMonths };
  }

  state.reviews = reviewCycles(events, clock, live, problems);
  for (const c of state.reviews) deadlines.push(...c.deadlines);
  const current = state.reviews.filter((c) => !c.decision).at(-1);
  if (current) state.current = current;

  const proposed = last(events, 'amendments-proposed');
  if (proposed) {
    const reps = events.find((e) => e.type === 'amendment-representations-received' && e.seq > proposed.seq) as CaseEvent<'amendment-representations-received'> | undefined;
    const issued = events.find((e) => e.type === 'amended-plan-issued' && e.seq > proposed.seq);
    state.amendment = {
      proposedOn: proposed.occurredOn, seq: proposed.seq, changes: proposed.data.changes,
      ...(proposed.data.planId ? { planId: proposed.data.planId } : {}),
      ...(proposed.data.planVersion !== undefined ? { planVersion: proposed.data.planVersion } : {}),
      ...(reps ? { representationsOn: reps.occurredOn, ...(reps.data.comments ? { comments: reps.data.comments } : {}) } : {}),
      ...(issued ? { issuedOn: issued.occurredOn } : {}),
    };
    const from = parseLocalDate(proposed.occurredOn);
    push(clockDeadline({ key: 'amendment-representations', ruleId: 'amendment-representations', title: "Family's comments on the proposed amendments", owner: 'family', input: { from }, doneOn: reps?.occurredOn, live: live && !issued }, clock, problems));
    push(clockDeadline({ key: 'amended-plan', ruleId: 'amended-plan', title: 'Issue the amended plan', owner: 'council', input: { from }, doneOn: issued?.occurredOn, live }, clock, problems));
  }

  const reassess = last(events, 'reassessment-decided');
  if (reassess) {
    state.reassessment = { decidedOn: reassess.occurredOn, decision: reassess.data.decision };
    if (reassess.data.decision === 'reassess') {
      const done = events.find((e) => (e.type === 'final-plan-issued' || e.type === 'amended-plan-issued') && e.seq > reassess.seq);
      push(clockDeadline({ key: 'reassessment-plan', ruleId: 'reassessment-plan', title: 'Finish the reassessment and issue the plan', owner: 'council', input: { from: parseLocalDate(reassess.occurredOn) }, doneOn: done?.occurredOn, live }, clock, problems));
    }
  }

  if (ceasedEvent) state.ceased = { on: ceasedEvent.occurredOn, reasonCode: ceasedEvent.data.reasonCode, reasons: ceasedEvent.data.reasons ?? [] };
  if (moved) state.movedAway = { toLaCode: moved.data.toLaCode, movedOn: moved.data.movedOn, on: moved.occurredOn };
  for (const e of events) {
    if (e.type !== 'phase-transfer-named') continue;
    const d = (e as CaseEvent<'phase-transfer-named'>).data;
    state.phaseNamed.push({ transferYear: d.transferYear, route: d.route, on: e.occurredOn, ...(d.settingName ? { settingName: d.settingName } : {}) });
  }

  state.notices = noticesOf(events, clock, problems);
  for (const n of state.notices) {
    if (n.mediation) deadlines.push(n.mediation);
    if (n.appeal) deadlines.push(n.appeal);
  }
  state.open = deadlines.filter((d) => d.open).sort((a, b) => a.due - b.due);
  return state;
}

function noticesOf(events: readonly CaseEvent[], clock: ReviewClock, problems: string[]): ReviewNotice[] {
  const notices: ReviewNotice[] = [];
  for (const e of events) {
    let notice: Omit<ReviewNotice, 'mediation' | 'appeal'> | undefined;
    if (e.type === 'review-decision' && (e as CaseEvent<'review-decision'>).data.decision === 'maintain') {
      notice = { seq: e.seq, kind: 'refuse-to-amend', sentOn: e.occurredOn, reasons: (e as CaseEvent<'review-decision'>).data.reasons ?? [] };
    } else if (e.type === 'amended-plan-issued') {
      notice = { seq: e.seq, kind: 'amended-plan', sentOn: e.occurredOn, reasons: [] };
    } else if (e.type === 'plan-ceased') {
      const d = (e as CaseEvent<'plan-ceased'>).data;
      notice = { seq: e.seq, kind: 'cease', sentOn: e.occurredOn, reasons: d.reasons ?? [], reasonCode: d.reasonCode };
    } else if (e.type === 'reassessment-decided' && (e as CaseEvent<'reassessment-decided'>).data.decision === 'not-reassess') {
      notice = { seq: e.seq, kind: 'not-reassess', sentOn: e.occurredOn, reasons: (e as CaseEvent<'reassessment-decided'>).data.reasons ?? [] };
    }
    if (!notice) continue;
    // The rights run from the day the notice is sent, which is the day of the decision.
    const from = parseLocalDate(e.occurredOn);
    const mediation = clockDeadline({ key: `mediation-contact:${e.seq}`, ruleId: 'mediation-contact', title: 'Contact a mediation adviser (if you want to appeal)', owner: 'family', input: { from } }, clock, problems);
    const appeal = clockDeadline({ key: `tribunal-appeal:${e.seq}`, ruleId: 'tribunal-appeal', title: 'Appeal to the SEND Tribunal', owner: 'family', input: { from } }, clock, problems);
    notices.push({ ...notice, ...(mediation ? { mediation } : {}), ...(appeal ? { appeal } : {}) });
  }
  return notices;
}
