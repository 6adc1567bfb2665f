// The statutory clock's public face: other modules import from here only.
export { RULE_CATALOGUE, RULE_IDS, type RuleId } from './domain/rule-catalogue.ts';
export { DEFAULT_RULE_BOOK, RuleBook } from './domain/rule-book.ts';
export { computeDeadline, inputsFor, type Deadline, type DeadlineRequest, type InputName } from './domain/compute-deadline.ts';
export { computeDue, applyTribunalHolidays, tribunalHoliday } from './domain/period-arithmetic.ts';
export { describeLimit, describePeriod, explainDeadline, familySentence } from './domain/deadline-explanation.ts';
export { limitOutcome, type LimitOutcome } from './domain/deadline-exceptions.ts';
export { DUE_SOON_DAYS, deadlineStatus, trackedDeadline, type DeadlineStatus, type DeadlineStatusInput, type TrackedDeadlineStatus } from './domain/deadline-status.ts';
export { DeadlineInputError, RuleNotInForceError, UnknownRuleError } from './domain/deadline-errors.ts';
export { EXCEPTION_REASONS, exceptionReason, isExceptionReasonCode, type ExceptionReasonCode } from './domain/exception-reasons.ts';
export type {
  Counting, DeadlineInput, MonthDay, Period, SimplePeriod, StatutoryRule, TransferRoute, VerificationStatus,
} from './domain/statutory-rule.ts';
