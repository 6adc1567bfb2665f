import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';

/**
 * One case with its child, caseworker and every event, in ONE statement (events aggregated as
 * JSON): a case page or API read costs a single round trip whatever the length of the history.
 */
export function caseRecordQuery(db: Db | Tx, caseId: string) {
  return caseRecordBase(db).where('c.id', '=', caseId);
}

/**
 * The same, plus the names of the organisations and settings its events refer to (by id in the
 * event data), so the case page needs no second round trip to say who rather than a UUID.
 */
export function caseRecordWithNamesQuery(db: Db | Tx, caseId: string) {
  return caseRecordBase(db)
    .select(
      sql<Record<string, string> | null>`(select json_object_agg(n.id, n.name) from (
        with ids as (
          select distinct k.v::uuid as id from case_events e
            cross join lateral (values (e.data->>'organisationId'), (e.data->>'settingId'), (e.data->>'requestedSettingId')) as k(v)
          where e.la_code = c.la_code and e.case_id = c.id and k.v ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        )
        select o.id::text as id, o.name from organisations o join ids on ids.id = o.id where o.la_code = c.la_code
        union all
        select s.id::text, s.name from settings s join ids on ids.id = s.id where s.la_code = c.la_code
      ) n)`.as('names'),
    )
    .where('c.id', '=', caseId);
}

function caseRecordBase(db: Db | Tx) {
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
    ]);
}
