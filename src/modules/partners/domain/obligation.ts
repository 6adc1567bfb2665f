import { formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { deadlineStatus, type DeadlineStatus } from '../../statutory/index.ts';

/**
 * One instance of a duty owed by one partner: a piece of advice, a consultation response, a
 * request for review advice or attendance, or committed provision to start. Built from where each
 * is recorded (case events, partnership requests, commitments); the due date is always the
 * statutory clock's.
 */
export interface Obligation {
  /** advice:<case>:<advice id>, consultation:<case>:<id>, request:<id> or commitment:<id>. */
  key: string;
  laCode: string;
  dutyId: string;
  organisationId: string;
  caseId?: string;
  reference?: string;
  childId?: string;
  childName?: string;
  title: string;
  askedOn: string;
  dueIso: string;
  doneOn?: string;
  /** A recorded exception (reg 8(2)) means the limit does not apply. */
  exception?: boolean;
}

export interface ObligationView extends Obligation {
  status: DeadlineStatus;
  /** Days after the due date it was done, or is still not done, as of `today` (0 when on time). */
  daysLate: number;
}

export function viewOf(o: Obligation, today: LocalDate): ObligationView {
  const due = parseLocalDate(o.dueIso);
  const done = o.doneOn ? parseLocalDate(o.doneOn) : undefined;
  const status = deadlineStatus({ due, today, ...(done !== undefined ? { done } : {}), exception: o.exception ?? false });
  const end = done ?? today;
  return { ...o, status, daysLate: o.exception ? 0 : Math.max(0, end - due) };
}

export const isOpen = (o: Obligation): boolean => o.doneOn === undefined;

export const iso = (d: LocalDate): string => formatIsoDate(d);
