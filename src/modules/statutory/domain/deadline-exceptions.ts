import { describeLimit } from './deadline-explanation.ts';
import { exceptionReason, isExceptionReasonCode, type ExceptionReasonCode } from './exception-reasons.ts';
import type { StatutoryRule } from './statutory-rule.ts';

export type LimitOutcome =
  | { applies: true }
  | { applies: false; reason: ExceptionReasonCode; citation: string; explanation: string };

/**
 * Whether a rule's time limit applies, given the exception reasons recorded on the case. Only the
 * reasons the rule's own regulation allows count: a school closure recorded on a case suspends the
 * 20-week limit (reg 13(3)) but not the 15 days a family has to comment on a draft. Where several
 * reasons apply, the first in the rule's own order is reported. Unknown codes are ignored here;
 * validating what a user records is the caller's job (see isExceptionReasonCode).
 */
export function limitOutcome(rule: StatutoryRule, recorded: readonly string[]): LimitOutcome {
  const codes = new Set(recorded.filter(isExceptionReasonCode));
  for (const exception of rule.exceptions) {
    if (codes.has(exception.reason)) {
      const plain = exceptionReason(exception.reason).plain;
      return {
        applies: false,
        reason: exception.reason,
        citation: exception.citation,
        explanation: `The ${describeLimit(rule)} limit does not apply: ${plain} (${exception.citation}).`,
      };
    }
  }
  return { applies: true };
}
