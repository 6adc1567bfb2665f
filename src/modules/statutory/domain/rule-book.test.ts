import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { formatIsoDate, parseLocalDate } from '../../../platform/calendar/local-date.ts';
import { loadEnglandAndWalesCalendar } from '../../../platform/calendar/load-bank-holidays.ts';
import { computeDeadline } from './compute-deadline.ts';
import { DEFAULT_RULE_BOOK, RuleBook } from './rule-book.ts';
import { RULE_CATALOGUE, RULE_IDS } from './rule-catalogue.ts';
import type { StatutoryRule } from './statutory-rule.ts';

// The repository root, found from this file (domain code does not read `process`).
const calendar = loadEnglandAndWalesCalendar(fileURLToPath(new URL('../../../../', import.meta.url)));
const d = parseLocalDate;
const current = RULE_CATALOGUE.find((r) => r.id === 'final-plan')!;

// A fictitious change in the law, defined only here: from 1 September 2027 the final plan is due
// in 18 weeks, and a new reason can suspend it. The current row gets an end date.
const CHANGED_LAW: StatutoryRule[] = [
  ...RULE_CATALOGUE.filter((r) => r.id !== 'final-plan'),
  { ...current, effectiveTo: d('2027-08-31') },
  {
    ...current,
    period: { kind: 'calendar', amount: 18, unit: 'weeks', counting: 'within' },
    citation: 'Fictitious Regulations 2027, reg 1',
    effectiveFrom: d('2027-09-01'),
  },
];

describe('rules change over time as new rows', () => {
  const book = new RuleBook(CHANGED_LAW);

  it('a clock that started before the change keeps the old rule, even if due after it', () => {
    const result = computeDeadline({ ruleId: 'final-plan', from: d('2027-08-31') }, calendar, book);
    expect(formatIsoDate(result.due)).toBe('2028-01-18'); // 20 weeks
    expect(result.citation).toBe('SEND Regulations 2014, reg 13(2)');
  });

  it('a clock that starts on or after the change uses the new rule', () => {
    const result = computeDeadline({ ruleId: 'final-plan', from: d('2027-09-01') }, calendar, book);
    expect(formatIsoDate(result.due)).toBe('2028-01-05');
    expect(result.explanation).toBe('Due 5 January 2028: 18 weeks from 1 September 2027, when the request was received (Fictitious Regulations 2027, reg 1).');
  });

  it('other rules and the default book are unaffected', () => {
    expect(book.resolve('advice', d('2027-09-01'))).toBe(DEFAULT_RULE_BOOK.resolve('advice', d('2027-09-01')));
    expect(DEFAULT_RULE_BOOK.resolve('final-plan', d('2027-09-01')).citation).toBe('SEND Regulations 2014, reg 13(2)');
  });

  it('lists the rules in force on a date', () => {
    expect(book.inForce(d('2027-09-01')).find((r) => r.id === 'final-plan')?.citation).toBe('Fictitious Regulations 2027, reg 1');
    expect(DEFAULT_RULE_BOOK.inForce(d('2025-01-01')).map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(DEFAULT_RULE_BOOK.inForce(d('2014-08-31'))).toEqual([]);
  });

  it('refuses overlapping versions and inverted dates', () => {
    expect(() => new RuleBook([current, { ...current, effectiveFrom: d('2027-09-01') }])).toThrow('overlaps');
    expect(() => new RuleBook([{ ...current, effectiveTo: d('2010-01-01') }])).toThrow('is before effectiveFrom');
  });

  it('says when no version was in force', () => {
    expect(() => book.resolve('final-plan', d('2014-01-01'))).toThrow(
      'no version of final-plan was law on 2014-01-01, when this clock started (it applies to clocks starting from 1 September 2014 to 31 August 2027; from 1 September 2027)',
    );
  });
});
