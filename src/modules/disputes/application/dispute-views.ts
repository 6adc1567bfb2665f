import type { LocalDate } from '../../../platform/calendar/index.ts';
import type { Tx } from '../../../platform/db/connection.ts';
import { caseCalendar } from '../../cases/index.ts';
import { deriveDisputeState, type DisputeState } from '../domain/dispute-state.ts';
import { loadDisputes, type DisputeFilter, type DisputeRecord } from '../infrastructure/disputes-read.query.ts';

export interface DisputeView {
  record: DisputeRecord;
  state: DisputeState;
}

/** Disputes with their state as of today. Row-level security limits them to the caller's councils. */
export async function loadDisputeViews(tx: Tx, filter: DisputeFilter, today: LocalDate): Promise<DisputeView[]> {
  const calendar = caseCalendar();
  return (await loadDisputes(tx, filter)).map((record) => ({ record, state: deriveDisputeState(record.events, { today, calendar }) }));
}

export async function loadDisputeView(tx: Tx, disputeId: string, today: LocalDate): Promise<DisputeView | undefined> {
  return (await loadDisputeViews(tx, { disputeId }, today))[0];
}

/** The mediation services and mediators of a council: the pick lists when arranging mediation. */
export async function mediationOptions(tx: Tx, laCode: string): Promise<{ services: Array<{ id: string; name: string }>; mediators: Array<{ id: string; name: string; organisationId: string | null }> }> {
  const services = await tx.selectFrom('organisations').select(['id', 'name']).where('la_code', '=', laCode).where('kind', '=', 'mediation-service').orderBy('name').execute();
  const mediators = await tx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name as name', 'r.organisation_id as organisationId'])
    .where('r.role', '=', 'mediator')
    .where('r.la_code', '=', laCode)
    .orderBy('u.display_name')
    .execute();
  return { services, mediators };
}

/** Names for organisation and user ids a dispute's events carry. */
export async function disputeNames(tx: Tx, views: readonly DisputeView[]): Promise<Map<string, string>> {
  const orgIds = new Set<string>();
  const userIds = new Set<string>();
  for (const v of views) {
    if (v.state.mediation?.organisationId) orgIds.add(v.state.mediation.organisationId);
    if (v.state.mediation?.mediatorUserId) userIds.add(v.state.mediation.mediatorUserId);
  }
  const names = new Map<string, string>();
  if (orgIds.size > 0) for (const o of await tx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...orgIds]).execute()) names.set(o.id, o.name);
  if (userIds.size > 0) for (const u of await tx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...userIds]).execute()) names.set(u.id, u.display_name);
  return names;
}
