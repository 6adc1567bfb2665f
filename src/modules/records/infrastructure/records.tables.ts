import type { ColumnType, Generated } from 'kysely';

export interface RetentionRulesTable {
  la_code: string;
  record_type: string;
  years_after_birth: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: Generated<number>;
}

export interface LegalHoldsTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  reason: string;
  placed_by: string | null;
  placed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  lifted_by: string | null;
  lifted_at: Date | null;
  lift_reason: string | null;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    retention_rules: RetentionRulesTable;
    legal_holds: LegalHoldsTable;
  }
}
