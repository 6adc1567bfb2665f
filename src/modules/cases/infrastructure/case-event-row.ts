import { isCaseEventType, type CaseEvent, type CaseEventType } from '../domain/case-events.ts';

/** A case_events row as the domain reads it. Unknown types (from a newer version) are skipped. */
export function toCaseEvents(rows: ReadonlyArray<{ seq: number; type: string; occurred_on: string; data: unknown; actor_user_id: string | null }>): CaseEvent[] {
  return rows
    .filter((r) => isCaseEventType(r.type))
    .map((r) => ({ seq: r.seq, type: r.type as CaseEventType, occurredOn: r.occurred_on, data: r.data as CaseEvent['data'], actorUserId: r.actor_user_id }));
}
