import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';
import type { PlanDocument } from '../../plans/index.ts';

type OptionalDate = ColumnType<string | null, string | null | undefined, string | null>;

/** Migration 0080: each council's review settings. */
export interface ReviewSettingsTable {
  la_code: string;
  under_five_months: Generated<number>;
  at_risk_weeks: Generated<number>;
  updated_at: Generated<Date>;
}

/** Migrations 0080–0081: a move between councils, one row in each council's tenancy. */
export interface PlanTransfersTable {
  la_code: string;
  id: string;
  direction: 'out' | 'in';
  counterpart_la_code: string;
  case_id: ColumnType<string | null, string | null | undefined, string | null>;
  case_reference: string;
  child_given_name: string;
  child_family_name: string;
  child_date_of_birth: DateOnly;
  aware_on: DateOnly;
  moved_on: DateOnly;
  notice_late: boolean;
  transferred_on: OptionalDate;
  informed_on: OptionalDate;
  created_at: Generated<Date>;
  // Migration 0081: the hand-over.
  plan_document: ColumnType<PlanDocument | null, string | null | undefined, string | null>;
  plan_issued_on: OptionalDate;
  last_review_on: OptionalDate;
  primary_need: ColumnType<string | null, string | null | undefined, string | null>;
  views: ColumnType<string | null, string | null | undefined, string | null>;
  counterpart_views: ColumnType<string | null, string | null | undefined, string | null>;
  opened_case_id: ColumnType<string | null, string | null | undefined, string | null>;
  opened_on: OptionalDate;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    review_settings: ReviewSettingsTable;
    plan_transfers: PlanTransfersTable;
  }
}
