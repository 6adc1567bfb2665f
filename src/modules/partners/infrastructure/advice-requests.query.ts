import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { isCaseEventType, type CaseEvent } from '../../cases/index.ts';

export interface AskedCase {
  laCode: string;
  caseId: string;
  reference: string;
  version: number;
  caseworkerUserId: string | null;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string };
  events: CaseEvent[];
}

/**
 * The cases on which any of these organisations was asked for advice, with all their events (the
 * tray derives due dates and answers from them). Row-level security limits it to the caller's
 * councils; the organisation filter limits it to what was asked of them.
 */
export async function casesAskingOrganisations(tx: Tx, organisationIds: readonly string[], onlyCaseId?: string): Promise<AskedCase[]> {
  if (organisationIds.length === 0) return [];
  let asked = tx
    .selectFrom('case_events as e')
    .select(['e.la_code', 'e.case_id'])
    .distinct()
    .where('e.type', '=', 'advice-requested')
    .where(sql<boolean>`e.data->>'organisationId' = any(${sql.val([...organisationIds])}::text[])`);
  if (onlyCaseId) asked = asked.where('e.case_id', '=', onlyCaseId);
  const keys = await asked.execute();
  if (keys.length === 0) return [];
  const caseIds = keys.map((k) => k.case_id);
  const cases = await tx
    .selectFrom('cases as c')
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .select(['c.la_code', 'c.id', 'c.reference', 'c.version', 'c.caseworker_user_id', 'ch.id as child_id', 'ch.given_name', 'ch.family_name', 'ch.date_of_birth'])
    .where('c.id', 'in', caseIds)
    .execute();
  const events = await tx
    .selectFrom('case_events')
    .select(['la_code', 'case_id', 'seq', 'type', 'occurred_on', 'data', 'actor_user_id'])
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    if (!isCaseEventType(e.type)) continue;
    const key = `${e.la_code}/${e.case_id}`;
    const list = byCase.get(key) ?? [];
    list.push({ seq: e.seq, type: e.type, occurredOn: e.occurred_on, data: e.data as CaseEvent['data'], actorUserId: e.actor_user_id });
    byCase.set(key, list);
  }
  return cases.map((c) => ({
    laCode: c.la_code,
    caseId: c.id,
    reference: c.reference,
    version: c.version,
    caseworkerUserId: c.caseworker_user_id,
    child: { id: c.child_id, givenName: c.given_name, familyName: c.family_name, dateOfBirth: c.date_of_birth },
    events: byCase.get(`${c.la_code}/${c.id}`) ?? [],
  }));
}
