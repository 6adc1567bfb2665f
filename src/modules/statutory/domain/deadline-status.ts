import type { LocalDate } from '../../../platform/calendar/local-date.ts';

export type DeadlineStatus = 'on-track' | 'due-soon' | 'overdue' | 'met' | 'met-late' | 'exception';

/** "Due soon" means the due date is at most this many days away (today counts as 0). */
export const DUE_SOON_DAYS = 14;

export interface DeadlineStatusInput {
  due: LocalDate;
  today: LocalDate;
  /** When the thing was done, if it has been. */
  done?: LocalDate;
  /** True when a recorded exception means the limit does not apply (see limitOutcome). */
  exception?: boolean;
}

/**
 * A caseload's view of one deadline. Done on or before the due date is 'met' even with an
 * exception recorded (the exception was not needed); done late with an exception is 'exception',
 * as the limit did not apply. Not yet done: 'exception' if the limit does not apply, else 'overdue'
 * once today is past the due date (the due date itself is still on time), 'due-soon' within
 * DUE_SOON_DAYS, otherwise 'on-track'.
 */
export function deadlineStatus({ due, today, done, exception = false }: DeadlineStatusInput): DeadlineStatus {
  if (done !== undefined) {
    if (done <= due) return 'met';
    return exception ? 'exception' : 'met-late';
  }
  if (exception) return 'exception';
  if (today > due) return 'overdue';
  return due - today <= DUE_SOON_DAYS ? 'due-soon' : 'on-track';
}

/** A tracked deadline's status; 'ended' is a family's period that passed without them acting. */
export type TrackedDeadlineStatus = DeadlineStatus | 'ended';

/**
 * Status and openness of a deadline someone is tracking. A family's period (to comment, to contact
 * a mediation adviser, to appeal) is a right, not a duty: once it passes unused it has ended, it is
 * never "overdue", and it is no longer open.
 */
export function trackedDeadline(input: DeadlineStatusInput & { owner: string; live: boolean }): { status: TrackedDeadlineStatus; open: boolean } {
  const { owner, live, ...rest } = input;
  if (owner === 'family' && rest.done === undefined && rest.today > rest.due) return { status: 'ended', open: false };
  return { status: deadlineStatus(rest), open: live && rest.done === undefined };
}
