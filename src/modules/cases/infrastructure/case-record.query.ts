import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';

/**
 * One case with its child, caseworker and every event, in ONE statement (events aggregated as
 * JSON): a case page or API read costs a single round trip whatever the length of the history.
 */
export function caseRecordQuery(db: Db | Tx, caseId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .leftJoin('users as u', 'u.id', 'c.caseworker_user_id')
    .select([
      'c.la_code',
      'c.id',
      'c.reference',
      'c.kind',
      'c.opened_on',
      'c.version',
      'c.team',
      'u.id as caseworker_id',
      'u.display_name as caseworker_name',
      'ch.id as child_id',
      'ch.given_name',
      'ch.family_name',
      'ch.date_of_birth',
      'ch.upn',
      'ch.postcode',
      sql<
        Array<{ seq: number; type: string; occurredOn: string; recordedAt: string; actorName: string | null; data: Record<string, unknown> }>
      >`coalesce((select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'occurredOn', e.occurred_on, 'recordedAt', e.recorded_at,
          'actorName', eu.display_name, 'data', e.data) order by e.seq)
        from case_events e left join users eu on eu.id = e.actor_user_id
        where e.la_code = c.la_code and e.case_id = c.id), '[]'::json)`.as('events'),
    ])
    .where('c.id', '=', caseId);
}
