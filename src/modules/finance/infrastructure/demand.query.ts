import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';

/**
 * The council's plan history for the demand model, from the case events: each case's plan spell
 * (first final plan issued → ceased or transferred out), its primary need, and every request's date.
 * Aggregates only leave this module; no child is named.
 */
export interface SpellRow { childId: string; dateOfBirth: string; startsOn: string; endsOn: string | null; need: string | null }

export async function planSpells(tx: Tx, laCode: string): Promise<SpellRow[]> {
  const r = await sql<{ child_id: string; date_of_birth: string; starts_on: string; ends_on: string | null; need: string | null }>`
    select c.child_id, ch.date_of_birth::text as date_of_birth,
      min(e.occurred_on) filter (where e.type = 'final-plan-issued')::text as starts_on,
      min(e.occurred_on) filter (where e.type in ('plan-ceased', 'plan-transferred-out'))::text as ends_on,
      (array_agg(e.data->>'primaryNeed' order by e.occurred_on desc, e.seq desc) filter (where e.type = 'final-plan-issued'))[1] as need
    from cases c
    join children ch on ch.la_code = c.la_code and ch.id = c.child_id
    join case_events e on e.la_code = c.la_code and e.case_id = c.id
    where c.la_code = ${laCode}
    group by c.la_code, c.id, c.child_id, ch.date_of_birth
    having min(e.occurred_on) filter (where e.type = 'final-plan-issued') is not null`.execute(tx);
  return r.rows.map((x) => ({ childId: x.child_id, dateOfBirth: x.date_of_birth, startsOn: x.starts_on, endsOn: x.ends_on, need: x.need }));
}

export async function requestDates(tx: Tx, laCode: string): Promise<string[]> {
  const r = await sql<{ d: string }>`select e.occurred_on::text as d from case_events e where e.la_code = ${laCode} and e.type = 'request-received'`.execute(tx);
  return r.rows.map((x) => x.d);
}
