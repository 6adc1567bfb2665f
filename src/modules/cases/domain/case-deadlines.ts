import { formatIsoDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import {
  computeDeadline, trackedDeadline, DeadlineInputError, limitOutcome, DEFAULT_RULE_BOOK, type DeadlineStatus, type RuleBook,
} from '../../statutory/index.ts';
import type { AdviceKind, CaseEvent } from './case-events.ts';

/** Who must act by the date: the council, a partner giving advice, or the family exercising a right. */
export type DeadlineOwner = 'council' | 'partner' | 'family';

/** A family's own period that ran out is not "overdue": it has ended. */
export type CaseDeadlineStatus = DeadlineStatus | 'ended';

export interface CaseDeadline {
  /** Unique on the case: the rule id, plus the advice id or notice seq where there can be several. */
  key: string;
  ruleId: string;
  title: string;
  owner: DeadlineOwner;
  due: LocalDate;
  dueIso: string;
  explanation: string;
  familySentence: string;
  doneOn?: string;
  status: CaseDeadlineStatus;
  /** Still to be acted on: counts for "next deadline" and caseloads. */
  open: boolean;
  /** Set when a recorded exception means the limit does not apply (limitOutcome). */
  exception?: string;
}

export interface ClockContext {
  today: LocalDate;
  calendar: WorkingDayCalendar;
  book?: RuleBook;
  /**
   * Whether to work out the family's own periods (comments on the draft, mediation, appeal).
   * Caseloads never sort by them, so the projection leaves them out: it is the hot path.
   */
  familyClocks?: boolean;
}

export const ADVICE_KIND_NAMES: Record<AdviceKind, string> = {
  education: 'education',
  health: 'health',
  'social-care': 'social care',
  'educational-psychology': 'educational psychology',
  other: 'other',
};

interface RecordedException {
  reason: string;
  ruleIds: readonly string[] | undefined;
}

interface DeadlineSpec {
  key: string;
  ruleId: string;
  title: string;
  owner: DeadlineOwner;
  from: string;
  doneOn?: string | undefined;
  /** False once the case has moved past the point where anyone still acts on it. */
  live: boolean;
}

export interface DeadlineBuilder {
  add(spec: DeadlineSpec): CaseDeadline | undefined;
  problems: string[];
}

/**
 * Builds deadlines with the statutory clock. Every date and sentence comes from computeDeadline;
 * this only decides which clocks run, from which event, and whether they are done.
 */
export function deadlineBuilder(exceptions: readonly RecordedException[], ctx: ClockContext): DeadlineBuilder {
  const problems: string[] = [];
  const book = ctx.book ?? DEFAULT_RULE_BOOK;
  return {
    problems,
    add(spec) {
      if (spec.owner === 'family' && ctx.familyClocks === false) return undefined;
      let computed;
      try {
        computed = computeDeadline({ ruleId: spec.ruleId, from: parseLocalDate(spec.from) }, ctx.calendar, book);
      } catch (error) {
        // A date outside the bank holiday data: say so rather than guess a deadline.
        if (error instanceof DeadlineInputError) {
          problems.push(`${spec.title}: ${error.message}`);
          return undefined;
        }
        throw error;
      }
      const reasons = exceptions.filter((e) => !e.ruleIds || e.ruleIds.includes(spec.ruleId)).map((e) => e.reason);
      const outcome = limitOutcome(computed.rule, reasons);
      const exception = outcome.applies ? undefined : outcome.explanation;
      const done = spec.doneOn === undefined ? undefined : parseLocalDate(spec.doneOn);
      const { status, open } = trackedDeadline({ due: computed.due, today: ctx.today, done, exception: exception !== undefined, owner: spec.owner, live: spec.live });
      const deadline: CaseDeadline = {
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
        ...(exception === undefined ? {} : { exception }),
      };
      return deadline;
    },
  };
}

/** The exceptions recorded on a case, for limitOutcome. */
export function recordedExceptions(events: readonly CaseEvent[]): RecordedException[] {
  return events
    .filter((e): e is CaseEvent<'exception-recorded'> => e.type === 'exception-recorded')
    .map((e) => ({ reason: e.data.reason, ruleIds: e.data.ruleIds }));
}
