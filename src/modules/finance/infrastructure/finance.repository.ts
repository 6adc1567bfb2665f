import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { Tariff } from '../domain/committed-spend.ts';
import type { LedgerRow } from '../domain/ledger-csv.ts';
import { isLine, type Line } from '../domain/money-lines.ts';
import type { Scenario, ScenarioChange, Target } from '../domain/scenarios.ts';
import { financialYearOf } from '../domain/financial-year.ts';
import './finance.tables.ts';

/** Queries of the finance module's own tables. Every query runs inside the caller's tenant scope. */
export interface FinanceYear { year: number; allocationPence: number; broughtForwardPence: number; inflationBp: number; allocationGrowthBp: number; version: number }

export async function loadYear(tx: Tx, laCode: string, year: number): Promise<FinanceYear | undefined> {
  const r = await tx.selectFrom('finance_years').selectAll().where('la_code', '=', laCode).where('year', '=', year).executeTakeFirst();
  return r && { year: r.year, allocationPence: r.allocation_pence, broughtForwardPence: r.brought_forward_pence, inflationBp: r.inflation_bp, allocationGrowthBp: r.allocation_growth_bp, version: r.version };
}

export async function loadBudgetLines(tx: Tx, laCode: string, year: number): Promise<Map<Line, number>> {
  const rows = await tx.selectFrom('finance_budget_lines').select(['line', 'budget_pence']).where('la_code', '=', laCode).where('year', '=', year).execute();
  return new Map(rows.filter((r) => isLine(r.line)).map((r) => [r.line as Line, r.budget_pence]));
}

export async function loadTariffs(tx: Tx, laCode: string): Promise<Tariff[]> {
  const rows = await tx.selectFrom('finance_tariffs').selectAll().where('la_code', '=', laCode).orderBy('line').orderBy('effective_from').execute();
  return rows.filter((r) => isLine(r.line)).map((r) => ({ line: r.line as Line, annualPence: r.annual_pence, effectiveFrom: r.effective_from, effectiveTo: r.effective_to }));
}

export async function loadActual(tx: Tx, laCode: string, year: number): Promise<Map<Line, number>> {
  const rows = await tx.selectFrom('finance_ledger_entries').select(['line', sql<string>`sum(amount_pence)`.as('total')])
    .where('la_code', '=', laCode).where('year', '=', year).groupBy('line').execute();
  return new Map(rows.filter((r) => isLine(r.line)).map((r) => [r.line as Line, Number(r.total)]));
}

export async function ledgerImports(tx: Tx, laCode: string): Promise<Array<{ fileName: string; importedAt: Date; rows: number; alreadyHeld: number; totalPence: number }>> {
  const rows = await tx.selectFrom('finance_ledger_imports').selectAll().where('la_code', '=', laCode).orderBy('imported_at', 'desc').limit(10).execute();
  return rows.map((r) => ({ fileName: r.file_name, importedAt: r.imported_at, rows: r.rows_imported, alreadyHeld: r.rows_already_held, totalPence: r.total_pence }));
}

export type SaveBudget = { allocationPence: number; broughtForwardPence: number; inflationBp: number; allocationGrowthBp: number; lines: ReadonlyMap<Line, number> };

/**
 * Saves a year's allocation, assumptions and lines if nobody has changed them since `expectedVersion`
 * (0 when the year is new). Returns the new version, or 'stale' when someone else saved first.
 */
export async function saveBudget(tx: Tx, laCode: string, year: number, expectedVersion: number, b: SaveBudget): Promise<number | 'stale'> {
  const values = { allocation_pence: b.allocationPence, brought_forward_pence: b.broughtForwardPence, inflation_bp: b.inflationBp, allocation_growth_bp: b.allocationGrowthBp };
  let version: number | undefined;
  if (expectedVersion === 0) {
    const r = await tx.insertInto('finance_years').values({ la_code: laCode, year, ...values }).onConflict((oc) => oc.doNothing()).returning('version').executeTakeFirst();
    version = r?.version;
  } else {
    const r = await tx.updateTable('finance_years').set({ ...values, version: sql`version + 1` })
      .where('la_code', '=', laCode).where('year', '=', year).where('version', '=', expectedVersion).returning('version').executeTakeFirst();
    version = r?.version;
  }
  if (version === undefined) return 'stale';
  await tx.deleteFrom('finance_budget_lines').where('la_code', '=', laCode).where('year', '=', year).execute();
  const lines = [...b.lines].map(([line, pence]) => ({ la_code: laCode, year, line, budget_pence: pence }));
  if (lines.length) await tx.insertInto('finance_budget_lines').values(lines).execute();
  return version;
}

export interface LedgerImportResult { imported: number; alreadyHeld: number; totalPence: number; conflicts: Array<{ reference: string; index: number }> }

/**
 * Adds a parsed ledger. A reference already held with the same date, line and amount is skipped
 * (re-importing a file is harmless); one held with different values is a conflict, and then
 * nothing is written: the caller reports the lines and the file is refused whole.
 */
export async function importLedger(tx: Tx, laCode: string, fileName: string, rows: readonly LedgerRow[], userId: string | null): Promise<LedgerImportResult> {
  const held = new Map<string, { posted_on: string; line: string; amount_pence: number }>();
  const refs = rows.map((r) => r.reference);
  for (let i = 0; i < refs.length; i += 1000) {
    const found = await tx.selectFrom('finance_ledger_entries').select(['reference', 'posted_on', 'line', 'amount_pence']).where('la_code', '=', laCode).where('reference', 'in', refs.slice(i, i + 1000)).execute();
    for (const f of found) held.set(f.reference, f);
  }
  const conflicts: LedgerImportResult['conflicts'] = [];
  const fresh: LedgerRow[] = [];
  rows.forEach((r, index) => {
    const h = held.get(r.reference);
    if (!h) fresh.push(r);
    else if (h.posted_on !== r.postedOn || h.line !== r.line || h.amount_pence !== r.amountPence) conflicts.push({ reference: r.reference, index });
  });
  if (conflicts.length) return { imported: 0, alreadyHeld: 0, totalPence: 0, conflicts };
  const totalPence = fresh.reduce((a, r) => a + r.amountPence, 0);
  const imp = await tx.insertInto('finance_ledger_imports').values({
    la_code: laCode, file_name: fileName.slice(0, 200), imported_by: userId, rows_imported: fresh.length, rows_already_held: rows.length - fresh.length, total_pence: totalPence,
  }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < fresh.length; i += 1000) {
    await tx.insertInto('finance_ledger_entries').values(fresh.slice(i, i + 1000).map((r) => ({
      la_code: laCode, reference: r.reference, import_id: imp.id, posted_on: r.postedOn, year: financialYearOf(r.postedOn), line: r.line, amount_pence: r.amountPence, description: r.description,
    }))).execute();
  }
  return { imported: fresh.length, alreadyHeld: rows.length - fresh.length, totalPence, conflicts: [] };
}

export interface CapitalProject { id: string; name: string; kind: string; places: number; ageFrom: number; ageTo: number; needs: string[]; opensOn: string }

export async function loadCapitalProjects(tx: Tx, laCode: string): Promise<CapitalProject[]> {
  const rows = await tx.selectFrom('finance_capital_projects').selectAll().where('la_code', '=', laCode).orderBy('opens_on').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, places: r.places, ageFrom: r.age_from, ageTo: r.age_to, needs: r.needs, opensOn: r.opens_on }));
}

export async function addCapitalProject(tx: Tx, laCode: string, p: Omit<CapitalProject, 'id'>): Promise<string> {
  const r = await tx.insertInto('finance_capital_projects').values({ la_code: laCode, name: p.name, kind: p.kind, places: p.places, age_from: p.ageFrom, age_to: p.ageTo, needs: p.needs, opens_on: p.opensOn }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function loadScenarios(tx: Tx, laCode: string): Promise<Scenario[]> {
  const rows = await tx.selectFrom('finance_scenarios').select(['id', 'name', 'change']).where('la_code', '=', laCode).orderBy('created_at').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, change: r.change as ScenarioChange }));
}

export async function addScenario(tx: Tx, laCode: string, name: string, change: ScenarioChange): Promise<string> {
  const r = await tx.insertInto('finance_scenarios').values({ la_code: laCode, name, change: JSON.stringify(change) }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteScenario(tx: Tx, laCode: string, id: string): Promise<boolean> {
  const r = await tx.deleteFrom('finance_scenarios').where('la_code', '=', laCode).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function loadTargets(tx: Tx, laCode: string): Promise<Target[]> {
  const rows = await tx.selectFrom('finance_targets').selectAll().where('la_code', '=', laCode).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, cumulativePence: r.cumulative_pence, programme: r.programme === 'dbv' ? 'dbv' : 'safety-valve' }));
}

/**
 * A new tariff for a line from a date. The tariff in force before that date now ends the day
 * before; if a later change is already recorded, the new one ends the day before it. The same
 * line and date again replaces the amount.
 */
export async function setTariff(tx: Tx, laCode: string, line: Line, annualPence: number, from: string): Promise<void> {
  const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const later = await tx.selectFrom('finance_tariffs').select('effective_from').where('la_code', '=', laCode).where('line', '=', line)
    .where('effective_from', '>', from).orderBy('effective_from').executeTakeFirst();
  const to = later ? dayBefore(later.effective_from) : null;
  await tx.updateTable('finance_tariffs').set({ effective_to: dayBefore(from) }).where('la_code', '=', laCode).where('line', '=', line)
    .where('effective_from', '<', from).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', from)])).execute();
  await tx.insertInto('finance_tariffs').values({ la_code: laCode, line, annual_pence: annualPence, effective_from: from, effective_to: to })
    .onConflict((oc) => oc.columns(['la_code', 'line', 'effective_from']).doUpdateSet({ annual_pence: annualPence })).execute();
}
