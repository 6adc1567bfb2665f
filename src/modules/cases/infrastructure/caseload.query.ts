import { sql, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import { CASE_STAGES, type CaseStage } from '../domain/case-stage.ts';
import './cases.tables.ts';

export type CaseloadScope = 'mine' | 'team' | 'council';
export type CaseloadSort = 'due' | 'reference' | 'stage';
/** The state of a case's next deadline, as caseloads filter it; 'none' when nothing is running. */
export type NextDeadlineState = 'on-track' | 'due-soon' | 'overdue' | 'exception' | 'none';
export const NEXT_DEADLINE_STATES: readonly NextDeadlineState[] = ['overdue', 'due-soon', 'on-track', 'exception', 'none'];
/** The stages where the council still has statutory work to do: the default view. */
export const IN_PROGRESS: readonly CaseStage[] = ['awaiting-decision', 'assessing', 'draft'];

export interface CaseloadQuery {
  scope: CaseloadScope;
  userId: string;
  team: string | null;
  laCodes: readonly string[];
  stages: readonly CaseStage[];
  states: readonly NextDeadlineState[];
  sort: CaseloadSort;
  page: number;
  pageSize: number;
  /** 'YYYY-MM-DD' */
  today: string;
  dueSoonDays: number;
}

export interface CaseloadRow {
  id: string;
  reference: string;
  childName: string;
  caseworker: string | null;
  stage: CaseStage;
  nextTitle: string | null;
  nextDue: string | null;
  state: NextDeadlineState;
}

/** The state expression, mirroring deadlineStatus for a deadline not yet met. */
function stateExpr(today: string, soonDays: number) {
  return sql<NextDeadlineState>`case
    when d.next_due is null then 'none'
    when d.next_exception then 'exception'
    when d.next_due < ${today}::date then 'overdue'
    when d.next_due <= ${today}::date + ${soonDays}::int then 'due-soon'
    else 'on-track' end`;
}

const stageOrder = sql<number>`array_position(${sql.val([...CASE_STAGES])}::text[], d.stage)`;

/**
 * One page of a caseload, sorted and filtered in SQL on the case_deadlines projection, so the cost
 * is one indexed query whatever the size of the council.
 */
export async function caseloadPage(tx: Tx | Db, q: CaseloadQuery): Promise<{ rows: CaseloadRow[]; total: number }> {
  const state = stateExpr(q.today, q.dueSoonDays);
  let base = tx
    .selectFrom('cases as c')
    .innerJoin('case_deadlines as d', (j) => j.onRef('d.la_code', '=', 'c.la_code').onRef('d.case_id', '=', 'c.id'))
    .where('c.la_code', 'in', q.laCodes);
  if (q.scope === 'mine' || (q.scope === 'team' && !q.team)) base = base.where('c.caseworker_user_id', '=', q.userId);
  else if (q.scope === 'team') base = base.where('c.team', '=', q.team);
  if (q.stages.length > 0) base = base.where('d.stage', 'in', q.stages);
  if (q.states.length > 0) base = base.where(sql<SqlBool>`${state} in (${sql.join([...q.states])})`);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let query = base
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .leftJoin('users as u', 'u.id', 'c.caseworker_user_id')
    .select(['c.id', 'c.reference', 'ch.given_name', 'ch.family_name', 'u.display_name', 'd.stage', 'd.next_title', 'd.next_due', state.as('state')]);
  if (q.sort === 'reference') query = query.orderBy('c.reference');
  else if (q.sort === 'stage') query = query.orderBy(stageOrder).orderBy(sql`d.next_due asc nulls last`).orderBy('c.reference');
  else query = query.orderBy(sql`d.next_due asc nulls last`).orderBy('c.reference');
  const rows = await query.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      childName: `${r.given_name} ${r.family_name}`,
      caseworker: r.display_name,
      stage: r.stage as CaseStage,
      nextTitle: r.next_title,
      nextDue: r.next_due,
      state: r.state,
    })),
  };
}
