import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../cases/index.ts';
import { collectionPeriod } from './collection-period.ts';
import { assessmentOutcome, concludedBefore, requestFacts, requestOutcome } from './request-outcomes.ts';

const period = collectionPeriod('2026-01-15');
let seq = 0;
const ev = (type: CaseEvent['type'], occurredOn: string, data: Record<string, unknown> = {}): CaseEvent => ({ seq: (seq += 1), type, occurredOn, data } as CaseEvent);
const received = ev('request-received', '2025-03-01', { source: 'parent' });

describe('SEN2 request and assessment outcomes from case events', () => {
  it.each([
    ['no decision yet', [received], 'A', undefined, false],
    ['decided to assess, nothing since', [received, ev('decision-to-assess', '2025-04-01', { decision: 'assess' })], 'Y', 'A', false],
    ['refused', [received, ev('decision-to-assess', '2025-04-01', { decision: 'not-assess' })], 'N', undefined, false],
    ['withdrawn before a decision', [received, ev('request-withdrawn', '2025-03-20')], 'W', undefined, false],
    ['plan issued in the year', [received, ev('decision-to-assess', '2025-04-01', { decision: 'assess' }), ev('final-plan-issued', '2025-07-01', { primaryNeed: 'ASD' })], 'Y', 'Y', false],
    ['not to issue', [received, ev('decision-to-assess', '2025-04-01', { decision: 'assess' }), ev('decision-not-to-issue', '2025-06-01')], 'Y', 'N', false],
    ['withdrawn during assessment', [received, ev('decision-to-assess', '2025-04-01', { decision: 'assess' }), ev('request-withdrawn', '2025-05-01')], 'Y', 'W', false],
    ['plan issued before the period: historical', [ev('request-received', '2023-01-10', { source: 'parent' }), ev('decision-to-assess', '2023-02-01', { decision: 'assess' }), ev('final-plan-issued', '2023-05-01')], 'H', 'H', true],
    ['refused before the period', [ev('request-received', '2024-01-10', { source: 'parent' }), ev('decision-to-assess', '2024-02-01', { decision: 'not-assess' })], 'N', undefined, true],
    ['decision after the reference date is not yet known', [received, ev('decision-to-assess', '2026-01-16', { decision: 'assess' })], 'A', undefined, false],
    ['decision in January before the reference date counts', [received, ev('decision-to-assess', '2026-01-10', { decision: 'assess' })], 'Y', 'A', false],
  ])('%s', (_name, events, request, assessment, concluded) => {
    const f = requestFacts(events, period);
    expect(requestOutcome(f, period)).toBe(request);
    if (assessment) expect(assessmentOutcome(f, period)).toBe(assessment);
    expect(concludedBefore(f, period)).toBe(concluded);
  });

  it('reads the exception flag and the last review up to the reference date', () => {
    const f = requestFacts([
      received, ev('exception-recorded', '2025-05-01', { reason: 'exceptional-personal-circumstances' }),
      ev('annual-review-held', '2025-11-01'), ev('annual-review-held', '2026-02-01'),
    ], period);
    expect(f.exception).toBe(true);
    expect(f.lastReview).toBe('2025-11-01');
  });
});

describe('collection period', () => {
  it('is the calendar year before the January reference date', () => {
    expect(collectionPeriod('2026-01-15')).toEqual({ year: '2026', referenceDate: '2026-01-15', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
  });
  it.each(['2026-02-01', '2026-01-32', '26-01-15'])('refuses %s', (d) => {
    expect(() => collectionPeriod(d)).toThrow();
  });
});
