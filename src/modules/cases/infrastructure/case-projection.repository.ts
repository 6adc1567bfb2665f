import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import type { CaseEvent } from '../domain/case-events.ts';
import { caseFacts } from '../domain/case-facts.ts';
import { caseCalendar } from './clock-calendar.ts';
import { toCaseEvents } from './case-event-row.ts';
import './cases.tables.ts';

// Nothing stored depends on today: the next deadline's date and exception flag are the same
// whatever day it is; on track / due soon / overdue are worked out when the row is read.
const ANY_DAY = localDate(2020, 1, 1);

function projectionRow(laCode: string, caseId: string, version: number, events: readonly CaseEvent[]) {
  const f = caseFacts(events, { today: ANY_DAY, calendar: caseCalendar(), familyClocks: false });
  return {
    la_code: laCode,
    case_id: caseId,
    projected_version: version,
    stage: f.stage,
    next_rule_id: f.next?.ruleId ?? null,
    next_title: f.next?.title ?? null,
    next_due: f.next?.dueIso ?? null,
    next_exception: f.next?.exception !== undefined,
    requested_on: f.requestedOn ?? null,
    decided_on: f.decidedOn ?? null,
    decision: f.decision ?? null,
    final_issued_on: f.finalIssuedOn ?? null,
    final_exception: f.finalException,
  };
}

type ProjectionRow = ReturnType<typeof projectionRow>;

async function upsert(tx: Tx, rows: ProjectionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const excluded = (c: keyof ProjectionRow) => sql.ref(`excluded.${c}`);
  await tx
    .insertInto('case_deadlines')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['la_code', 'case_id']).doUpdateSet({
        projected_version: excluded('projected_version'),
        stage: excluded('stage'),
        next_rule_id: excluded('next_rule_id'),
        next_title: excluded('next_title'),
        next_due: excluded('next_due'),
        next_exception: excluded('next_exception'),
        requested_on: excluded('requested_on'),
        decided_on: excluded('decided_on'),
        decision: excluded('decision'),
        final_issued_on: excluded('final_issued_on'),
        final_exception: excluded('final_exception'),
      } as never),
    )
    .execute();
}

/** Rewrites one case's projection row from its events. */
export async function writeCaseProjection(tx: Tx, laCode: string, caseId: string, version: number, events: readonly CaseEvent[]): Promise<void> {
  await upsert(tx, [projectionRow(laCode, caseId, version, events)]);
}

/**
 * Cases whose projection is missing or behind (up to `batch`). A caseload needs only its own rows
 * fresh: `only` narrows it, so a coordinator's first visit after a bulk load rebuilds their 40
 * cases, not the council's thousands. Read-only: pages ask this first on a plain read connection
 * and open a transaction to rebuild only when something is stale (almost never).
 */
export async function staleProjections(
  q: Tx | Db,
  laCodes: readonly string[],
  only: { caseworkerUserId?: string; team?: string } = {},
  batch = 2000,
): Promise<Array<{ la_code: string; id: string; version: number }>> {
  // "No projection at this version" as NOT EXISTS: one primary-key probe per case, where the outer
  // join form let the planner scan the council's projections once per case.
  return q
    .selectFrom('cases as c')
    .select(['c.la_code', 'c.id', 'c.version'])
    .where('c.la_code', 'in', laCodes)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_deadlines as d').select('d.case_id').whereRef('d.la_code', '=', 'c.la_code').whereRef('d.case_id', '=', 'c.id').whereRef('d.projected_version', '=', 'c.version'))),
    )
    .$if(only.caseworkerUserId !== undefined, (qb) => qb.where('c.caseworker_user_id', '=', only.caseworkerUserId!))
    .$if(only.team !== undefined, (qb) => qb.where('c.team', '=', only.team!))
    .limit(batch)
    .execute();
}

/**
 * Brings the projection up to date for every case it is missing or behind on (seeded or imported
 * cases whose events were written in bulk, or rows from before a change to the derivation). Runs
 * inside the caller's tenant transaction, so it only touches councils the caller can see; `only`
 * narrows it to one caseworker's or team's cases.
 * Returns how many cases were rebuilt.
 */
export async function refreshStaleProjections(
  tx: Tx,
  laCodes: readonly string[],
  only: { caseworkerUserId?: string; team?: string } = {},
  batch = 2000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const stale = await staleProjections(tx, laCodes, only, batch);
    if (stale.length === 0) return total;
    const events = await tx
      .selectFrom('case_events')
      .select(['la_code', 'case_id', 'seq', 'type', 'occurred_on', 'data', 'actor_user_id'])
      .where('la_code', 'in', [...new Set(stale.map((s) => s.la_code))])
      .where(sql<boolean>`case_id = any(${sql.val(stale.map((s) => s.id))}::uuid[])`)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    const byCase = new Map<string, typeof events>();
    for (const e of events) {
      const list = byCase.get(e.case_id) ?? [];
      list.push(e);
      byCase.set(e.case_id, list);
    }
    await upsert(tx, stale.map((s) => projectionRow(s.la_code, s.id, s.version, toCaseEvents(byCase.get(s.id) ?? []))));
    total += stale.length;
  }
}
