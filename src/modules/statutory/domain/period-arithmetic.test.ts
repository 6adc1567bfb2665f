import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addMonths, daysInMonth, toYearMonthDay, type LocalDate } from '../../../platform/calendar/local-date.ts';
import { loadEnglandAndWalesCalendar } from '../../../platform/calendar/load-bank-holidays.ts';
import { applySimplePeriod, computeDue, tribunalHoliday } from './period-arithmetic.ts';
import { RULE_CATALOGUE } from './rule-catalogue.ts';
import type { SimplePeriod } from './statutory-rule.ts';

// The repository root, found from this file (domain code does not read `process`).
const calendar = loadEnglandAndWalesCalendar(fileURLToPath(new URL('../../../../', import.meta.url)));
// Start dates well inside the data so working-day periods never run off the end.
const start = fc.integer({ min: calendar.first + 1, max: calendar.last - 400 }).map((n) => n as LocalDate);
const amount = fc.integer({ min: 1, max: 40 });
const unit = fc.constantFrom('days', 'weeks', 'months' as const);

describe('period arithmetic properties', () => {
  it('"beginning with" ends one day earlier than "within" for the same calendar period', () => {
    fc.assert(
      fc.property(start, amount, unit, (from, n, u) => {
        const within = applySimplePeriod({ kind: 'calendar', amount: n, unit: u, counting: 'within' }, from, calendar);
        const beginning = applySimplePeriod({ kind: 'calendar', amount: n, unit: u, counting: 'beginning-with' }, from, calendar);
        expect(within - beginning).toBe(1);
      }),
    );
  });

  it('"within N days of X" ends on X + N, and weeks are 7 days', () => {
    fc.assert(
      fc.property(start, amount, (from, n) => {
        expect(applySimplePeriod({ kind: 'calendar', amount: n, unit: 'days', counting: 'within' }, from, calendar)).toBe(from + n);
        expect(applySimplePeriod({ kind: 'calendar', amount: n, unit: 'weeks', counting: 'within' }, from, calendar)).toBe(from + 7 * n);
      }),
    );
  });

  it('month periods clamp to the month end and never overshoot', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 24 }), (from, n) => {
        const end = toYearMonthDay(addMonths(from, n));
        const begin = toYearMonthDay(from);
        expect(end.day).toBe(Math.min(begin.day, daysInMonth(end.year, end.month)));
      }),
    );
  });

  it('working-day results never fall on a non-working day', () => {
    fc.assert(
      fc.property(start, amount, fc.constantFrom('within', 'beginning-with' as const), (from, n, counting) => {
        const period: SimplePeriod = { kind: 'working-days', amount: n, counting };
        expect(calendar.isWorkingDay(applySimplePeriod(period, from, calendar))).toBe(true);
      }),
    );
  });

  it('"beginning with" is never later than "within" for working days, and equal or one working day earlier', () => {
    fc.assert(
      fc.property(start, amount, (from, n) => {
        const within = applySimplePeriod({ kind: 'working-days', amount: n, counting: 'within' }, from, calendar);
        const beginning = applySimplePeriod({ kind: 'working-days', amount: n, counting: 'beginning-with' }, from, calendar);
        if (calendar.isWorkingDay(from)) expect(calendar.addWorkingDaysAfter(beginning, 1)).toBe(within);
        else expect(beginning).toBe(within);
      }),
    );
  });

  const forwardRules = RULE_CATALOGUE.filter((r) => r.period.kind !== 'fixed-date');
  it('every rule is monotonic (non-decreasing) in its start date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forwardRules), start, fc.integer({ min: 0, max: 60 }), (rule, from, gap) => {
        const later = (from + gap) as LocalDate;
        expect(computeDue(rule.period, { from: later }, calendar)).toBeGreaterThanOrEqual(computeDue(rule.period, { from }, calendar));
      }),
    );
  });

  it('every forward rule ends after its start, and counting back ends before', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forwardRules), start, (rule, from) => {
        const due = computeDue(rule.period, { from }, calendar);
        if (rule.period.kind === 'before') expect(due).toBeLessThan(from);
        else expect(due).toBeGreaterThan(from);
      }),
    );
  });

  it('tribunal deadlines never fall in August or 25 December to 1 January, and are never earlier than r20 alone', () => {
    const tribunal = RULE_CATALOGUE.find((r) => r.id === 'tribunal-appeal')!;
    fc.assert(
      fc.property(start, fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), (from, certGap) => {
        const certificate = certGap === undefined ? undefined : ((from + certGap) as LocalDate);
        const due = computeDue(tribunal.period, { from, certificate }, calendar);
        expect(tribunalHoliday(due)).toBeUndefined();
        expect(due).toBeGreaterThanOrEqual(addMonths(from, 2));
        if (certificate !== undefined) expect(due).toBeGreaterThanOrEqual(addMonths(certificate, 1));
      }),
    );
  });
});
