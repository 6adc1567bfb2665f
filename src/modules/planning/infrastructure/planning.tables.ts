import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';

/** Kysely types of migration 0125: the partnership's priorities, actions and self-evaluation, and their history. */
interface Attributed {
  version: Generated<number>;
  written_on: DateOnly;
  author_user_id: string | null;
  author_name: string;
  author_role: string;
  updated_at: Generated<Date>;
}

export interface PlanningPrioritiesTable extends Attributed {
  la_code: string;
  id: Generated<string>;
  position: number;
  title: string;
  description: string;
}

export interface PlanningActionsTable extends Attributed {
  la_code: string;
  id: Generated<string>;
  priority_id: string;
  description: string;
  lead: string;
  due_on: DateOnly;
  status: string;
}

export interface PlanningSelfEvaluationTable extends Attributed {
  la_code: string;
  section_id: string;
  body: string;
}

export interface PlanningRevisionsTable {
  la_code: string;
  id: Generated<string>;
  record_kind: 'priority' | 'action' | 'self-evaluation';
  record_id: string;
  version: number;
  content: ColumnType<unknown, string, never>;
  written_on: DateOnly;
  author_user_id: string | null;
  author_name: string;
  author_role: string;
  created_at: Generated<Date>;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    planning_priorities: PlanningPrioritiesTable;
    planning_actions: PlanningActionsTable;
    planning_self_evaluation: PlanningSelfEvaluationTable;
    planning_revisions: PlanningRevisionsTable;
  }
}
