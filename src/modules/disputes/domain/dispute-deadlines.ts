import { formatIsoDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline, DeadlineInputError, trackedDeadline, type DeadlineStatus } from '../../statutory/index.ts';
import { DISPUTE_RULE_BOOK } from './tribunal-order-rules.ts';

/** Who must act by the date. A family's own period that runs out has "ended"; it is not overdue. */
export type DisputeDeadlineOwner = 'family' | 'council' | 'mediation-adviser';
export type DisputeDeadlineStatus = DeadlineStatus | 'ended';

export interface DisputeClockContext {
  today: LocalDate;
  calendar: WorkingDayCalendar;
}

export interface DisputeDeadline {
  key: string;
  ruleId: string;
  title: string;
  owner: DisputeDeadlineOwner;
  due: LocalDate;
  dueIso: string;
  explanation: string;
  familySentence: string;
  citation: string;
  doneOn?: string;
  status: DisputeDeadlineStatus;
  open: boolean;
}

export interface DisputeDeadlineSpec {
  key: string;
  ruleId: string;
  title: string;
  owner: DisputeDeadlineOwner;
  from: string;
  certificate?: string | undefined;
  doneOn?: string | undefined;
  live: boolean;
}

/**
 * Builds each deadline with the statutory clock (computeDeadline, with the Tribunal order rules
 * added): this only decides which clocks run, from which event, and whether they are done. A date
 * outside the bank holiday data is reported as a problem instead of guessed.
 */
export function disputeDeadlineBuilder(ctx: DisputeClockContext) {
  const problems: string[] = [];
  const deadlines: DisputeDeadline[] = [];
  function add(spec: DisputeDeadlineSpec): DisputeDeadline | undefined {
    let computed;
    try {
      computed = computeDeadline(
        { ruleId: spec.ruleId, from: parseLocalDate(spec.from), ...(spec.certificate ? { certificate: parseLocalDate(spec.certificate) } : {}) },
        ctx.calendar,
        DISPUTE_RULE_BOOK,
      );
    } catch (error) {
      if (error instanceof DeadlineInputError) {
        problems.push(`${spec.title}: ${error.message}`);
        return undefined;
      }
      throw error;
    }
    const done = spec.doneOn === undefined ? undefined : parseLocalDate(spec.doneOn);
    const { status, open } = trackedDeadline({ due: computed.due, today: ctx.today, done, owner: spec.owner, live: spec.live });
    const deadline: DisputeDeadline = {
      key: spec.key,
      ruleId: spec.ruleId,
      title: spec.title,
      owner: spec.owner,
      due: computed.due,
      dueIso: formatIsoDate(computed.due),
      explanation: computed.explanation,
      familySentence: computed.familySentence,
      citation: computed.citation,
      status,
      open,
      ...(spec.doneOn === undefined ? {} : { doneOn: spec.doneOn }),
    };
    deadlines.push(deadline);
    return deadline;
  }
  return { add, problems, deadlines };
}
