import { exceptionReason, isExceptionReasonCode } from '../../statutory/index.ts';
import type { CaseEvent } from './case-events.ts';
import { ADVICE_KIND_NAMES, deadlineBuilder, recordedExceptions, type CaseDeadline, type ClockContext } from './case-deadlines.ts';
import { nextSteps } from './case-next-steps.ts';
import { stageOf } from './case-stage.ts';

import type { AdviceItem, CaseState, ConsultationItem, DecisionNotice, SuspendedLimit } from './case-state.types.ts';

export type { AdviceItem, CaseState, ConsultationItem, DecisionNotice, SuspendedLimit };

const asList = (v: string[] | string | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const byType = <T extends CaseEvent['type']>(events: readonly CaseEvent[], type: T): Array<CaseEvent<T>> =>
  events.filter((e): e is CaseEvent<T> => e.type === type);

/**
 * Everything the service says about a case, from its events, today and the calendar. Only the
 * current request counts: events before the latest request-received belong to an earlier cycle.
 */
export function deriveCaseState(allEvents: readonly CaseEvent[], ctx: ClockContext): CaseState {
  const ordered = [...allEvents].sort((a, b) => a.seq - b.seq);
  const lastRequest = ordered.map((e) => e.type).lastIndexOf('request-received');
  const events = lastRequest > 0 ? ordered.slice(lastRequest) : ordered;
  const stage = stageOf(events);
  const exceptionsRecorded = recordedExceptions(events);
  const builder = deadlineBuilder(exceptionsRecorded, ctx);
  const deadlines: CaseDeadline[] = [];
  const push = (d: CaseDeadline | undefined): CaseDeadline | undefined => {
    if (d) deadlines.push(d);
    return d;
  };
  const closed = stage === 'withdrawn';
  const request = byType(events, 'request-received')[0];
  const decision = byType(events, 'decision-to-assess').at(-1);
  const notToIssue = byType(events, 'decision-not-to-issue').at(-1);
  const draft = byType(events, 'draft-served').at(-1);
  const final = byType(events, 'final-plan-issued').at(-1);

  if (request) {
    push(builder.add({ key: 'decision-to-assess', ruleId: 'decision-to-assess', title: 'Decide whether to assess', owner: 'council', from: request.occurredOn, doneOn: decision?.occurredOn, live: !closed }));
    if (decision?.data.decision === 'assess') {
      if (!draft) {
        push(builder.add({ key: 'decision-not-to-issue', ruleId: 'decision-not-to-issue', title: 'Decide whether to issue a plan', owner: 'council', from: request.occurredOn, doneOn: notToIssue?.occurredOn, live: !closed }));
      }
      if (!notToIssue) {
        push(builder.add({ key: 'final-plan', ruleId: 'final-plan', title: 'Issue the final plan', owner: 'council', from: request.occurredOn, doneOn: final?.occurredOn, live: !closed }));
      }
    }
  }

  const received = new Map(byType(events, 'advice-received').map((e) => [e.data.adviceId, e]));
  const adviceOpen = !closed && (stage === 'assessing' || stage === 'draft');
  const advice: AdviceItem[] = byType(events, 'advice-requested').map((e) => {
    const answer = received.get(e.data.adviceId);
    const kindName = ADVICE_KIND_NAMES[e.data.adviceKind] ?? e.data.adviceKind;
    const deadline = push(
      builder.add({ key: `advice:${e.data.adviceId}`, ruleId: 'advice', title: `Advice: ${kindName}`, owner: 'partner', from: e.data.receivedOn ?? e.occurredOn, doneOn: answer?.occurredOn, live: adviceOpen }),
    );
    return {
      adviceId: e.data.adviceId,
      kind: e.data.adviceKind,
      kindName,
      requestedOn: e.occurredOn,
      ...(e.data.organisationId ? { organisationId: e.data.organisationId } : {}),
      ...(answer ? { receivedOn: answer.occurredOn } : {}),
      ...(answer?.data.summary ? { summary: answer.data.summary } : {}),
      ...(deadline ? { deadline } : {}),
    };
  });

  const reps = byType(events, 'draft-representations-received').filter((e) => draft && e.seq > draft.seq).at(-1);
  if (draft) {
    push(builder.add({ key: 'draft-representations', ruleId: 'draft-representations', title: "Family's comments on the draft plan", owner: 'family', from: draft.occurredOn, doneOn: reps?.occurredOn, live: !closed && !final }));
  }
  if (final) {
    const review = byType(events, 'annual-review-held').find((e) => e.seq > final.seq);
    push(builder.add({ key: 'annual-review', ruleId: 'annual-review', title: 'Hold the first annual review', owner: 'council', from: final.occurredOn, doneOn: review?.occurredOn, live: !closed }));
  }

  const responses = new Map(byType(events, 'consultation-response-received').map((e) => [e.data.consultationId, e]));
  const consultations: ConsultationItem[] = byType(events, 'setting-consulted').map((e) => {
    const r = responses.get(e.data.consultationId);
    return {
      consultationId: e.data.consultationId,
      consultedOn: e.occurredOn,
      ...(e.data.settingId ? { settingId: e.data.settingId } : {}),
      ...(e.data.settingName ? { settingName: e.data.settingName } : {}),
      ...(r ? { response: r.data.response, respondedOn: r.occurredOn, ...(r.data.reasons ? { reasons: r.data.reasons } : {}) } : {}),
    };
  });

  const notices = appealableNotices(events, builder.add, closed);
  for (const n of notices) {
    if (n.mediation) deadlines.push(n.mediation);
    if (n.appeal) deadlines.push(n.appeal);
  }

  const open = deadlines.filter((d) => d.open).sort((a, b) => a.due - b.due);
  const next = open.find((d) => d.owner !== 'family');
  const state: CaseState = {
    stage,
    ...(request ? { requestedOn: request.occurredOn } : {}),
    deadlines,
    open,
    met: deadlines.filter((d) => d.doneOn !== undefined),
    ...(next ? { next } : {}),
    advice,
    consultations,
    notices,
    exceptions: byType(events, 'exception-recorded').map((e) => ({
      reason: e.data.reason,
      plain: isExceptionReasonCode(e.data.reason) ? exceptionReason(e.data.reason).plain : e.data.reason,
      occurredOn: e.occurredOn,
      ...(e.data.note ? { note: e.data.note } : {}),
    })),
    suspended: suspendedLimits(deadlines),
    ...(reps ? { representations: { receivedOn: reps.occurredOn, ...(reps.data.requestedSettingName ? { requestedSettingName: reps.data.requestedSettingName } : {}), ...(reps.data.comments ? { comments: reps.data.comments } : {}) } } : {}),
    nextSteps: { family: [], caseworker: [] },
    problems: builder.problems,
  };
  state.nextSteps = nextSteps(state);
  return state;
}

function appealableNotices(events: readonly CaseEvent[], add: ReturnType<typeof deadlineBuilder>['add'], closed: boolean): DecisionNotice[] {
  const notices: DecisionNotice[] = [];
  for (const e of events) {
    let kind: DecisionNotice['kind'] | undefined;
    let reasons: string[] = [];
    if (e.type === 'decision-to-assess' && (e as CaseEvent<'decision-to-assess'>).data.decision === 'not-assess') {
      kind = 'not-assess';
      reasons = asList((e as CaseEvent<'decision-to-assess'>).data.reasons);
    } else if (e.type === 'decision-not-to-issue') {
      kind = 'not-to-issue';
      reasons = asList((e as CaseEvent<'decision-not-to-issue'>).data.reasons);
    } else if (e.type === 'final-plan-issued') {
      kind = 'final-plan';
    }
    if (!kind) continue;
    // The right of appeal runs from the day the notice is sent: the decision day, as the notice is
    // served with the decision.
    const mediation = add({ key: `mediation-contact:${e.seq}`, ruleId: 'mediation-contact', title: 'Family to contact a mediation adviser (if they want to appeal)', owner: 'family', from: e.occurredOn, live: !closed });
    const appeal = add({ key: `tribunal-appeal:${e.seq}`, ruleId: 'tribunal-appeal', title: 'Family may appeal to the SEND Tribunal', owner: 'family', from: e.occurredOn, live: !closed });
    notices.push({ seq: e.seq, kind, sentOn: e.occurredOn, reasons, ...(mediation ? { mediation } : {}), ...(appeal ? { appeal } : {}) });
  }
  return notices;
}

/** Limits that no longer apply because of a recorded exception, once per rule. */
function suspendedLimits(deadlines: readonly CaseDeadline[]): SuspendedLimit[] {
  const seen = new Map<string, SuspendedLimit>();
  for (const d of deadlines) {
    if (d.exception && !seen.has(d.ruleId)) seen.set(d.ruleId, { ruleId: d.ruleId, explanation: d.exception });
  }
  return [...seen.values()];
}
