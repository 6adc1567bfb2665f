import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../../../platform/db/connection.ts';
import { isDisputeEventType, type DisputeEvent } from '../domain/dispute-events.ts';
import './disputes.tables.ts';

export interface DisputeEventRecord extends DisputeEvent {
  recordedAt: string;
  actorName: string | null;
}

export interface DisputeRecord {
  laCode: string;
  id: string;
  reference: string;
  openedOn: string;
  version: number;
  caseId: string;
  caseReference: string;
  childId: string;
  childName: string;
  events: DisputeEventRecord[];
}

export interface DisputeFilter {
  disputeId?: string;
  caseId?: string;
  /** Only disputes about children linked to this family account. */
  familyUserId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Disputes with their case, child and events in one statement. Row-level security already limits
 * rows to the caller's councils; the filters narrow further (a family sees only its own children).
 */
export async function loadDisputes(tx: Tx, filter: DisputeFilter = {}): Promise<DisputeRecord[]> {
  if ((filter.disputeId !== undefined && !UUID.test(filter.disputeId)) || (filter.caseId !== undefined && !UUID.test(filter.caseId))) return [];
  let q = tx
    .selectFrom('disputes as d')
    .innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'd.la_code').onRef('c.id', '=', 'd.case_id'))
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .select((eb) => [
      'd.la_code', 'd.id', 'd.reference', 'd.opened_on', 'd.version', 'c.id as case_id', 'c.reference as case_reference', 'ch.id as child_id', 'ch.given_name', 'ch.family_name',
      jsonArrayFrom(
        eb
          .selectFrom('dispute_events as e')
          .leftJoin('users as u', 'u.id', 'e.actor_user_id')
          .select(['e.seq', 'e.type', 'e.occurred_on', 'e.data', 'e.recorded_at', 'u.display_name'])
          .whereRef('e.la_code', '=', 'd.la_code')
          .whereRef('e.dispute_id', '=', 'd.id')
          .orderBy('e.seq'),
      ).as('events'),
    ]);
  if (filter.disputeId) q = q.where('d.id', '=', filter.disputeId);
  if (filter.caseId) q = q.where('d.case_id', '=', filter.caseId);
  if (filter.familyUserId) {
    const userId = filter.familyUserId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('family_members as f').select('f.user_id').whereRef('f.la_code', '=', 'c.la_code').whereRef('f.child_id', '=', 'c.child_id').where('f.user_id', '=', userId)),
    );
  }
  const rows = await q.orderBy('d.opened_on').orderBy('d.reference').execute();
  return rows.map((r) => ({
    laCode: r.la_code,
    id: r.id,
    reference: r.reference,
    openedOn: r.opened_on,
    version: r.version,
    caseId: r.case_id,
    caseReference: r.case_reference,
    childId: r.child_id,
    childName: `${r.given_name} ${r.family_name}`,
    events: r.events.flatMap((e) =>
      isDisputeEventType(e.type)
        ? [{ seq: e.seq, type: e.type, occurredOn: String(e.occurred_on).slice(0, 10), data: e.data as never, recordedAt: String(e.recorded_at), actorName: e.display_name }]
        : [],
    ),
  }));
}
