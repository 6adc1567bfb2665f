import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import { caseFacts, type CaseFacts, type FactEvent } from '../domain/case-facts.ts';
import './insight.tables.ts';

/** The event types the indicator definitions read; others are left in the database. */
const FACT_EVENT_TYPES = [
  'request-received', 'decision-to-assess', 'exception-recorded', 'final-plan-issued', 'annual-review-held', 'advice-requested', 'advice-received',
  'decision-not-to-issue', 'amended-plan-issued', 'review-decision', 'plan-ceased', 'plan-transferred-out', 'phase-transfer-named',
];

type CompactEvent = [string, string, string | null, string | null, string | null, string | null, string | null, string | null];

/**
 * Every case of the council with its relevant events in order, compacted to the payload fields the
 * definitions use (one row per case keeps the transfer small). Runs inside the caller's tenant
 * transaction: row-level security confines it to the council.
 */
export async function readCaseFacts(tx: Tx, laCode: string): Promise<CaseFacts[]> {
  const settings = await tx.selectFrom('settings').select(['id', 'kind', 'phase']).where('la_code', '=', laCode).execute();
  const kinds = new Map(settings.map((s) => [s.id, { kind: s.kind, phase: s.phase }]));
  const rows = await sql<{ case_id: string; child_id: string; date_of_birth: string; events: CompactEvent[] }>`
    select c.id as case_id, c.child_id, ch.date_of_birth,
      json_agg(json_build_array(e.type, e.occurred_on, e.data->>'decision', e.data->>'primaryNeed', e.data->>'settingId', e.data->>'adviceId', e.data->>'receivedOn', e.data->>'transferYear') order by e.seq) as events
    from cases c
    join children ch on ch.la_code = c.la_code and ch.id = c.child_id
    join case_events e on e.la_code = c.la_code and e.case_id = c.id
    where c.la_code = ${laCode} and e.type = any(${FACT_EVENT_TYPES})
    group by c.id, c.child_id, ch.date_of_birth`.execute(tx);
  return rows.rows.map((r) =>
    caseFacts(
      { caseId: r.case_id, childId: r.child_id, dateOfBirth: r.date_of_birth },
      r.events.map(([type, occurredOn, decision, primaryNeed, settingId, adviceId, receivedOn, transferYear]): FactEvent => ({
        type,
        occurredOn,
        data: {
          ...(decision ? { decision } : {}), ...(primaryNeed ? { primaryNeed } : {}), ...(settingId ? { settingId } : {}),
          ...(adviceId ? { adviceId } : {}), ...(receivedOn ? { receivedOn } : {}), ...(transferYear ? { transferYear } : {}),
        },
      })),
      kinds,
    ),
  );
}

/** The council's change counter (0 before anything was recorded). Read before the facts. */
export async function sourceVersion(tx: Tx | Db, laCode: string): Promise<number> {
  const row = await tx.selectFrom('insight_changes').select('version').where('la_code', '=', laCode).executeTakeFirst();
  return row ? Number(row.version) : 0;
}
