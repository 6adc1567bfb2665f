import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';
import type { PlanDocument } from '../domain/plan-document.ts';

/** Kysely types of the plans module's tables (migration 0030-plans.sql). */
export interface PlansTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  child_id: string;
  created_at: Generated<Date>;
}

export interface PlanVersionsTable {
  la_code: string;
  plan_id: string;
  version: number;
  status: 'draft' | 'final';
  // Written as JSON text: pg would otherwise send a JS array as a Postgres array literal.
  document: ColumnType<PlanDocument, string, string>;
  issued_on: DateOnly | null;
  issued_by: string | null;
  created_at: Generated<Date>;
  lock_version: Generated<number>;
}

export interface PlanCommentsTable {
  la_code: string;
  id: Generated<string>;
  plan_id: string;
  version: number;
  section_key: string;
  parent_id: string | null;
  author_user_id: string | null;
  author_role: string;
  body: string;
  created_at: Generated<Date>;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    plans: PlansTable;
    plan_versions: PlanVersionsTable;
    plan_comments: PlanCommentsTable;
  }
}
