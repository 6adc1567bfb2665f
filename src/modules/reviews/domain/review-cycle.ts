import { parseLocalDate as parse } from '../../../platform/calendar/index.ts';
import type { CaseEvent } from '../../cases/index.ts';
import { clockDeadline, type ReviewClock, type ReviewDeadline } from './review-clock.ts';

export type ReviewDecisionKind = 'maintain' | 'amend' | 'cease';

export interface ReviewMeetingRecord {
  attendees: string[];
  views?: string | undefined;
  progress?: string | undefined;
  proposedChanges?: string | undefined;
}

/** One annual review from arranging the meeting to the council's decision (regs 20 and 21). */
export interface ReviewCycle {
  reviewId: string;
  arrangedOn: string;
  meetingOn: string;
  arrangedBy: 'setting' | 'council';
  invitationsSentOn?: string;
  adviceCirculatedOn?: string;
  heldOn?: string;
  record?: ReviewMeetingRecord;
  reportSentOn?: string;
  decision?: { kind: ReviewDecisionKind; on: string; seq: number; reasons: string[] };
  deadlines: ReviewDeadline[];
}

const ofReview = (events: readonly CaseEvent[], type: CaseEvent['type'], reviewId: string): CaseEvent | undefined =>
  events.find((e) => e.type === type && (e.data as { reviewId?: string }).reviewId === reviewId);

/**
 * The review cycles on a case, each with its clocks: invitations and advice at least 2 weeks before
 * the meeting (reg 20(3)-(4)), the report within 2 weeks of it (reg 20(7)) and the decision within
 * 4 weeks (CoP 9.176). `live` is false once the plan has ceased or moved away.
 */
export function reviewCycles(events: readonly CaseEvent[], clock: ReviewClock, live: boolean, problems: string[]): ReviewCycle[] {
  const cycles: ReviewCycle[] = [];
  for (const arranged of events) {
    if (arranged.type !== 'review-meeting-arranged') continue;
    const a = (arranged as CaseEvent<'review-meeting-arranged'>).data;
    // Re-arranging a meeting is a later event with the same reviewId: the latest date wins.
    if (cycles.some((c) => c.reviewId === a.reviewId)) {
      const c = cycles.find((x) => x.reviewId === a.reviewId)!;
      c.meetingOn = a.meetingOn;
      c.arrangedBy = a.arrangedBy;
      continue;
    }
    cycles.push({ reviewId: a.reviewId, arrangedOn: arranged.occurredOn, meetingOn: a.meetingOn, arrangedBy: a.arrangedBy, deadlines: [] });
  }
  for (const c of cycles) {
    const invitations = ofReview(events, 'review-invitations-sent', c.reviewId);
    const advice = ofReview(events, 'review-advice-circulated', c.reviewId);
    const held = ofReview(events, 'annual-review-held', c.reviewId) as CaseEvent<'annual-review-held'> | undefined;
    const report = ofReview(events, 'review-report-sent', c.reviewId);
    const decision = ofReview(events, 'review-decision', c.reviewId) as CaseEvent<'review-decision'> | undefined;
    if (invitations) c.invitationsSentOn = invitations.occurredOn;
    if (advice) c.adviceCirculatedOn = advice.occurredOn;
    if (held) {
      c.heldOn = held.occurredOn;
      c.record = { attendees: held.data.attendees ?? [], views: held.data.views, progress: held.data.progress, proposedChanges: held.data.proposedChanges };
    }
    if (report) c.reportSentOn = report.occurredOn;
    if (decision) c.decision = { kind: decision.data.decision, on: decision.occurredOn, seq: decision.seq, reasons: decision.data.reasons ?? [] };
    const open = live && !c.decision;
    const owner = c.arrangedBy;
    const add = (d: ReviewDeadline | undefined) => d && c.deadlines.push(d);
    add(clockDeadline({ key: `review-notice:${c.reviewId}`, ruleId: 'review-notice', title: 'Send invitations to the review meeting', owner, input: { from: parse(c.meetingOn) }, doneOn: c.invitationsSentOn, live: open && !c.heldOn }, clock, problems));
    add(clockDeadline({ key: `review-advice:${c.reviewId}`, ruleId: 'review-notice', title: 'Gather advice and views and circulate them', owner, input: { from: parse(c.meetingOn) }, doneOn: c.adviceCirculatedOn, live: open && !c.heldOn }, clock, problems));
    if (c.heldOn) {
      add(clockDeadline({ key: `review-report:${c.reviewId}`, ruleId: 'review-report', title: 'Send the review report', owner, input: { from: parse(c.heldOn) }, doneOn: c.reportSentOn, live: open }, clock, problems));
      add(clockDeadline({ key: `review-decision:${c.reviewId}`, ruleId: 'review-decision', title: 'Decide to maintain, amend or cease the plan', owner: 'council', input: { from: parse(c.heldOn) }, doneOn: c.decision?.on, live }, clock, problems));
    }
  }
  return cycles;
}
