import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { isDisputeEventType, type DisputeEventPayloads, type DisputeEventType } from '../domain/dispute-events.ts';
import './disputes.tables.ts';

/** Someone else recorded a step on the dispute after the writer read it: nothing was written. */
export class StaleDisputeVersionError extends Error {
  constructor(readonly disputeId: string, readonly currentVersion: number) {
    super(`Dispute ${disputeId} is at version ${currentVersion}: someone else updated it.`);
    this.name = 'StaleDisputeVersionError';
  }
}

export class DisputeNotFoundError extends Error {
  constructor(readonly disputeId: string) {
    super(`Dispute ${disputeId} was not found.`);
    this.name = 'DisputeNotFoundError';
  }
}

export interface AppendDisputeEvent<T extends DisputeEventType = DisputeEventType> {
  laCode: string;
  disputeId: string;
  type: T;
  occurredOn: string;
  data: DisputeEventPayloads[T];
  actorUserId: string | null;
  /** The version the writer read; if the dispute has moved on, StaleDisputeVersionError. */
  expectedVersion?: number;
}

/**
 * Appends one event inside the caller's tenant transaction. The version bump is one conditional
 * UPDATE, so of two writers holding the same version only the first succeeds; its row lock also
 * makes max(seq) + 1 safe until commit.
 */
export async function appendDisputeEvent<T extends DisputeEventType>(tx: Tx, input: AppendDisputeEvent<T>): Promise<{ seq: number; version: number }> {
  if (!isDisputeEventType(input.type)) throw new Error(`Unknown dispute event type: ${String(input.type)}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.occurredOn)) throw new Error(`occurredOn must be YYYY-MM-DD, not ${input.occurredOn}`);
  let bump = tx.updateTable('disputes').set({ version: sql<number>`version + 1` }).where('la_code', '=', input.laCode).where('id', '=', input.disputeId);
  if (input.expectedVersion !== undefined) bump = bump.where('version', '=', input.expectedVersion);
  const bumped = await bump.returning('version').executeTakeFirst();
  if (!bumped) {
    const current = await tx.selectFrom('disputes').select('version').where('la_code', '=', input.laCode).where('id', '=', input.disputeId).executeTakeFirst();
    if (!current) throw new DisputeNotFoundError(input.disputeId);
    throw new StaleDisputeVersionError(input.disputeId, current.version);
  }
  const last = await tx
    .selectFrom('dispute_events')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .where('la_code', '=', input.laCode)
    .where('dispute_id', '=', input.disputeId)
    .executeTakeFirstOrThrow();
  const seq = Number(last.seq) + 1;
  await tx
    .insertInto('dispute_events')
    .values({ la_code: input.laCode, dispute_id: input.disputeId, seq, type: input.type, occurred_on: input.occurredOn, actor_user_id: input.actorUserId, data: JSON.stringify(input.data) })
    .execute();
  return { seq, version: bumped.version };
}

export interface OpenDispute {
  laCode: string;
  caseId: string;
  caseReference: string;
  openedOn: string;
  data: DisputeEventPayloads['dispute-opened'];
  actorUserId: string | null;
}

/** Opens a dispute on a case: the row, then its first event. Reference: the case's, with D1, D2 … */
export async function openDispute(tx: Tx, input: OpenDispute): Promise<{ id: string; reference: string }> {
  // Lock the case's disputes so two people opening one at once get different numbers.
  await sql`select pg_advisory_xact_lock(hashtext(${`disputes:${input.laCode}:${input.caseId}`}))`.execute(tx);
  const count = await tx.selectFrom('disputes').select(sql<number>`count(*)`.as('n')).where('la_code', '=', input.laCode).where('case_id', '=', input.caseId).executeTakeFirstOrThrow();
  const reference = `${input.caseReference}-D${Number(count.n) + 1}`;
  const row = await tx
    .insertInto('disputes')
    .values({ la_code: input.laCode, case_id: input.caseId, reference, opened_on: input.openedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendDisputeEvent(tx, { laCode: input.laCode, disputeId: row.id, type: 'dispute-opened', occurredOn: input.openedOn, data: input.data, actorUserId: input.actorUserId, expectedVersion: 0 });
  return { id: row.id, reference };
}
