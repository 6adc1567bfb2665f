import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { caseCalendar, type CaseEvent, type CaseEventPayloads, type CaseEventType } from '../../cases/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import { informDeadline, moveTransfer } from './council-move.ts';
import { deriveLivingPlan } from './living-plan-state.ts';

const calendar = caseCalendar();
let seq = 0;
const ev = <T extends CaseEventType>(type: T, occurredOn: string, data: CaseEventPayloads[T]): CaseEvent => ({ seq: ++seq, type, occurredOn, data }) as CaseEvent;
const clock = (today: string) => ({ today: parseLocalDate(today), calendar });
const due = (ruleId: string, from: string) => computeDeadline({ ruleId, from: parseLocalDate(from) }, calendar).due;

// Every expected date below was worked out by hand from the wording of the law (see docs/reviews.md)
// and is also checked against computeDeadline, so the page and the clock cannot drift apart.
const issued = ev('final-plan-issued', '2025-03-10', {});

describe('annual review scheduling', () => {
  it('is due 12 months from issue, then 12 months from the last review', () => {
    const first = deriveLivingPlan({ events: [issued], dateOfBirth: '2012-05-01', underFiveMonths: 6 }, clock('2025-12-01'));
    expect(first.nextReview?.dueIso).toBe('2026-03-10');
    expect(first.nextReview?.due).toBe(due('annual-review', '2025-03-10'));
    const reviewed = deriveLivingPlan({ events: [issued, ev('annual-review-held', '2026-02-20', {})], dateOfBirth: '2012-05-01', underFiveMonths: 6 }, clock('2026-03-01'));
    expect(reviewed.lastReviewOn).toBe('2026-02-20');
    expect(reviewed.nextReview?.dueIso).toBe('2027-02-20');
  });

  it('is overdue the day after the due date', () => {
    const late = deriveLivingPlan({ events: [issued], dateOfBirth: '2012-05-01', underFiveMonths: 6 }, clock('2026-03-11'));
    expect(late.nextReview?.status).toBe('overdue');
    expect(deriveLivingPlan({ events: [issued], dateOfBirth: '2012-05-01', underFiveMonths: 6 }, clock('2026-03-10')).nextReview?.status).toBe('due-soon');
  });

  it("gives under-fives the council's shorter cycle as a target, leaving the legal date alone", () => {
    const s = deriveLivingPlan({ events: [issued], dateOfBirth: '2023-01-10', underFiveMonths: 6 }, clock('2025-04-01'));
    expect(s.underFiveTarget?.dueIso).toBe('2025-09-10');
    expect(s.nextReview?.dueIso).toBe('2026-03-10');
    expect(deriveLivingPlan({ events: [issued], dateOfBirth: '2023-01-10', underFiveMonths: 3 }, clock('2025-04-01')).underFiveTarget?.dueIso).toBe('2025-06-10');
    expect(deriveLivingPlan({ events: [issued], dateOfBirth: '2019-01-10', underFiveMonths: 3 }, clock('2025-04-01')).underFiveTarget).toBeUndefined();
  });
});

describe('a review that leads to an amendment', () => {
  const reviewId = 'r1';
  const events = [
    issued,
    ev('review-meeting-arranged', '2026-01-10', { reviewId, meetingOn: '2026-03-04', arrangedBy: 'setting' }),
    ev('review-invitations-sent', '2026-02-16', { reviewId }),
    ev('annual-review-held', '2026-03-04', { reviewId, attendees: ['Parent', 'SENCO'], progress: 'Good' }),
  ];

  it('runs the notice back from the meeting and the report and decision forward from it', () => {
    const s = deriveLivingPlan({ events, dateOfBirth: '2012-05-01', underFiveMonths: 6 }, clock('2026-03-05'));
    const by = (key: string) => s.deadlines.find((d) => d.key === key);
    expect(by('review-notice:r1')?.dueIso).toBe('2026-02-18');
    expect(by('review-notice:r1')?.status).toBe('met');
    expect(by('review-advice:r1')?.status).toBe('overdue'); // never recorded as circulated
    expect(by('review-report:r1')?.dueIso).toBe('2026-03-18');
    expect(by('review-decision:r1')?.dueIso).toBe('2026-04-01');
    expect(by('review-decision:r1')?.due).toBe(due('review-decision', '2026-03-04'));
    expect(s.current?.reviewId).toBe('r1');
    expect(s.nextReview?.dueIso).toBe('2027-03-04');
  });

  it('then gives the family 15 days for comments and the council 8 weeks for the amended plan', () => {
    const s = deriveLivingPlan({
      events: [...events, ev('review-decision', '2026-03-25', { reviewId, decision: 'amend' }), ev('amendments-proposed', '2026-04-01', { reviewId, changes: ['Speech and language therapy: 1 hour a week'] })],
      dateOfBirth: '2012-05-01', underFiveMonths: 6,
    }, clock('2026-04-02'));
    expect(s.current).toBeUndefined();
    expect(s.deadlines.find((d) => d.key === 'amendment-representations')?.dueIso).toBe('2026-04-15');
    expect(s.deadlines.find((d) => d.key === 'amended-plan')?.dueIso).toBe('2026-05-27');
    expect(s.amendment?.changes).toEqual(['Speech and language therapy: 1 hour a week']);
    expect(s.notices).toEqual([]); // a decision to amend is not itself appealable
  });
});

describe('ceasing, reassessment and moves', () => {
  it('serves a cease notice with mediation and appeal dates (the August extension applied)', () => {
    const s = deriveLivingPlan({ events: [issued, ev('plan-ceased', '2026-06-01', { reasonCode: '3', reasons: ['Moved on to university'] })], dateOfBirth: '2006-05-01', underFiveMonths: 6 }, clock('2026-06-02'));
    expect(s.status).toBe('ceased');
    expect(s.open.filter((d) => d.owner === 'council')).toEqual([]);
    const notice = s.notices[0]!;
    expect(notice.kind).toBe('cease');
    expect(notice.mediation?.dueIso).toBe('2026-08-01');
    expect(notice.appeal?.dueIso).toBe('2026-09-01');
  });

  it('gives a reassessment 14 weeks', () => {
    const s = deriveLivingPlan({ events: [issued, ev('reassessment-decided', '2026-01-05', { decision: 'reassess' })], dateOfBirth: '2012-05-01', underFiveMonths: 6 }, clock('2026-01-06'));
    expect(s.deadlines.find((d) => d.key === 'reassessment-plan')?.dueIso).toBe('2026-04-13');
  });

  it('sends the plan on the day of the move with 15 working days notice, else within 15 working days', () => {
    const aware = parseLocalDate('2022-05-23');
    expect(moveTransfer(aware, parseLocalDate('2022-06-10'), calendar)).toMatchObject({ late: true, due: parseLocalDate('2022-06-14') });
    expect(moveTransfer(aware, parseLocalDate('2022-06-20'), calendar)).toMatchObject({ late: false, due: parseLocalDate('2022-06-20') });
    expect(informDeadline(parseLocalDate('2026-03-02'), calendar).due).toBe(parseLocalDate('2026-04-13'));
  });
});
