import { formatIsoDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline, trackedDeadline, DeadlineInputError, type DeadlineRequest, type DeadlineStatus } from '../../statutory/index.ts';

/** Who must act by the date. A family's own period that has run out has "ended", it is not overdue. */
export type ReviewOwner = 'council' | 'setting' | 'family';
export type ReviewDeadlineStatus = DeadlineStatus | 'ended';

export interface ReviewDeadline {
  key: string;
  ruleId: string;
  title: string;
  owner: ReviewOwner;
  due: LocalDate;
  dueIso: string;
  explanation: string;
  familySentence: string;
  doneOn?: string;
  status: ReviewDeadlineStatus;
  open: boolean;
}

export interface ReviewClock {
  today: LocalDate;
  calendar: WorkingDayCalendar;
}

export interface DeadlineSpec {
  key: string;
  ruleId: string;
  title: string;
  owner: ReviewOwner;
  /** The clock's input: `from` for most rules, `year` and `route` for phase transfer. */
  input: Omit<DeadlineRequest, 'ruleId'>;
  doneOn?: string | undefined;
  /** False once nobody acts on it any more (the plan ceased, or moved to another council). */
  live?: boolean;
}

/**
 * One deadline from the statutory clock with its status today. Dates and sentences come only from
 * computeDeadline; this decides nothing about the law. Returns undefined (and a problem) when the
 * clock refuses, e.g. a date beyond the bank holiday data, rather than guessing.
 */
export function clockDeadline(spec: DeadlineSpec, clock: ReviewClock, problems: string[]): ReviewDeadline | undefined {
  let computed;
  try {
    computed = computeDeadline({ ruleId: spec.ruleId, ...spec.input }, clock.calendar);
  } catch (error) {
    if (error instanceof DeadlineInputError) {
      problems.push(`${spec.title}: ${error.message}`);
      return undefined;
    }
    throw error;
  }
  const done = spec.doneOn === undefined ? undefined : parseLocalDate(spec.doneOn);
  const { status, open } = trackedDeadline({ due: computed.due, today: clock.today, done, owner: spec.owner, live: spec.live ?? true });
  return {
    key: spec.key,
    ruleId: spec.ruleId,
    title: spec.title,
    owner: spec.owner,
    due: computed.due,
    dueIso: formatIsoDate(computed.due),
    explanation: computed.explanation,
    familySentence: computed.familySentence,
    status,
    open,
    ...(spec.doneOn === undefined ? {} : { doneOn: spec.doneOn }),
  };
}
