import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { formatIsoDate, parseLocalDate } from '../../../platform/calendar/local-date.ts';
import { loadEnglandAndWalesCalendar } from '../../../platform/calendar/load-bank-holidays.ts';
import { computeDeadline, type DeadlineRequest } from './compute-deadline.ts';
import { DeadlineInputError, RuleNotInForceError, UnknownRuleError } from './deadline-errors.ts';
import { RULE_CATALOGUE, RULE_IDS } from './rule-catalogue.ts';

// The repository root, found from this file (domain code does not read `process`).
const calendar = loadEnglandAndWalesCalendar(fileURLToPath(new URL('../../../../', import.meta.url)));
const d = parseLocalDate;
const due = (request: DeadlineRequest) => formatIsoDate(computeDeadline(request, calendar).due);

// [rule, from, expected due, what the case exercises]
const FROM_CASES: [string, string, string, string][] = [
  ['decision-to-assess', '2025-01-06', '2025-02-17', '6 weeks: X + 42'],
  ['decision-to-assess', '2024-11-20', '2025-01-01', 'lands on New Year’s Day: calendar weeks ignore holidays'],
  ['decision-to-assess', '2025-01-04', '2025-02-15', 'starts on a Saturday'],
  ['advice', '2024-01-18', '2024-02-29', 'lands on 29 February'],
  ['advice', '2025-04-18', '2025-05-30', 'starts on Good Friday'],
  ['decision-not-to-issue', '2025-01-06', '2025-04-28', '16 weeks'],
  ['decision-not-to-issue', '2022-12-25', '2023-04-16', 'starts on Christmas Day'],
  ['draft-representations', '2025-01-06', '2025-01-20', '15 days beginning with: X + 14'],
  ['draft-representations', '2024-12-20', '2025-01-03', 'across Christmas and New Year'],
  ['draft-representations', '2024-02-15', '2024-02-29', 'ends on 29 February'],
  ['final-plan', '2025-01-06', '2025-05-26', 'the issue’s example'],
  ['final-plan', '2023-12-25', '2024-05-13', 'starts on Christmas Day'],
  ['final-plan', '2024-02-29', '2024-07-18', 'starts on 29 February'],
  ['transfer-plan', '2025-01-06', '2025-01-24', '15 working days beginning with a Monday'],
  ['transfer-plan', '2022-05-23', '2022-06-14', 'across the Jubilee holidays 2 and 3 June 2022'],
  ['transfer-plan', '2022-09-12', '2022-10-03', 'across the State Funeral 19 September 2022'],
  ['transfer-plan', '2023-05-01', '2023-05-23', 'starts on a bank holiday, across the Coronation 8 May 2023'],
  ['transfer-plan', '2025-04-12', '2025-05-07', 'starts on a Saturday, across Easter 2025 and early May'],
  ['transfer-plan', '2024-12-20', '2025-01-14', 'across Christmas and New Year'],
  ['transfer-inform', '2025-12-31', '2026-02-11', '6 weeks across New Year'],
  ['annual-review', '2024-02-29', '2025-02-28', '29 February + 12 months'],
  ['annual-review', '2025-01-06', '2026-01-06', '12 months: corresponding date'],
  ['review-notice', '2025-07-02', '2025-06-18', 'meeting − 14 days'],
  ['review-notice', '2025-01-06', '2024-12-23', 'counting back across Christmas'],
  ['review-notice', '2024-03-14', '2024-02-29', 'counting back to 29 February'],
  ['review-report', '2024-12-18', '2025-01-01', '2 weeks, ends on New Year’s Day'],
  ['review-decision', '2025-03-21', '2025-04-18', '4 weeks, ends on Good Friday'],
  ['amendment-representations', '2025-04-07', '2025-04-21', '15 days beginning with, ends on Easter Monday'],
  ['amended-plan', '2025-01-06', '2025-03-03', '8 weeks'],
  ['reassessment-plan', '2025-01-06', '2025-04-14', '14 weeks'],
  ['mediation-contact', '2024-12-31', '2025-02-28', '31 December + 2 months: non-leap February'],
  ['mediation-contact', '2023-12-31', '2024-02-29', '31 December + 2 months: leap February'],
  ['mediation-contact', '2025-03-31', '2025-05-31', 'month end to month end'],
  ['mediation-certificate', '2025-01-06', '2025-01-09', '3 working days after a Monday'],
  ['mediation-certificate', '2022-06-01', '2022-06-08', 'across the Jubilee holidays'],
  ['mediation-certificate', '2022-09-16', '2022-09-22', 'across the State Funeral'],
  ['mediation-certificate', '2023-05-05', '2023-05-11', 'across the Coronation'],
  ['mediation-certificate', '2025-04-17', '2025-04-24', 'across Easter'],
  ['mediation-certificate', '2025-12-24', '2025-12-31', 'across Christmas'],
  ['mediation-certificate', '2025-01-04', '2025-01-08', 'starts on a Saturday'],
  ['mediation-certificate', '2025-05-05', '2025-05-08', 'starts on a bank holiday'],
  ['mediation-meeting', '2025-01-30', '2025-03-01', '30 days across February'],
];

describe('every rule, table-driven', () => {
  it.each(FROM_CASES)('%s from %s is due %s (%s)', (ruleId, from, expected) => {
    expect(due({ ruleId, from: d(from) })).toBe(expected);
  });

  it.each([
    [2027, 'other', '2027-02-15'],
    [2027, 'post16', '2027-03-31'],
    [2028, 'other', '2028-02-15'],
  ] as const)('phase-transfer %i %s is due %s', (year, route, expected) => {
    expect(due({ ruleId: 'phase-transfer', year, route })).toBe(expected);
  });

  it.each<[string, string | undefined, string, string]>([
    ['2025-03-31', undefined, '2025-05-31', 'no certificate: 2 months'],
    ['2025-03-31', '2025-05-20', '2025-06-20', 'certificate later: 1 month from it'],
    ['2025-03-31', '2025-04-10', '2025-05-31', 'certificate earlier: 2 months still later'],
    ['2024-12-31', undefined, '2025-02-28', '31 December + 2 months'],
    ['2025-10-01', '2025-11-29', '2026-01-02', 'IPSEA example: 29 December moves to the next working day after 1 January'],
    ['2025-10-25', undefined, '2026-01-02', '25 December moves to 2 January'],
    ['2022-11-01', undefined, '2023-01-03', '1 January 2023 moves past the substitute holiday on 2 January'],
    ['2026-11-01', undefined, '2027-01-04', '1 January 2027 moves past the weekend of 2–3 January'],
    ['2025-06-15', undefined, '2025-09-01', 'August moves to the first working day in September'],
    ['2026-06-30', undefined, '2026-09-01', '30 August 2026 moves to 1 September'],
    ['2025-06-30', '2025-07-31', '2025-09-01', 'certificate + 1 month in August'],
    ['2025-10-24', undefined, '2025-12-24', '24 December is not moved'],
    ['2025-05-31', undefined, '2025-07-31', '31 July is not moved'],
    ['2025-05-05', undefined, '2025-07-05', 'a Saturday deadline is not moved (see judgement note)'],
  ])('tribunal-appeal from %s, certificate %s is due %s (%s)', (from, certificate, expected) => {
    const request: DeadlineRequest = { ruleId: 'tribunal-appeal', from: d(from) };
    if (certificate) request.certificate = d(certificate);
    expect(due(request)).toBe(expected);
  });

  it('covers every rule id of the digest, each with a citation and family wording', () => {
    const covered = new Set([...FROM_CASES.map((c) => c[0]), 'phase-transfer', 'tribunal-appeal']);
    expect([...covered].sort()).toEqual([...RULE_IDS].sort());
    expect(RULE_CATALOGUE.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULE_CATALOGUE) {
      expect(rule.citation).toMatch(/Regulations 2014|Act 2014|Rules 2008/);
      expect(rule.familyWording).toContain('{due}');
    }
  });
});

describe('explanations', () => {
  it('matches the issue’s example exactly', () => {
    const result = computeDeadline({ ruleId: 'final-plan', from: d('2025-01-06') }, calendar);
    expect(result.explanation).toBe('Due 26 May 2025: 20 weeks from 6 January 2025, when the request was received (SEND Regulations 2014, reg 13(2)).');
    expect(result.familySentence).toBe('We must send you the final plan by 26 May 2025.');
    expect(result.citation).toBe('SEND Regulations 2014, reg 13(2)');
  });

  it.each([
    [{ ruleId: 'draft-representations', from: d('2025-01-06') }, 'Due 20 January 2025: 15 days beginning with 6 January 2025, the day the draft plan was served (SEND Regulations 2014, reg 13(1)(a)).'],
    [{ ruleId: 'review-notice', from: d('2025-07-02') }, 'Due 18 June 2025: the latest day, at least 2 weeks before the review meeting on 2 July 2025 (SEND Regulations 2014, reg 20(3) and 21(3)).'],
    [{ ruleId: 'phase-transfer', year: 2027, route: 'other' as const }, 'Due 15 February 2027: 15 February in 2027, the calendar year of the transfer between phases of education (SEND Regulations 2014, reg 18(1)).'],
    [{ ruleId: 'tribunal-appeal', from: d('2025-03-31'), certificate: d('2025-05-20') }, 'Due 20 June 2025: the later of 2 months from 31 March 2025, when the decision notice was sent (31 May 2025), and 1 month from 20 May 2025, when the mediation certificate was issued (20 June 2025) (Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r20(1)(c)).'],
    [{ ruleId: 'tribunal-appeal', from: d('2025-06-15') }, 'Due 1 September 2025: 2 months from 15 June 2025, when the decision notice was sent, which falls on 15 August 2025 and so moves to the first working day in September, as the Tribunal does not count days in August (Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r20(1)(c)).'],
  ])('explains %o in one sentence', (request, expected) => {
    expect(computeDeadline(request, calendar).explanation).toBe(expected);
  });

  it('every explanation is one sentence naming the due date and citation', () => {
    for (const [ruleId, from] of FROM_CASES) {
      const result = computeDeadline({ ruleId, from: d(from) }, calendar);
      expect(result.explanation.startsWith('Due ')).toBe(true);
      expect(result.explanation.endsWith(`(${result.citation}).`)).toBe(true);
      expect(result.explanation.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });
});

describe('bad requests name the field', () => {
  it.each([
    [{ ruleId: 'no-such-rule', from: d('2025-01-06') }, UnknownRuleError, 'rule', 'unknown rule "no-such-rule"'],
    [{ ruleId: 'final-plan' }, DeadlineInputError, 'from', 'from is missing'],
    [{ ruleId: 'final-plan', from: d('2025-01-06'), certificate: d('2025-02-01') }, DeadlineInputError, 'certificate', 'certificate does not apply to final-plan'],
    [{ ruleId: 'phase-transfer', route: 'other' as const }, DeadlineInputError, 'year', 'year is missing'],
    [{ ruleId: 'phase-transfer', year: 2027 }, DeadlineInputError, 'route', 'route is missing'],
    [{ ruleId: 'phase-transfer', year: 2027, route: 'post16' as const, from: d('2025-01-06') }, DeadlineInputError, 'from', 'from does not apply to phase-transfer'],
    [{ ruleId: 'phase-transfer', year: 2035, route: 'other' as const }, DeadlineInputError, 'year', 'year 2035 is outside the bank holiday data'],
    [{ ruleId: 'final-plan', from: d('2030-01-06') }, DeadlineInputError, 'from', 'from 2030-01-06 is outside the bank holiday data, which covers 2012-01-01 to 2028-12-31'],
    [{ ruleId: 'mediation-certificate', from: d('2028-12-29') }, DeadlineInputError, 'from', 'runs past 2028-12-31'],
    [{ ruleId: 'tribunal-appeal', from: d('2028-11-01') }, DeadlineInputError, 'from', 'outside the bank holiday data'],
    [{ ruleId: 'tribunal-appeal', from: d('2025-03-31'), certificate: d('2025-03-01') }, DeadlineInputError, 'certificate', 'is before the decision notice'],
    [{ ruleId: 'final-plan', from: d('2014-08-31') }, RuleNotInForceError, 'from', 'no version of final-plan was law on 2014-08-31'],
  ])('%o', (request, type, field, message) => {
    try {
      computeDeadline(request as DeadlineRequest, calendar);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(type);
      expect((error as DeadlineInputError).field).toBe(field);
      expect((error as Error).message).toContain(message);
    }
  });
});
