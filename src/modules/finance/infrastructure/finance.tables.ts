import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';

/** Kysely types of the finance module's tables (migration 0100). bigint pence arrive as numbers (connection.ts). */
type Pence = ColumnType<number, number, number>;

export interface FinanceYearsTable {
  la_code: string; year: number; allocation_pence: Pence; brought_forward_pence: ColumnType<number, number | undefined, number>;
  inflation_bp: Generated<number>; allocation_growth_bp: Generated<number>; version: Generated<number>;
}
export interface FinanceBudgetLinesTable { la_code: string; year: number; line: string; budget_pence: Pence }
export interface FinanceTariffsTable { la_code: string; line: string; annual_pence: Pence; effective_from: DateOnly; effective_to: DateOnly | null }
export interface FinanceLedgerImportsTable {
  la_code: string; id: Generated<string>; file_name: string; imported_at: Generated<Date>; imported_by: string | null;
  rows_imported: number; rows_already_held: Generated<number>; total_pence: Pence;
}
export interface FinanceLedgerEntriesTable {
  la_code: string; reference: string; import_id: string; posted_on: DateOnly; year: number; line: string; amount_pence: Pence; description: Generated<string>;
}
export interface FinanceCapitalProjectsTable {
  la_code: string; id: Generated<string>; name: string; kind: string; places: number; age_from: number; age_to: number;
  needs: ColumnType<string[], string[] | undefined, string[]>; opens_on: DateOnly;
}
export interface FinanceScenariosTable { la_code: string; id: Generated<string>; name: string; change: ColumnType<unknown, string, string>; created_at: Generated<Date> }
export interface FinanceTargetsTable { la_code: string; programme: string; year: number; cumulative_pence: Pence }

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    finance_years: FinanceYearsTable;
    finance_budget_lines: FinanceBudgetLinesTable;
    finance_tariffs: FinanceTariffsTable;
    finance_ledger_imports: FinanceLedgerImportsTable;
    finance_ledger_entries: FinanceLedgerEntriesTable;
    finance_capital_projects: FinanceCapitalProjectsTable;
    finance_scenarios: FinanceScenariosTable;
    finance_targets: FinanceTargetsTable;
  }
}
