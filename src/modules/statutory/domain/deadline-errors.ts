/** A request the clock cannot answer; `field` names the input at fault (rule, from, certificate, year, route). */
export class DeadlineInputError extends Error {
  override name = 'DeadlineInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnknownRuleError extends DeadlineInputError {
  override name = 'UnknownRuleError';
  constructor(ruleId: string, known: readonly string[]) {
    super('rule', `unknown rule "${ruleId}"; the rules are: ${known.join(', ')}`);
  }
}

/** No version of the rule was law on the date the clock started. */
export class RuleNotInForceError extends DeadlineInputError {
  override name = 'RuleNotInForceError';
}
