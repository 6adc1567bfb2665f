import type { LocalDate } from '../../../platform/calendar/local-date.ts';
import type { ExceptionReasonCode } from './exception-reasons.ts';

/**
 * "within N … of X" counts from the day after X, so the last day is X + N ('within');
 * "N … beginning with the day X" counts X as day 1, so the last day is X + N − 1 ('beginning-with').
 */
export type Counting = 'within' | 'beginning-with';

export type TransferRoute = 'post16' | 'other';

export interface MonthDay {
  month: number;
  day: number;
  /** Completes "the calendar year of …", e.g. "the transfer between phases". */
  phrase: string;
}

/** A period that runs forward from one date. */
export type SimplePeriod =
  | { kind: 'calendar'; amount: number; unit: 'days' | 'weeks' | 'months'; counting: Counting }
  | { kind: 'working-days'; amount: number; counting: Counting };

export type Period =
  | SimplePeriod
  /** "at least N before X": the latest date the act can be done is X − N. */
  | { kind: 'before'; amount: number; unit: 'days' | 'weeks' }
  /** A fixed day of the year given as input (phase transfer), chosen by route. */
  | { kind: 'fixed-date'; routes: Record<TransferRoute, MonthDay> }
  /**
   * The later of a period from `from` and another from `certificate` (when there is one).
   * `tribunalHolidays`: the SEND Tribunal's Christmas and August extension applies to the result.
   */
  | { kind: 'later-of'; first: SimplePeriod; second: SimplePeriod; secondPhrase: string; tribunalHolidays: boolean };

/** The inputs each kind of period takes: `from` for most; `year` and `route` for fixed dates. */
export interface DeadlineInput {
  from?: LocalDate;
  certificate?: LocalDate;
  year?: number;
  route?: TransferRoute;
}

export type VerificationStatus = 'primary' | 'partly-primary' | 'secondary';

export interface StatutoryRule {
  id: string;
  /** Plain-English name of what must happen. */
  name: string;
  /** The event that starts the clock, plain English. */
  startingEvent: string;
  /** How the start is described in an explanation: "when the request was received". */
  startPhrase: string;
  period: Period;
  citation: string;
  /** What the family is told; `{due}` is replaced by the long date. */
  familyWording: string;
  /** The law is in force for clocks that start on or after this date … */
  effectiveFrom: LocalDate;
  /** … and on or before this one (undefined: still in force). */
  effectiveTo?: LocalDate;
  /** Reasons that can suspend the limit, each with the paragraph that says so. */
  exceptions: readonly { reason: ExceptionReasonCode; citation: string }[];
  verification: VerificationStatus;
  /** Where the reading of the text was a judgement: what we decided and why. */
  judgement?: string;
}
