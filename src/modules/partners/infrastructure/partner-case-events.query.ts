import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { isCaseEventType, type CaseEvent } from '../../cases/index.ts';

export interface PartnerCase {
  laCode: string;
  caseId: string;
  reference: string;
  child: { id: string; givenName: string; familyName: string };
  events: CaseEvent[];
}

/**
 * Every case in the council on which a partner was asked for advice or consulted, with all its
 * events (due dates and answers are derived from them, as the caseworker sees them). With
 * organisationIds, only cases asking those partners.
 */
export async function partnerCases(tx: Tx, laCode: string, organisationIds?: readonly string[]): Promise<PartnerCase[]> {
  let asked = tx
    .selectFrom('case_events as e')
    .select('e.case_id')
    .distinct()
    .where('e.la_code', '=', laCode)
    .where('e.type', 'in', ['advice-requested', 'setting-consulted'])
    .where(sql<boolean>`e.data ? 'organisationId'`);
  if (organisationIds) {
    if (organisationIds.length === 0) return [];
    asked = asked.where(sql<boolean>`e.data->>'organisationId' = any(${sql.val([...organisationIds])}::text[])`);
  }
  const caseIds = (await asked.execute()).map((r) => r.case_id);
  if (caseIds.length === 0) return [];
  const cases = await tx
    .selectFrom('cases as c')
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .select(['c.la_code', 'c.id', 'c.reference', 'ch.id as child_id', 'ch.given_name', 'ch.family_name'])
    .where('c.la_code', '=', laCode)
    .where('c.id', 'in', caseIds)
    .execute();
  const events = await tx
    .selectFrom('case_events')
    .select(['case_id', 'seq', 'type', 'occurred_on', 'data', 'actor_user_id'])
    .where('la_code', '=', laCode)
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    if (!isCaseEventType(e.type)) continue;
    const list = byCase.get(e.case_id) ?? [];
    list.push({ seq: e.seq, type: e.type, occurredOn: e.occurred_on, data: e.data as CaseEvent['data'], actorUserId: e.actor_user_id });
    byCase.set(e.case_id, list);
  }
  return cases.map((c) => ({
    laCode: c.la_code, caseId: c.id, reference: c.reference,
    child: { id: c.child_id, givenName: c.given_name, familyName: c.family_name },
    events: byCase.get(c.id) ?? [],
  }));
}
