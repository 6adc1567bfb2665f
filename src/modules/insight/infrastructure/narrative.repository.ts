import type { Tx } from '../../../platform/db/connection.ts';
import './insight.tables.ts';

export interface Narrative {
  indicatorId: string;
  body: string;
  writtenOn: string;
  authorName: string;
  authorRole: string;
}

/** The latest narrative for each indicator of the council. */
export async function latestNarratives(tx: Tx, laCode: string): Promise<Map<string, Narrative>> {
  const rows = await tx
    .selectFrom('insight_narratives')
    .select(['indicator_id', 'body', 'written_on', 'author_name', 'author_role'])
    .distinctOn('indicator_id')
    .where('la_code', '=', laCode)
    .orderBy('indicator_id')
    .orderBy('created_at', 'desc')
    .execute();
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
