import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import './insight.tables.ts';

export interface Narrative {
  indicatorId: string;
  body: string;
  writtenOn: string;
  authorName: string;
  authorRole: string;
}

/** The latest narrative for each indicator of the council. */
export async function latestNarratives(tx: Tx | Db, laCode: string): Promise<Map<string, Narrative>> {
  // A loose index scan on insight_narratives_latest: hop from one indicator to the next, then take
  // each one's newest row. Cost grows with the number of indicators, not with how many narratives
  // a council has ever written (a DISTINCT ON read them all).
  const { rows } = await sql<{ indicator_id: string; body: string; written_on: string; author_name: string; author_role: string }>`
    with recursive ids as (
      (select indicator_id from insight_narratives where la_code = ${laCode} order by indicator_id limit 1)
      union all
      select (select n.indicator_id from insight_narratives n where n.la_code = ${laCode} and n.indicator_id > ids.indicator_id order by n.indicator_id limit 1)
      from ids where ids.indicator_id is not null
    )
    select latest.indicator_id, latest.body, latest.written_on, latest.author_name, latest.author_role
    from ids cross join lateral (
      select n.indicator_id, n.body, n.written_on::text as written_on, n.author_name, n.author_role from insight_narratives n
      where n.la_code = ${laCode} and n.indicator_id = ids.indicator_id order by n.created_at desc limit 1
    ) latest
    order by latest.indicator_id`.execute(tx);
  return new Map(rows.map((r) => [r.indicator_id, { indicatorId: r.indicator_id, body: r.body, writtenOn: r.written_on, authorName: r.author_name, authorRole: r.author_role }]));
}

export async function addNarrative(
  tx: Tx,
  n: { laCode: string; indicatorId: string; body: string; writtenOn: string; authorUserId: string; authorName: string; authorRole: string },
): Promise<string> {
  const row = await tx
    .insertInto('insight_narratives')
    .values({ la_code: n.laCode, indicator_id: n.indicatorId, body: n.body, written_on: n.writtenOn, author_user_id: n.authorUserId, author_name: n.authorName, author_role: n.authorRole })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
