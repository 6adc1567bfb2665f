import type { ReviewDeadline } from '../domain/review-clock.ts';
import type { NoticeKind } from '../domain/living-plan-state.ts';

/** GOV.UK tags for deadline states, in the same words the caseload uses. */
const TAGS: Record<string, { text: string; classes: string }> = {
  'on-track': { text: 'On track', classes: 'govuk-tag--green' },
  'due-soon': { text: 'Due within 2 weeks', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'Met', classes: 'govuk-tag--blue' },
  'met-late': { text: 'Met late', classes: 'govuk-tag--orange' },
  ended: { text: 'Period ended', classes: 'govuk-tag--grey' },
  exception: { text: 'Exception applies', classes: 'govuk-tag--purple' },
};

export function tag(status: string): { text: string; classes: string } {
  return TAGS[status] ?? { text: status, classes: 'govuk-tag--grey' };
}

export function deadlineRow(d: ReviewDeadline): { title: string; dueIso: string; explanation: string; doneOn?: string; tag: { text: string; classes: string } } {
  return { title: d.title, dueIso: d.dueIso, explanation: d.explanation, ...(d.doneOn ? { doneOn: d.doneOn } : {}), tag: tag(d.status) };
}

/** What each notice says the decision is, to professionals and families alike. */
export const NOTICE_WHAT: Record<NoticeKind, { title: string; what: string; appeal: string }> = {
  'refuse-to-amend': {
    title: 'Decision after the annual review: the plan stays as it is',
    what: 'After the annual review we have decided to keep the EHC plan as it is, without changes.',
    appeal: 'You can appeal to the SEND Tribunal against our decision not to change the plan.',
  },
  'amended-plan': {
    title: 'The amended EHC plan',
    what: 'We have issued the amended EHC plan. It replaces the plan you had before.',
    appeal: 'You can appeal to the SEND Tribunal about the special educational needs in the plan (section B), the support (section F) and the school or college named (section I).',
  },
  cease: {
    title: 'Decision to stop the EHC plan',
    what: 'We have decided to stop maintaining the EHC plan (to cease it).',
    appeal: 'You can appeal to the SEND Tribunal against our decision to cease the plan. While an appeal is being decided, we must keep the plan in place.',
  },
  'not-reassess': {
    title: 'Decision not to carry out a new assessment',
    what: 'We have decided not to carry out a new EHC needs assessment (a reassessment).',
    appeal: 'You can appeal to the SEND Tribunal against our decision not to reassess.',
  },
};
