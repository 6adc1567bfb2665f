import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';

export interface InsightNarrativesTable {
  la_code: string;
  id: Generated<string>;
  indicator_id: string;
  body: string;
  written_on: DateOnly;
  author_user_id: string;
  author_name: string;
  author_role: string;
  created_at: Generated<Date>;
}

export interface InsightChangesTable {
  la_code: string;
  version: Generated<number>;
}

export interface InsightSnapshotsTable {
  la_code: string;
  as_of: DateOnly;
  granularity: string;
  source_version: number;
  computed_at: Generated<Date>;
  payload: ColumnType<unknown, string, string>;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    insight_narratives: InsightNarrativesTable;
    insight_changes: InsightChangesTable;
    insight_snapshots: InsightSnapshotsTable;
  }
}
