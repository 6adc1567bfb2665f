import type { DateOnly } from '../../../platform/db/database-types.ts';

/** The case deadline projection (migration 0014): derived, rebuildable, never the record. */
export interface CaseDeadlinesTable {
  la_code: string;
  case_id: string;
  projected_version: number;
  stage: string;
  next_rule_id: string | null;
  next_title: string | null;
  next_due: DateOnly | null;
  next_exception: boolean;
  requested_on: DateOnly | null;
  decided_on: DateOnly | null;
  decision: string | null;
  final_issued_on: DateOnly | null;
  final_exception: boolean;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    case_deadlines: CaseDeadlinesTable;
  }
}
