import type { LocalDate } from '../../../platform/calendar/index.ts';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import type { CaseEvent } from '../domain/case-events.ts';
import { deriveCaseState, type CaseState } from '../domain/case-state.ts';
import { findCase, findCaseWithNames, type CaseRecord } from '../infrastructure/case-read.repository.ts';
import { toCaseEvents } from '../infrastructure/case-event-row.ts';
import { caseCalendar } from '../infrastructure/clock-calendar.ts';
import type { StepOptions } from '../web/case-steps.ts';

export interface CaseView {
  record: CaseRecord;
  events: CaseEvent[];
  state: CaseState;
}

/**
 * A case with its derived state as of today. Row-level security already limits it to the caller's
 * councils. Works in a transaction or on a scoped read connection (readWithTenant).
 */
export async function loadCaseView(tx: Tx | Db, caseId: string, today: LocalDate): Promise<CaseView | undefined> {
  const record = await findCase(tx, caseId);
  return record && caseView(record, today);
}

/** loadCaseView with the names of the organisations and settings its events refer to, in the same round trip. */
export async function loadCaseViewWithNames(tx: Tx | Db, caseId: string, today: LocalDate): Promise<{ view: CaseView; names: Map<string, string> } | undefined> {
  const found = await findCaseWithNames(tx, caseId);
  return found && { view: caseView(found.record, today), names: found.names };
}

function caseView(record: CaseRecord, today: LocalDate): CaseView {
  const events = toCaseEvents(
    record.events.map((e) => ({ seq: e.seq, type: e.type, occurred_on: e.occurredOn, data: e.data, actor_user_id: null })),
  );
  return { record, events, state: deriveCaseState(events, { today, calendar: caseCalendar() }) };
}

/** The partner organisations and settings of a council, for the pick lists of the step forms. */
export async function stepOptions(tx: Tx, laCode: string): Promise<StepOptions> {
  const organisations = await tx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('la_code', '=', laCode)
    .where('kind', 'not in', ['council', 'mediation-service', 'sendiass'])
    .orderBy('name')
    .execute();
  const settings = await tx.selectFrom('settings').select(['id', 'name']).where('la_code', '=', laCode).orderBy('name').execute();
  return { organisations, settings };
}

/** The council's mediation service, named on decision notices. */
export async function mediationService(tx: Tx, laCode: string): Promise<{ name: string } | undefined> {
  return tx.selectFrom('organisations').select(['name']).where('la_code', '=', laCode).where('kind', '=', 'mediation-service').orderBy('name').executeTakeFirst();
}
