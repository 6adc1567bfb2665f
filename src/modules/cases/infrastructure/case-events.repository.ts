import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { isCaseEventType, type CaseEvent, type CaseEventPayloads, type CaseEventType } from '../domain/case-events.ts';
import { toCaseEvents } from './case-event-row.ts';
import { writeCaseProjection } from './case-projection.repository.ts';
import './cases.tables.ts';

/** The case does not exist, or row-level security hides it (another council): treat as not found. */
export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`Case ${caseId} was not found.`);
    this.name = 'CaseNotFoundError';
  }
}

/** Someone else changed the case after the writer read it: nothing was written. */
export class StaleCaseVersionError extends Error {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Case ${caseId} is at version ${currentVersion}, not ${expectedVersion}: someone else updated it.`);
    this.name = 'StaleCaseVersionError';
  }
}

export interface AppendCaseEvent<T extends CaseEventType = CaseEventType> {
  laCode: string;
  caseId: string;
  type: T;
  /** 'YYYY-MM-DD': the day it happened, which may be before the day it is recorded. */
  occurredOn: string;
  data: CaseEventPayloads[T];
  actorUserId: string | null;
  /** The cases.version the writer read. If given and the case has moved on, StaleCaseVersionError. */
  expectedVersion?: number;
}

export interface AppendedCaseEvent {
  seq: number;
  version: number;
}

/**
 * Appends one event to a case, inside the caller's transaction (use withTenant so row-level security
 * applies). The version bump is a single conditional UPDATE, so two writers holding the same version
 * cannot both succeed: the second finds no row at that version and is refused. The case deadline
 * projection is rewritten in the same transaction, so caseloads never disagree with the events.
 */
export async function appendCaseEvent<T extends CaseEventType>(tx: Tx, input: AppendCaseEvent<T>): Promise<AppendedCaseEvent> {
  if (!isCaseEventType(input.type)) throw new Error(`Unknown case event type: ${String(input.type)}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.occurredOn)) throw new Error(`occurredOn must be YYYY-MM-DD, not ${input.occurredOn}`);
  let bump = tx
    .updateTable('cases')
    .set({ version: sql<number>`version + 1` })
    .where('la_code', '=', input.laCode)
    .where('id', '=', input.caseId);
  if (input.expectedVersion !== undefined) bump = bump.where('version', '=', input.expectedVersion);
  const bumped = await bump.returning('version').executeTakeFirst();
  if (!bumped) {
    const current = await tx.selectFrom('cases').select('version').where('la_code', '=', input.laCode).where('id', '=', input.caseId).executeTakeFirst();
    if (!current) throw new CaseNotFoundError(input.caseId);
    throw new StaleCaseVersionError(input.caseId, input.expectedVersion ?? current.version, current.version);
  }
  // The UPDATE above holds the case's row lock until commit, so max(seq) + 1 cannot race.
  const last = await tx
    .selectFrom('case_events')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .where('la_code', '=', input.laCode)
    .where('case_id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  const seq = Number(last.seq) + 1;
  await tx
    .insertInto('case_events')
    .values({
      la_code: input.laCode,
      case_id: input.caseId,
      seq,
      type: input.type,
      occurred_on: input.occurredOn,
      actor_user_id: input.actorUserId,
      data: JSON.stringify(input.data),
    })
    .execute();
  await writeCaseProjection(tx, input.laCode, input.caseId, bumped.version, await loadCaseEvents(tx, input.laCode, input.caseId));
  return { seq, version: bumped.version };
}

/** A case's events as the domain reads them, in order. */
export async function loadCaseEvents(tx: Tx, laCode: string, caseId: string): Promise<CaseEvent[]> {
  const rows = await tx
    .selectFrom('case_events')
    .select(['seq', 'type', 'occurred_on', 'data', 'actor_user_id'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return toCaseEvents(rows);
}
