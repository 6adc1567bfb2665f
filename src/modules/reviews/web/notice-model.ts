import type { PlanCase } from '../application/plan-case.ts';
import type { ReviewNotice } from '../domain/living-plan-state.ts';
import { ceaseReasonText } from '../infrastructure/cease-reasons.ts';
import { NOTICE_WHAT } from './review-presenter.ts';

/** A decision notice: the decision, the reasons, and the family's rights with dates from the clock. */
export function noticeModel(pc: PlanCase, notice: ReviewNotice) {
  const words = NOTICE_WHAT[notice.kind];
  return {
    title: words.title,
    plan: pc.plan,
    notice,
    what: words.what,
    appealWhat: words.appeal,
    ceaseReason: notice.reasonCode ? ceaseReasonText(notice.reasonCode) : undefined,
    changes: notice.kind === 'amended-plan' ? (pc.state.amendment?.changes ?? []) : [],
  };
}
