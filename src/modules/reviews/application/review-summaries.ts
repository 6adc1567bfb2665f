import { formatIsoDate, formatLongDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { deriveLivingPlan, type LivingPlanState } from '../domain/living-plan-state.ts';
import type { ReviewDeadline } from '../domain/review-clock.ts';
import type { PlanRow } from '../infrastructure/living-plans.query.ts';

export interface ReviewSummary {
  plan: PlanRow;
  state: LivingPlanState;
  /** What the list sorts and filters by: the earliest open deadline the council or setting must meet. */
  next?: ReviewDeadline;
  /** The review date to aim for: the under-five target where earlier, else the statutory date. */
  reviewDueIso?: string;
  reviewDueLong?: string;
  overdue: boolean;
  dueSoon: boolean;
}

export type ReviewFilter = 'all' | 'overdue' | 'due-soon' | 'in-progress';
export const REVIEW_FILTERS: ReadonlyArray<{ value: ReviewFilter; text: string }> = [
  { value: 'all', text: 'All plans' },
  { value: 'overdue', text: 'Overdue' },
  { value: 'due-soon', text: 'Due in the next 14 days' },
  { value: 'in-progress', text: 'Review under way' },
];

export function isReviewFilter(v: string): v is ReviewFilter {
  return REVIEW_FILTERS.some((f) => f.value === v);
}

/** Each maintained plan with its derived state and next action. Ceased and moved plans are left out. */
export function summarisePlans(plans: readonly PlanRow[], ctx: { today: LocalDate; calendar: WorkingDayCalendar; underFiveMonths: (laCode: string) => number }): ReviewSummary[] {
  const out: ReviewSummary[] = [];
  for (const plan of plans) {
    const state = deriveLivingPlan({ events: plan.events, dateOfBirth: plan.child.dateOfBirth, underFiveMonths: ctx.underFiveMonths(plan.laCode) }, { today: ctx.today, calendar: ctx.calendar });
    if (state.status !== 'maintained') continue;
    const next = state.open.find((d) => d.owner !== 'family');
    const target = state.underFiveTarget?.due ?? state.nextReview?.due;
    const reviewDone = state.current !== undefined;
    const overdue = state.open.some((d) => d.owner !== 'family' && d.status === 'overdue') || (!reviewDone && target !== undefined && target < ctx.today);
    const dueSoon = !overdue && next !== undefined && next.status === 'due-soon';
    out.push({
      plan, state, overdue, dueSoon,
      ...(next ? { next } : {}),
      ...(target !== undefined ? { reviewDueIso: formatIsoDate(target), reviewDueLong: formatLongDate(target) } : {}),
    });
  }
  return out.sort((a, b) => (a.next?.due ?? Number.MAX_SAFE_INTEGER) - (b.next?.due ?? Number.MAX_SAFE_INTEGER));
}

export function applyFilter(rows: readonly ReviewSummary[], filter: ReviewFilter): ReviewSummary[] {
  switch (filter) {
    case 'overdue':
      return rows.filter((r) => r.overdue);
    case 'due-soon':
      return rows.filter((r) => r.dueSoon);
    case 'in-progress':
      return rows.filter((r) => r.state.current !== undefined || (r.state.amendment !== undefined && !r.state.amendment.issuedOn));
    default:
      return [...rows];
  }
}

export const longDate = (iso: string): string => formatLongDate(parseLocalDate(iso));
