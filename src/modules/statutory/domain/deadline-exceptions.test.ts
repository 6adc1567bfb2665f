import { describe, it, expect } from 'vitest';
import { parseLocalDate } from '../../../platform/calendar/local-date.ts';
import { limitOutcome } from './deadline-exceptions.ts';
import { deadlineStatus } from './deadline-status.ts';
import { EXCEPTION_REASONS } from './exception-reasons.ts';
import { RULE_CATALOGUE } from './rule-catalogue.ts';

const rule = (id: string) => RULE_CATALOGUE.find((r) => r.id === id)!;
const d = parseLocalDate;

describe('limitOutcome', () => {
  it.each([
    ['final-plan', ['exceptional-personal-circumstances'], 'The 20-week limit does not apply: exceptional personal circumstances (SEND Regulations 2014, reg 13(3) and 10(4)(c)).'],
    ['decision-to-assess', ['school-closure'], 'The 6-week limit does not apply: the school or college asked for advice was closed for 4 weeks or more (SEND Regulations 2014, reg 5(4)(a)).'],
    ['decision-not-to-issue', ['absent-from-area'], 'The 16-week limit does not apply: the child or family was away from the area for 4 weeks or more (SEND Regulations 2014, reg 10(4)(d)).'],
    ['advice', ['missed-appointment'], 'The 6-week limit does not apply: an appointment for an examination or test was missed (SEND Regulations 2014, reg 8(2)(c)).'],
    ['reassessment-plan', ['early-years-closure'], 'The 14-week limit does not apply: the early years setting asked for advice was closed for 4 weeks or more (SEND Regulations 2014, reg 27(3)(b)).'],
  ])('%s with %j', (id, reasons, explanation) => {
    const outcome = limitOutcome(rule(id), reasons);
    expect(outcome.applies).toBe(false);
    if (!outcome.applies) expect(outcome.explanation).toBe(explanation);
  });

  it.each([
    ['final-plan', []],
    ['final-plan', ['missed-appointment']], // reg 8(2)(c) is for advice only
    ['decision-to-assess', ['made-up-reason']],
    ['draft-representations', ['exceptional-personal-circumstances']], // the family’s 15 days have no exceptions
    ['tribunal-appeal', ['school-closure']],
    ['reassessment-plan', ['absent-from-area']], // reg 27(3)(d) not verified, see judgement note
  ])('%s with %j: the limit applies', (id, reasons) => {
    expect(limitOutcome(rule(id), reasons)).toEqual({ applies: true });
  });

  it('reports the first reason in the rule’s own order when several are recorded', () => {
    const outcome = limitOutcome(rule('final-plan'), ['absent-from-area', 'school-closure']);
    expect(outcome.applies === false && outcome.reason).toBe('school-closure');
  });

  it('every reason a rule cites is a defined reason code, and the four regulations of the brief are covered', () => {
    const codes = new Set<string>(EXCEPTION_REASONS.map((r) => r.code));
    const cited = RULE_CATALOGUE.flatMap((r) => r.exceptions.map((e) => e.citation)).join(' ');
    for (const r of RULE_CATALOGUE) for (const e of r.exceptions) expect(codes.has(e.reason)).toBe(true);
    for (const reg of ['5(4)', '8(2)', '10(4)', '13(3)']) expect(cited).toContain(reg);
  });
});

describe('deadlineStatus', () => {
  const due = d('2025-05-26');
  it.each([
    [{ today: d('2025-05-01') }, 'on-track'],
    [{ today: d('2025-05-11') }, 'on-track'],
    [{ today: d('2025-05-12') }, 'due-soon'],
    [{ today: d('2025-05-26') }, 'due-soon'],
    [{ today: d('2025-05-27') }, 'overdue'],
    [{ today: d('2025-06-30'), done: d('2025-05-26') }, 'met'],
    [{ today: d('2025-06-30'), done: d('2025-05-27') }, 'met-late'],
    [{ today: d('2025-06-30'), exception: true }, 'exception'],
    [{ today: d('2025-06-30'), done: d('2025-06-10'), exception: true }, 'exception'],
    [{ today: d('2025-06-30'), done: d('2025-05-20'), exception: true }, 'met'],
  ] as const)('%o → %s', (input, expected) => {
    expect(deadlineStatus({ due, ...input })).toBe(expected);
  });
});
