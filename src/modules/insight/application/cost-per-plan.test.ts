import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { addCouncils } from '../../../../test/support/test-app.ts';
import { costPerPlanSeries, financialYearsStartingIn, recentFinancialYears } from './cost-per-plan.ts';

/**
 * Cost per plan, worked out by hand: council 903 has one child with a plan all through 2025-26 at a
 * maintained special school (tariff £24,000 a year) and one whose plan was issued on 1 October 2025
 * at a mainstream school (top-up £7,300 a year) from that day: 182 of 365 days.
 * Committed: 2,400,000 + 730,000 × 182 / 365 = 2,764,000p. Plan-years: 1 + 182/365 = 1.4986.
 * Per plan: 2,764,000 / 1.4986… = 1,844,391p → £18,444. Council 904 has no tariffs: no row at all.
 */
describe('cost per plan, by financial year, where finance data exists', () => {
  let t: TestDatabase;
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '903', '904');
    const q = (s: ReturnType<typeof sql>) => s.execute(t.adminDb);
    for (const la of ['903', '904']) {
      // Ids are unique across councils: council 904's are offset by 1000.
      const id = (n: number) => uuid(n + (la === '904' ? 1000 : 0));
      await q(sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to) values
        (${la}, ${id(1)}, 'Hill Special', '7', 'special', 'all-through', 5, 16), (${la}, ${id(2)}, 'Town Primary', '1', 'mainstream', 'primary', 4, 11)`);
      for (const [c, issued, setting, from] of [[11, '2020-01-10', 1, '2020-01-11'], [12, '2025-10-01', 2, '2025-10-01']] as const) {
        await q(sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values (${la}, ${id(c)}, 'Test', ${'Child' + c}, '2015-05-01')`);
        await q(sql`insert into cases (la_code, id, child_id, reference, opened_on) values (${la}, ${id(100 + c)}, ${id(c)}, ${'EHC-' + c}, ${issued})`);
        await q(sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values (${la}, ${id(100 + c)}, 1, 'final-plan-issued', ${issued}, '{"primaryNeed":"ASD"}')`);
        await q(sql`insert into placements (la_code, child_id, setting_id, starts_on, ends_on) values (${la}, ${id(c)}, ${id(setting)}, ${from}, null)`);
      }
    }
    await q(sql`insert into finance_tariffs (la_code, line, annual_pence, effective_from) values ('903', 'maintained-special', 2400000, '2020-04-01'), ('903', 'mainstream-top-up', 730000, '2020-04-01')`);
  });
  afterAll(async () => t?.drop());

  it('divides committed spend by plan-years in force', async () => {
    const [row] = await costPerPlanSeries(t.db, '903', [2025]);
    expect(row).toEqual({ financialYear: 2025, label: '2025-26', committedPounds: 27_640, planYears: 1.5, costPerPlanPounds: 18_444 });
  });

  it('shows nothing, not £0, for a council without tariffs', async () => {
    expect(await costPerPlanSeries(t.db, '904', [2024, 2025])).toEqual([]);
  });

  it('follows a tariff change at once, though the answer is remembered between pages', async () => {
    const before = await costPerPlanSeries(t.db, '903', [2025]);
    expect(await costPerPlanSeries(t.db, '903', [2025])).toBe(before);
    // Special school places at £36,000 from 1 April 2025: 3,600,000 + 364,000 = 3,964,000p over 1.4986 plan-years.
    await sql`insert into finance_tariffs (la_code, line, annual_pence, effective_from) values ('903', 'maintained-special', 3600000, '2025-04-01')`.execute(t.adminDb);
    const [after] = await costPerPlanSeries(t.db, '903', [2025]);
    expect(after).toMatchObject({ committedPounds: 39_640, costPerPlanPounds: 26_451 });
  });

  it('chooses financial years by their start date', () => {
    expect(recentFinancialYears(parseLocalDate('2026-02-01'), 3)).toEqual([2023, 2024, 2025]);
    expect(financialYearsStartingIn(parseLocalDate('2025-01-01'), parseLocalDate('2026-12-31'))).toEqual([2025, 2026]);
    expect(financialYearsStartingIn(parseLocalDate('2025-04-02'), parseLocalDate('2026-03-31'))).toEqual([]);
  });
});
