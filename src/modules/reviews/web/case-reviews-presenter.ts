import { formatIsoDate, formatLongDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import type { PlanCase } from '../application/plan-case.ts';
import { ceaseReasonText } from '../infrastructure/cease-reasons.ts';
import { NOTICE_WHAT, deadlineRow, tag } from './review-presenter.ts';

const RECORDED: Record<string, string> = {
  arrange: 'Review meeting arranged', invitations: 'Invitations recorded', advice: 'Advice and views recorded as circulated',
  meeting: 'Meeting record saved', report: 'Review report recorded as sent', decision: 'Decision recorded',
  'propose-amendments': 'Proposed amendments recorded as sent', 'amendment-representations': "Family's comments recorded",
  reassessment: 'Decision recorded', 'phase-named': 'Next school or college recorded', move: 'Move recorded and sent to the new council',
};

/** The caseworker's page for a plan's reviews, amendments and other changes. */
export function caseReviewsModel(pc: PlanCase, recorded: string | undefined) {
  const { plan, state } = pc;
  const base = `/cases/${plan.caseId}/reviews`;
  const current = state.current;
  const stepLink = (step: string, text: string) => ({ href: `${base}/steps/${step}`, text });
  const reviewSteps = current
    ? [
        { name: 'Invitations sent', done: current.invitationsSentOn, link: stepLink('invitations', 'Record invitations') },
        { name: 'Advice and views circulated', done: current.adviceCirculatedOn, link: stepLink('advice', 'Record advice circulated') },
        { name: 'Meeting held', done: current.heldOn, link: stepLink('meeting', 'Record the meeting') },
        { name: 'Report sent', done: current.reportSentOn, link: current.heldOn ? stepLink('report', 'Record the report') : undefined },
        { name: 'Decision', done: undefined, link: current.heldOn ? stepLink('decision', 'Record the decision') : undefined },
      ]
    : [];
  const long = (iso: string) => formatLongDate(parseLocalDate(iso));
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const summaryRows: Array<{ key: { text: string }; value: { text?: string; html?: string } }> = [
    { key: { text: 'Plan issued' }, value: { text: state.issuedOn ? long(state.issuedOn) : 'Not issued' } },
    { key: { text: 'Last annual review' }, value: { text: state.lastReviewOn ? long(state.lastReviewOn) : 'Not reviewed yet' } },
  ];
  if (state.ceased) summaryRows.push({ key: { text: 'Plan ceased' }, value: { text: `${long(state.ceased.on)}: ${ceaseReasonText(state.ceased.reasonCode)}` } });
  else if (state.movedAway) summaryRows.push({ key: { text: 'Moving to another council' }, value: { text: `Council ${state.movedAway.toLaCode}, moving on ${long(state.movedAway.movedOn)}` } });
  else if (state.nextReview) {
    const t = tag(state.nextReview.status);
    summaryRows.push({ key: { text: 'Annual review due by' }, value: { html: `${long(state.nextReview.dueIso)} <strong class="govuk-tag ${t.classes}">${t.text}</strong><br><span class="govuk-body-s">${esc(state.nextReview.explanation)}</span>` } });
    if (state.underFiveTarget) {
      summaryRows.push({ key: { text: `Under-five review (every ${state.underFiveTarget.months} months)` }, value: { text: `Aim to review by ${formatLongDate(state.underFiveTarget.due)}, as the SEND Code of Practice (9.178) advises for children under 5.` } });
    }
  }
  return {
    plan,
    state,
    summaryRows,
    caption: `${plan.reference} – ${plan.child.givenName} ${plan.child.familyName}`,
    recordedMessage: recorded ? RECORDED[recorded] : undefined,
    maintained: state.status === 'maintained',
    ceasedReason: state.ceased ? ceaseReasonText(state.ceased.reasonCode) : undefined,
    nextReview: state.nextReview ? { ...deadlineRow(state.nextReview) } : undefined,
    underFiveTarget: state.underFiveTarget ? { dueIso: formatIsoDate(state.underFiveTarget.due), months: state.underFiveTarget.months } : undefined,
    current: current ? { meetingOn: current.meetingOn, arrangedBy: current.arrangedBy === 'setting' ? 'the school or setting' : 'the council', deadlines: current.deadlines.map(deadlineRow), steps: reviewSteps } : undefined,
    pastReviews: state.reviews.filter((r) => r.decision).reverse().map((r) => ({ heldOn: r.heldOn, decision: r.decision!.kind, decidedOn: r.decision!.on, record: r.record })),
    amendment: state.amendment
      ? { ...state.amendment, deadlines: state.deadlines.filter((d) => d.key === 'amendment-representations' || d.key === 'amended-plan').map(deadlineRow) }
      : undefined,
    reassessment: state.deadlines.filter((d) => d.key === 'reassessment-plan').map(deadlineRow),
    notices: state.notices.map((n) => ({ href: `${base}/notices/${n.seq}`, sentOn: n.sentOn, title: NOTICE_WHAT[n.kind].title })),
    openTag: (s: string) => tag(s),
    actions: [
      stepLink('arrange', current ? 'Change the meeting date' : 'Arrange the annual review meeting'),
      stepLink('propose-amendments', 'Send proposed amendments'),
      ...(state.amendment && !state.amendment.issuedOn ? [stepLink('amendment-representations', "Record the family's comments"), stepLink('amended-plan', 'Issue the amended plan')] : []),
      stepLink('phase-named', 'Name the next school or college (phase transfer)'),
      stepLink('reassessment', 'Decide whether to reassess'),
      stepLink('cease', 'Cease the plan'),
      stepLink('move', 'The child is moving to another council'),
    ],
  };
}
