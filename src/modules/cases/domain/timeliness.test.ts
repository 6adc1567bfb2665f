import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnglandAndWalesCalendar, parseLocalDate } from '../../../platform/calendar/index.ts';
import { timeliness, type TimelinessCase } from './timeliness.ts';

const calendar = loadEnglandAndWalesCalendar(fileURLToPath(new URL('../../../../', import.meta.url)));
const base: TimelinessCase = { stage: 'awaiting-decision', requestedOn: null, decidedOn: null, decision: null, finalIssuedOn: null, finalException: false, nextDue: null, nextException: false };
const c = (x: Partial<TimelinessCase>): TimelinessCase => ({ ...base, ...x });
const period = { from: parseLocalDate('2025-01-01'), to: parseLocalDate('2025-12-31'), today: parseLocalDate('2026-01-10'), calendar };

describe('timeliness (DfE definitions, dates from the clock)', () => {
  const cases = [
    // Requested 6 Jan 2025: 6 weeks → 17 Feb 2025; 20 weeks → 26 May 2025.
    c({ stage: 'final-issued', requestedOn: '2025-01-06', decidedOn: '2025-02-17', decision: 'assess', finalIssuedOn: '2025-05-26' }),
    c({ stage: 'final-issued', requestedOn: '2025-01-06', decidedOn: '2025-02-18', decision: 'assess', finalIssuedOn: '2025-05-27', finalException: true }),
    c({ stage: 'final-issued', requestedOn: '2025-01-06', decidedOn: '2025-02-10', decision: 'assess', finalIssuedOn: '2026-02-01' }),
    c({ stage: 'refused', requestedOn: '2025-03-03', decidedOn: '2025-04-01', decision: 'not-assess' }),
    c({ stage: 'withdrawn', requestedOn: '2025-03-03' }),
    c({ stage: 'awaiting-decision', requestedOn: '2025-12-20', nextDue: '2026-01-31' }),
    c({ stage: 'assessing', requestedOn: '2025-09-01', decidedOn: '2025-10-01', decision: 'assess', nextDue: '2026-01-09' }),
    c({ stage: 'assessing', requestedOn: '2025-09-01', decidedOn: '2025-10-01', decision: 'assess', nextDue: '2026-01-09', nextException: true }),
    // Requested before the period, issued in it after more than 52 weeks.
    c({ stage: 'final-issued', requestedOn: '2024-01-08', decidedOn: '2024-02-01', decision: 'assess', finalIssuedOn: '2025-03-01' }),
  ];
  const t = timeliness(cases, period);

  it('counts requests by the date received, decisions within 6 weeks of those decided', () => {
    expect(t.requests).toEqual({ received: 8, decided: 6, toAssess: 5, notToAssess: 1, withdrawn: 1, ongoing: 1, withinSixWeeks: 5, overSixWeeks: 1, withinSixWeeksPct: 83.3 });
  });

  it('counts plans by the date issued, within 20 weeks with and without exceptions', () => {
    expect(t.plans).toEqual({
      issued: 3, within20Weeks: 1, between20And52Weeks: 1, over52Weeks: 1, within20WeeksPct: 33.3,
      issuedExcludingExceptions: 2, within20WeeksExcludingExceptions: 1, within20WeeksExcludingExceptionsPct: 50,
    });
  });

  it('counts cases overdue today, leaving out those with an exception', () => {
    expect(t.overdueNow).toBe(1);
  });

  it('says "no cases" rather than dividing by zero', () => {
    expect(timeliness([], period).plans.within20WeeksPct).toBeNull();
  });
});
