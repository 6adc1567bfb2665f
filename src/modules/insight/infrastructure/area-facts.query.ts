import { sql } from 'kysely';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import type { Tx } from '../../../platform/db/connection.ts';
import { disputeFact, type AreaFacts, type DisputeEventFact } from '../domain/area-facts.ts';

/**
 * The council's AP placements and disputes as facts for the indicators. Runs inside the caller's
 * tenant transaction (row-level security confines it to the council). Both tables are read as a
 * read model: the modules that own them write them; insight only counts.
 */
export async function readAreaFacts(tx: Tx, laCode: string): Promise<AreaFacts> {
  const placements = await tx.selectFrom('ap_placements').select(['starts_on', 'ends_on', 'outcome']).where('la_code', '=', laCode).execute();
  const disputes = await sql<{ events: Array<[string, string, DisputeEventFact['data']]> }>`
    select json_agg(json_build_array(e.type, e.occurred_on, e.data) order by e.seq) as events
    from dispute_events e
    where e.la_code = ${laCode} and e.type in ('dispute-opened', 'mediation-held', 'appeal-registered')
    group by e.dispute_id`.execute(tx);
  return {
    apPlacements: placements.map((p) => ({ startsOn: parseLocalDate(p.starts_on), endsOn: p.ends_on ? parseLocalDate(p.ends_on) : null, outcome: p.outcome })),
    disputes: disputes.rows.map((r) => disputeFact(r.events.map(([type, occurredOn, data]) => ({ type, occurredOn, data: data ?? {} })))),
  };
}
