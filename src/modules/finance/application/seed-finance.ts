import { createDb, type Tx } from '../../../platform/db/connection.ts';
import { financialYearOf, yearPeriod } from '../domain/financial-year.ts';
import { LINES, type Line } from '../domain/money-lines.ts';
import type { ScenarioChange } from '../domain/scenarios.ts';
import '../infrastructure/finance.tables.ts';
import { overviewIn } from './finance-overview.ts';

/**
 * Illustrative tariffs: a year's cost of a place on each line, in pence, close to what English
 * councils report (independent special schools cost several times a maintained place).
 */
export const DEMO_TARIFFS: Record<Line, number> = {
  'mainstream-top-up': 700_000, 'resourced-provision': 1_600_000, 'maintained-special': 2_400_000, 'academy-special': 2_600_000,
  'independent-special': 6_200_000, 'alternative-provision': 2_000_000, 'post-16': 900_000, 'out-of-area': 3_000_000, 'personal-budgets': 0,
};

/**
 * Finance for the demonstration council: tariffs (with a 3% uplift this April), this year's
 * allocation and budget lines set so the council runs a deficit as most do, a ledger of monthly
 * payments to date, two capital projects, three scenarios and Safety Valve targets. Figures are
 * derived from the council's own seeded placements, so the pages are consistent. Runs once.
 */
export async function seedFinance(adminUrl: string, laCode: string, today: string): Promise<{ seeded: boolean }> {
  const { db } = createDb(adminUrl, { max: 1 });
  try {
    return await db.transaction().execute(async (tx) => {
      if (await tx.selectFrom('finance_years').select('year').where('la_code', '=', laCode).executeTakeFirst()) return { seeded: false };
      const year = financialYearOf(today);
      await seedTariffs(tx, laCode, year);
      const first = await overviewIn(tx, laCode, today);
      const committed = first.budget.totals.committedPence;
      // Personal budgets are about 2% of high-needs spend nationally; the other lines are budgeted
      // 4% under what is committed, the gap most councils start the year with.
      const budgets = new Map<Line, number>(first.budget.lines.map((l) => [l.line, Math.round(l.committedPence * 0.96)]));
      budgets.set('personal-budgets', Math.round(committed * 0.02));
      const allocation = Math.round(committed * 0.94);
      await tx.insertInto('finance_years').values({ la_code: laCode, year, allocation_pence: allocation, brought_forward_pence: -Math.round(allocation * 0.12), inflation_bp: 300, allocation_growth_bp: 300 }).execute();
      await tx.insertInto('finance_budget_lines').values([...budgets].map(([line, pence]) => ({ la_code: laCode, year, line, budget_pence: pence }))).execute();
      await seedLedger(tx, laCode, year, today, first.budget.lines.map((l) => ({ line: l.line, annual: l.line === 'personal-budgets' ? budgets.get(l.line)! : l.committedPence })));
      await tx.insertInto('finance_capital_projects').values([
        { la_code: laCode, name: 'Demonstration Park special school (autism)', kind: 'new-school', places: 80, age_from: 5, age_to: 16, needs: ['ASD'], opens_on: `${year + 1}-09-01` },
        { la_code: laCode, name: 'Secondary SEMH resourced provision', kind: 'unit', places: 20, age_from: 11, age_to: 16, needs: ['SEMH'], opens_on: `${year + 2}-09-01` },
      ]).execute();
      const scenarios: Array<[string, ScenarioChange]> = [
        ['Inclusion in mainstream', { kind: 'more-mainstream', childrenPerYear: 15 }],
        ['Fewer independent placements', { kind: 'fewer-independent', percent: 25 }],
        ['New special school opens', { kind: 'new-special-school', places: 80, opensOn: `${year + 1}-09-01` }],
      ];
      for (const [name, change] of scenarios) await tx.insertInto('finance_scenarios').values({ la_code: laCode, name, change: JSON.stringify(change) }).execute();
      // Safety Valve: the deficit brought forward is to be cleared over five years, in equal steps.
      const bf = -Math.round(allocation * 0.12);
      await tx.insertInto('finance_targets').values(Array.from({ length: 5 }, (_, k) => ({ la_code: laCode, programme: 'safety-valve', year: year + k, cumulative_pence: Math.round(bf * (1 - (k + 1) / 5)) }))).execute();
      return { seeded: true };
    });
  } finally {
    await db.destroy();
  }
}

async function seedTariffs(tx: Tx, laCode: string, year: number): Promise<void> {
  const rows = LINES.filter((l) => l !== 'personal-budgets').flatMap((line) => [
    { la_code: laCode, line, annual_pence: Math.round(DEMO_TARIFFS[line] / 1.03), effective_from: '2014-04-01', effective_to: yearPeriod(year - 1).to },
    { la_code: laCode, line, annual_pence: DEMO_TARIFFS[line], effective_from: yearPeriod(year).from, effective_to: null },
  ]);
  await tx.insertInto('finance_tariffs').values(rows).execute();
}

/** Monthly payments on each line for the months of the year already past, within a few % of the commitment. */
async function seedLedger(tx: Tx, laCode: string, year: number, today: string, lines: Array<{ line: Line; annual: number }>): Promise<void> {
  const months: string[] = [];
  for (let m = 0; m < 12; m += 1) {
    const y = m < 9 ? year : year + 1, mm = ((m + 3) % 12) + 1;
    const last = new Date(Date.UTC(y, mm, 0)).toISOString().slice(0, 10);
    if (last < today) months.push(last);
  }
  const entries = lines.filter((l) => l.annual > 0).flatMap((l, i) => months.map((postedOn, k) => ({
    la_code: laCode, reference: `DEMO-${year}-${l.line}-${k + 1}`, posted_on: postedOn, year, line: l.line,
    amount_pence: Math.round((l.annual / 12) * (1 + (((i * 7 + k * 3) % 9) - 3) / 100)), description: `High-needs payments, ${postedOn.slice(0, 7)}`,
  })));
  const imp = await tx.insertInto('finance_ledger_imports').values({
    la_code: laCode, file_name: 'demonstration-ledger.csv', imported_by: null, rows_imported: entries.length, total_pence: entries.reduce((a, e) => a + e.amount_pence, 0),
  }).returning('id').executeTakeFirstOrThrow();
  if (entries.length) await tx.insertInto('finance_ledger_entries').values(entries.map((e) => ({ ...e, import_id: imp.id }))).execute();
}
