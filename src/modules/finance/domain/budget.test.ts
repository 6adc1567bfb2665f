import { describe, expect, it } from 'vitest';
import { budgetPosition } from './budget-variance.ts';
import { committedByLine, type Tariff } from './committed-spend.ts';
import { lineOfSetting } from './money-lines.ts';

/**
 * Budget arithmetic against figures worked out by hand (below, in the comments), not by the code.
 * Financial year 2025-26: 1 April 2025 to 31 March 2026, 365 days.
 */
const tariffs: Tariff[] = [
  // Maintained special: £24,000 a year to 31 December 2025, then £25,200 (a 5% uplift) from 1 January 2026.
  { line: 'maintained-special', annualPence: 2_400_000, effectiveFrom: '2025-04-01', effectiveTo: '2025-12-31' },
  { line: 'maintained-special', annualPence: 2_520_000, effectiveFrom: '2026-01-01', effectiveTo: null },
  { line: 'independent-special', annualPence: 6_570_000, effectiveFrom: '2020-04-01', effectiveTo: null },
  { line: 'mainstream-top-up', annualPence: 730_000, effectiveFrom: '2020-04-01', effectiveTo: null },
];

describe('committed spend', () => {
  it('charges each placement for its days in the year, split at a tariff change', () => {
    const committed = committedByLine([
      // A: all year in a maintained special school. 1 Apr–31 Dec = 275 days at £24,000: 2,400,000×275/365 = 1,808,219.18 → 1,808,219p;
      //    1 Jan–31 Mar = 90 days at £25,200: 2,520,000×90/365 = 621,369.86 → 621,370p. Total 2,429,589p.
      { line: 'maintained-special', startsOn: '2019-09-01', endsOn: null },
      // B: independent, 1 September 2025 onwards: 1 Sep–31 Mar = 212 days; 6,570,000×212/365 = 3,816,000p exactly.
      { line: 'independent-special', startsOn: '2025-09-01', endsOn: null },
      // C: mainstream, ended 30 April 2025: 1–30 April = 30 days; 730,000×30/365 = 60,000p exactly.
      { line: 'mainstream-top-up', startsOn: '2024-09-01', endsOn: '2025-04-30' },
      // D: ended before the year began: nothing.
      { line: 'mainstream-top-up', startsOn: '2023-09-01', endsOn: '2025-03-31' },
      // E: AP with no tariff: counted, costs nothing, its 365 days reported as untariffed.
      { line: 'alternative-provision', startsOn: '2025-01-01', endsOn: null },
    ], tariffs, 2025);
    const by = Object.fromEntries(committed.map((c) => [c.line, c]));
    expect(by['maintained-special']!.pence).toBe(2_429_589);
    expect(by['independent-special']!.pence).toBe(3_816_000);
    expect(by['mainstream-top-up']!.pence).toBe(60_000);
    expect(by['mainstream-top-up']!.placements).toBe(1);
    expect(by['alternative-provision']).toMatchObject({ pence: 0, placements: 1, noTariffDays: 365 });
    expect(by['independent-special']!.placeYears).toBeCloseTo(212 / 365, 10);
  });

  it('uses 366 days in a year with 29 February', () => {
    // 2027-28 runs to 31 March 2028 and contains 29 February 2028: a whole year costs the whole tariff.
    const [ms] = committedByLine([{ line: 'mainstream-top-up', startsOn: '2027-04-01', endsOn: null }], tariffs, 2027).filter((c) => c.line === 'mainstream-top-up');
    expect(ms!.pence).toBe(730_000);
  });
});

describe('budget position', () => {
  it('outturn is the larger of committed and paid; variance is budget minus outturn; the DSG position follows', () => {
    const p = budgetPosition({
      year: 2025, allocationPence: 10_000_000, broughtForwardPence: -1_000_000,
      budgets: new Map([['maintained-special', 2_500_000], ['independent-special', 3_000_000], ['personal-budgets', 500_000]]),
      committed: [{ line: 'maintained-special', placements: 1, placeYears: 1, pence: 2_429_589, noTariffDays: 0 }, { line: 'independent-special', placements: 1, placeYears: 0.58, pence: 3_816_000, noTariffDays: 0 }],
      actual: new Map([['maintained-special', 2_000_000], ['personal-budgets', 650_000]]),
    });
    const by = Object.fromEntries(p.lines.map((l) => [l.line, l]));
    // Maintained: committed 2,429,589 > paid 2,000,000, so outturn 2,429,589; variance 2,500,000 − 2,429,589 = 70,411 under.
    expect(by['maintained-special']).toMatchObject({ outturnPence: 2_429_589, variancePence: 70_411 });
    // Independent: nothing paid yet; 3,000,000 − 3,816,000 = −816,000 (over).
    expect(by['independent-special']).toMatchObject({ outturnPence: 3_816_000, variancePence: -816_000 });
    // Personal budgets: paid 650,000, nothing committed from placements; 500,000 − 650,000 = −150,000.
    expect(by['personal-budgets']).toMatchObject({ outturnPence: 650_000, variancePence: -150_000 });
    // Outturn 2,429,589 + 3,816,000 + 650,000 = 6,895,589; in-year 10,000,000 − 6,895,589 = 3,104,411; cumulative 2,104,411.
    expect(p.totals.outturnPence).toBe(6_895_589);
    expect(p.totals.budgetPence).toBe(6_000_000);
    expect(p.totals.variancePence).toBe(6_000_000 - 6_895_589);
    expect(p.inYearPence).toBe(3_104_411);
    expect(p.cumulativePence).toBe(2_104_411);
  });
});

describe('budget lines of settings', () => {
  it('maps kinds, academies and out-of-area placements to the lines councils report', () => {
    const s = (kind: string, extra: Partial<{ inArea: boolean; trustName: string | null; giasTypeCode: string }> = {}) => lineOfSetting({ kind, inArea: true, trustName: null, giasTypeCode: '7', ...extra });
    expect(s('mainstream')).toBe('mainstream-top-up');
    expect(s('sen-unit')).toBe('resourced-provision');
    expect(s('special')).toBe('maintained-special');
    expect(s('special', { trustName: 'A Trust' })).toBe('academy-special');
    expect(s('special', { giasTypeCode: '36' })).toBe('academy-special');
    expect(s('special', { inArea: false })).toBe('out-of-area');
    expect(s('independent-special', { inArea: false })).toBe('independent-special');
    expect(s('specialist-post-16')).toBe('post-16');
    expect(s('alternative-provision')).toBe('alternative-provision');
  });
});
