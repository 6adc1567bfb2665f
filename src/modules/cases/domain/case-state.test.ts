import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, loadEnglandAndWalesCalendar, parseLocalDate } from '../../../platform/calendar/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import type { CaseEvent, CaseEventPayloads, CaseEventType } from './case-events.ts';
import { deriveCaseState } from './case-state.ts';

const calendar = loadEnglandAndWalesCalendar(fileURLToPath(new URL('../../../../', import.meta.url)));
let seq = 0;
const ev = <T extends CaseEventType>(type: T, occurredOn: string, data: CaseEventPayloads[T]): CaseEvent => ({ seq: ++seq, type, occurredOn, data });
// Events are listed in the order they were recorded: number them so.
const at = (today: string, events: CaseEvent[]) => deriveCaseState(events.map((e, i) => ({ ...e, seq: i + 1 })), { today: parseLocalDate(today), calendar });
const clock = (ruleId: string, from: string) => formatIsoDate(computeDeadline({ ruleId, from: parseLocalDate(from) }, calendar).due);

const request = ev('request-received', '2026-01-06', { source: 'parent' });
const assess = ev('decision-to-assess', '2026-02-10', { decision: 'assess' });
const refuse = ev('decision-to-assess', '2026-02-10', { decision: 'not-assess', reasons: ['Needs can be met from ordinarily available provision'] });
const adviceEd = ev('advice-requested', '2026-02-12', { adviceId: 'a1', adviceKind: 'education' });
const adviceHealth = ev('advice-requested', '2026-02-12', { adviceId: 'a2', adviceKind: 'health', receivedOn: '2026-02-16' });
const edIn = ev('advice-received', '2026-03-20', { adviceId: 'a1' });
const draft = ev('draft-served', '2026-04-20', {});
const final = ev('final-plan-issued', '2026-05-20', { primaryNeed: 'ASD' });
const exception = ev('exception-recorded', '2026-03-01', { reason: 'exceptional-personal-circumstances' });

describe('deriveCaseState: stages', () => {
  it.each([
    ['no events', [], 'awaiting-decision'],
    ['request only', [request], 'awaiting-decision'],
    ['refused', [request, refuse], 'refused'],
    ['assessing', [request, assess, adviceEd], 'assessing'],
    ['not issuing', [request, assess, ev('decision-not-to-issue', '2026-04-01', { reasons: 'x' })], 'not-issuing'],
    ['draft', [request, assess, draft], 'draft'],
    ['final', [request, assess, draft, final], 'final-issued'],
    ['withdrawn', [request, assess, ev('request-withdrawn', '2026-03-01', {})], 'withdrawn'],
  ] as const)('%s → %s', (_name, events, stage) => {
    expect(at('2026-03-01', [...events]).stage).toBe(stage);
  });
});

describe('deriveCaseState: clocks start from the right events', () => {
  it.each([
    // [what, events, today, deadline key, expected due, clock rule, clock start]
    ['6 weeks to decide, from the request', [request], '2026-01-10', 'decision-to-assess', '2026-02-17', 'decision-to-assess', '2026-01-06'],
    ['20 weeks for the final plan, from the request', [request, assess], '2026-02-11', 'final-plan', '2026-05-26', 'final-plan', '2026-01-06'],
    ['16 weeks to decide not to issue', [request, assess], '2026-02-11', 'decision-not-to-issue', '2026-04-28', 'decision-not-to-issue', '2026-01-06'],
    ['advice: 6 weeks from the request for advice', [request, assess, adviceEd], '2026-02-13', 'advice:a1', '2026-03-26', 'advice', '2026-02-12'],
    ['advice: 6 weeks from when the partner received it', [request, assess, adviceHealth], '2026-02-13', 'advice:a2', '2026-03-30', 'advice', '2026-02-16'],
    ['15 days for the family from the draft', [request, assess, draft], '2026-04-21', 'draft-representations', '2026-05-04', 'draft-representations', '2026-04-20'],
    ['2 months to contact mediation after a refusal', [request, refuse], '2026-02-11', 'mediation-contact:2', '2026-04-10', 'mediation-contact', '2026-02-10'],
    ['appeal after a refusal', [request, refuse], '2026-02-11', 'tribunal-appeal:2', '2026-04-10', 'tribunal-appeal', '2026-02-10'],
  ] as const)('%s', (_what, events, today, key, due, ruleId, from) => {
    const d = at(today, [...events]).deadlines.find((x) => x.key === key);
    expect(d?.dueIso).toBe(due);
    expect(d?.dueIso).toBe(clock(ruleId, from));
    expect(d?.explanation).toContain('Due ');
  });
});

describe('deriveCaseState: status and next deadline', () => {
  it('is on track, due soon, then overdue as days pass', () => {
    expect(at('2026-01-10', [request]).next?.status).toBe('on-track');
    expect(at('2026-02-10', [request]).next?.status).toBe('due-soon');
    expect(at('2026-02-17', [request]).next?.status).toBe('due-soon');
    expect(at('2026-02-18', [request]).next?.status).toBe('overdue');
  });

  it('marks the decision met and moves on to the earliest council or partner deadline', () => {
    const s = at('2026-02-13', [request, assess, adviceEd, adviceHealth]);
    expect(s.deadlines.find((d) => d.key === 'decision-to-assess')?.status).toBe('met');
    expect(s.next?.key).toBe('advice:a1');
    expect(s.open.map((d) => d.key)).toEqual(['advice:a1', 'advice:a2', 'decision-not-to-issue', 'final-plan']);
  });

  it('a decision after 6 weeks is met late', () => {
    const late = { ...assess, occurredOn: '2026-02-20' };
    expect(at('2026-03-01', [request, late]).deadlines.find((d) => d.key === 'decision-to-assess')?.status).toBe('met-late');
  });

  it('received advice closes its clock; missing advice after its date is overdue', () => {
    const s = at('2026-04-01', [request, assess, adviceEd, adviceHealth, edIn]);
    expect(s.advice.map((a) => [a.adviceId, a.receivedOn, a.deadline?.status])).toEqual([
      ['a1', '2026-03-20', 'met'],
      ['a2', undefined, 'overdue'],
    ]);
    expect(s.nextSteps.caseworker).toContain('Chase the health advice, due 30 March 2026.');
  });

  it('the family does not count towards the next deadline, and their period ends rather than going overdue', () => {
    const s = at('2026-05-10', [request, assess, draft]);
    expect(s.next?.key).toBe('final-plan');
    expect(s.deadlines.find((d) => d.key === 'draft-representations')?.status).toBe('ended');
  });

  it('a final plan closes the 20 weeks and starts the annual review clock', () => {
    const s = at('2026-05-21', [request, assess, draft, final]);
    expect(s.deadlines.find((d) => d.key === 'final-plan')?.status).toBe('met');
    expect(s.next?.ruleId).toBe('annual-review');
    expect(s.next?.dueIso).toBe(clock('annual-review', '2026-05-20'));
    expect(s.notices.map((n) => n.kind)).toEqual(['final-plan']);
  });

  it('withdrawal leaves nothing open', () => {
    const s = at('2026-03-02', [request, assess, adviceEd, ev('request-withdrawn', '2026-03-01', {})]);
    expect(s.open).toEqual([]);
    expect(s.next).toBeUndefined();
  });
});

describe('deriveCaseState: exceptions', () => {
  it('an exception suspends the limits its regulation allows, and says so', () => {
    const s = at('2026-06-10', [request, assess, exception]);
    const final20 = s.deadlines.find((d) => d.key === 'final-plan');
    expect(final20?.status).toBe('exception');
    expect(final20?.exception).toMatch(/^The 20-week limit does not apply: exceptional personal circumstances \(SEND Regulations 2014, reg 13\(3\)/);
    expect(s.suspended.map((x) => x.ruleId).sort()).toEqual(['decision-not-to-issue', 'decision-to-assess', 'final-plan']);
  });

  it('a missed appointment suspends advice but not the 20 weeks', () => {
    const missed = ev('exception-recorded', '2026-03-01', { reason: 'missed-appointment' });
    const s = at('2026-06-10', [request, assess, adviceEd, missed]);
    expect(s.deadlines.find((d) => d.key === 'advice:a1')?.status).toBe('exception');
    expect(s.deadlines.find((d) => d.key === 'final-plan')?.status).toBe('overdue');
  });

  it('an exception limited to named rules applies only to them', () => {
    const only = ev('exception-recorded', '2026-03-01', { reason: 'exceptional-personal-circumstances', ruleIds: ['final-plan'] });
    const s = at('2026-06-10', [request, assess, only]);
    expect(s.suspended.map((x) => x.ruleId)).toEqual(['final-plan']);
  });
});

describe('deriveCaseState: notices and plain English', () => {
  it('a refusal notice carries the reasons and the rights with their dates', () => {
    const s = at('2026-02-11', [request, refuse]);
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]?.reasons).toEqual(['Needs can be met from ordinarily available provision']);
    expect(s.notices[0]?.mediation?.familySentence).toBe('If you want to appeal, you must contact the mediation adviser by 10 April 2026.');
    expect(s.nextSteps.family).toContain('You can appeal to the SEND Tribunal until 10 April 2026.');
  });

  it('tells the family by when we must decide', () => {
    expect(at('2026-01-07', [request]).nextSteps.family).toEqual(['We must tell you by 17 February 2026 whether we will carry out an EHC needs assessment.']);
  });

  it('is honest with the family when we are late', () => {
    expect(at('2026-02-20', [request]).nextSteps.family).toEqual([
      'We must tell you by 17 February 2026 whether we will carry out an EHC needs assessment. We are late: this date has passed. Your caseworker can tell you when to expect it.',
    ]);
    expect(at('2026-02-20', [request]).nextSteps.caseworker[0]).toBe('Overdue: decide whether to assess by 17 February 2026, and send the decision to the family.');
  });

  it('tells the family what they are asked to do with the draft', () => {
    expect(at('2026-04-21', [request, assess, draft]).nextSteps.family[0]).toBe(
      'Tell us what you think of the draft plan, and which school or college you would like named in it, by 4 May 2026.',
    );
  });

  it('reports a clock it cannot compute instead of guessing', () => {
    const s = at('2030-01-01', [ev('request-received', '2029-06-01', { source: 'parent' })]);
    expect(s.deadlines).toEqual([]);
    expect(s.problems[0]).toMatch(/outside the bank holiday data/);
  });
});
