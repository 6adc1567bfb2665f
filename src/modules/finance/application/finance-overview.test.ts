import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { addCouncils } from '../../../../test/support/test-app.ts';
import { ensureDemoArea } from '../../../cli/commands/demo-area-on-start.ts';
import { PROJECT_ROOT } from '../../../main.ts';
import { loadConfig } from '../../../platform/config/config.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import { parseLedgerCsv } from '../domain/ledger-csv.ts';
import { importLedger } from '../infrastructure/finance.repository.ts';
import { costPerPlan, financeOverview } from './finance-overview.ts';

/**
 * A council built by hand, small enough to check every figure in a comment: financial year
 * 2025-26 (365 days), "today" 30 November 2025.
 */
const LA = '901', OTHER = '902', TODAY = '2025-11-30';
const uuid = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

async function handBuiltCouncil(t: TestDatabase): Promise<void> {
  await addCouncils(t, LA, OTHER);
  const q = (s: ReturnType<typeof sql>) => s.execute(t.adminDb);
  await q(sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to, commissioned_places, in_area) values
    (${LA}, ${uuid(1)}, 'Hill Special', '7', 'special', 'all-through', 5, 16, 10, true),
    (${LA}, ${uuid(2)}, 'Far Independent', '11', 'independent-special', 'all-through', 5, 18, 0, false),
    (${LA}, ${uuid(3)}, 'Town Primary', '1', 'mainstream', 'primary', 4, 11, 0, true)`);
  await q(sql`insert into finance_tariffs (la_code, line, annual_pence, effective_from) values
    (${LA}, 'maintained-special', 2400000, '2020-04-01'), (${LA}, 'independent-special', 6570000, '2020-04-01'), (${LA}, 'mainstream-top-up', 730000, '2020-04-01')`);
  // Three children with plans; a fourth with a placement but no plan (not charged).
  const kids: Array<[number, string, string, string | null, number, string, string | null]> = [
    // child, dob, plan issued, plan ceased, setting, placement from, placement to
    [11, '2015-05-01', '2021-01-10', null, 1, '2021-01-11', null], // maintained special all year: 2,400,000p
    [12, '2012-02-01', '2025-08-01', null, 2, '2025-09-01', null], // independent from 1 Sep: 212 days → 6,570,000 × 212 / 365 = 3,816,000p
    [13, '2017-03-01', '2023-06-01', '2025-05-01', 3, '2023-06-02', null], // mainstream; plan ceased 1 May: charged 1–30 April = 30 days → 60,000p
    [14, '2016-03-01', '2030-01-01', null, 3, '2024-09-01', null], // plan not issued yet: nothing
  ];
  for (const [c, dob, issued, ceased, s, from, to] of kids) {
    await q(sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values (${LA}, ${uuid(c)}, 'Test', ${'Child' + c}, ${dob})`);
    await q(sql`insert into cases (la_code, id, child_id, reference, opened_on) values (${LA}, ${uuid(100 + c)}, ${uuid(c)}, ${'EHC-' + c}, ${issued})`);
    if (issued < TODAY) await q(sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values (${LA}, ${uuid(100 + c)}, 1, 'final-plan-issued', ${issued}, '{"primaryNeed":"ASD"}')`);
    if (ceased) await q(sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values (${LA}, ${uuid(100 + c)}, 2, 'plan-ceased', ${ceased}, '{"reasonCode":"1"}')`);
    await q(sql`insert into placements (la_code, child_id, setting_id, starts_on, ends_on) values (${LA}, ${uuid(c)}, ${uuid(s)}, ${from}, ${to})`);
  }
  await q(sql`insert into finance_years (la_code, year, allocation_pence, brought_forward_pence) values (${LA}, 2025, 6000000, -500000)`);
  await q(sql`insert into finance_budget_lines (la_code, year, line, budget_pence) values (${LA}, 2025, 'maintained-special', 2500000), (${LA}, 2025, 'independent-special', 3000000)`);
}

describe('finance overview on a hand-built council', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); await handBuiltCouncil(t); });
  afterAll(async () => { await t?.drop(); });

  it('computes committed spend, variance and the DSG position exactly as worked by hand', async () => {
    const o = await financeOverview(t.db, LA, TODAY);
    const by = Object.fromEntries(o.budget.lines.map((l) => [l.line, l]));
    expect(by['maintained-special']).toMatchObject({ committedPence: 2_400_000, budgetPence: 2_500_000, variancePence: 100_000, placements: 1 });
    expect(by['independent-special']).toMatchObject({ committedPence: 3_816_000, variancePence: -816_000 });
    expect(by['mainstream-top-up']).toMatchObject({ committedPence: 60_000, placements: 1 });
    expect(o.budget.totals.committedPence).toBe(6_276_000);
    // In-year: 6,000,000 − 6,276,000 = −276,000; cumulative: −500,000 − 276,000 = −776,000.
    expect(o.budget.inYearPence).toBe(-276_000);
    expect(o.budget.cumulativePence).toBe(-776_000);
    expect(o.plansInForce).toBe(2);
    expect(o.forecast.baseline.years).toHaveLength(5);
    expect(o.yearLabel).toBe('2025-26');
  });

  it('cost per plan is committed spend over plan-years in force', async () => {
    // Plan-years: child 11 all year (1), child 12 from 1 Aug (243/365), child 13 to 30 April (30/365).
    const r = await costPerPlan(t.db, LA, 2025);
    expect(r.committedPence).toBe(6_276_000);
    expect(r.plans).toBeCloseTo(1 + 243 / 365 + 30 / 365, 10);
    expect(r.costPerPlanPence).toBe(Math.round(6_276_000 / (1 + 273 / 365)));
  });

  it('imports a ledger into actual spend; the same file again adds nothing; a changed payment is refused', async () => {
    const csv = 'date,line,amount,reference\n2025-04-30,maintained-special,200000.00,L1\n2025-05-31,maintained-special,50.00,L2\n2024-12-31,maintained-special,99.00,L0\n';
    const parsed = parseLedgerCsv(csv);
    if (!parsed.ok) throw new Error('fixture');
    const scope = { laCodes: [LA] };
    expect(await withTenant(t.db, scope, (tx) => importLedger(tx, LA, 'a.csv', parsed.rows, null))).toEqual({ imported: 3, alreadyHeld: 0, totalPence: 20_014_900, conflicts: [] });
    expect(await withTenant(t.db, scope, (tx) => importLedger(tx, LA, 'a.csv', parsed.rows, null))).toEqual({ imported: 0, alreadyHeld: 3, totalPence: 0, conflicts: [] });
    const changed = parseLedgerCsv(csv.replace('50.00', '60.00'));
    if (!changed.ok) throw new Error('fixture');
    expect((await withTenant(t.db, scope, (tx) => importLedger(tx, LA, 'b.csv', changed.rows, null))).conflicts).toEqual([{ reference: 'L2', index: 1 }]);
    const o = await financeOverview(t.db, LA, TODAY);
    // L0 is dated in 2024-25, so this year's actual is 200,000.00 + 50.00 = 20,005,000p.
    expect(o.budget.lines.find((l) => l.line === 'maintained-special')!.actualPence).toBe(20_005_000);
  });

  it('another council sees none of it', async () => {
    const o = await financeOverview(t.db, OTHER, TODAY);
    expect(o.budget.totals.committedPence).toBe(0);
    expect(o.budget.totals.actualPence).toBe(0);
    expect(o.plansInForce).toBe(0);
    const leaked = await withTenant(t.db, { laCodes: [OTHER] }, (tx) => tx.selectFrom('finance_ledger_entries').select('reference').execute());
    expect(leaked).toEqual([]);
  });
});

describe('the demonstration council', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_LA: '857', SEED_ON_START: 'true' }, PROJECT_ROOT);
    await ensureDemoArea(t.adminUrl, config, { stdin: Readable.from([]), stdout: () => {}, stderr: () => {}, cwd: PROJECT_ROOT, env: {} });
  }, 240_000);
  afterAll(async () => { await t?.drop(); });

  it('has a budget, a five-year forecast with its back-test error, three scenarios and a place gap', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const o = await financeOverview(t.db, '857', today);
    expect(o.budgetSet).toBe(true);
    expect(o.budget.totals.committedPence).toBeGreaterThan(0);
    expect(o.budget.cumulativePence).toBeLessThan(0);
    expect(o.forecast.baseline.years).toHaveLength(5);
    expect(o.forecast.backTest.mape).not.toBeNull();
    expect(o.scenarios).toHaveLength(3);
    expect(o.scenarios.every((s) => s.savingPence > 0)).toBe(true);
    expect(o.placeGap.length).toBe(20);
    expect(o.capitalProjects).toHaveLength(2);
  });
});
