import { ASSESSMENT_RULES } from './rule-catalogue-assessment.ts';
import { DISPUTE_RULES, REVIEW_RULES } from './rule-catalogue-review-and-disputes.ts';
import type { StatutoryRule } from './statutory-rule.ts';

/** The rule ids of the current law, in the order of the SEND-LAW digest. */
export const RULE_IDS = [
  'decision-to-assess', 'advice', 'decision-not-to-issue', 'draft-representations', 'final-plan',
  'transfer-plan', 'transfer-inform', 'annual-review', 'review-notice', 'review-report', 'review-decision',
  'amendment-representations', 'amended-plan', 'reassessment-plan', 'phase-transfer', 'mediation-contact',
  'mediation-certificate', 'mediation-meeting', 'tribunal-appeal',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const order = (id: string): number => (RULE_IDS as readonly string[]).indexOf(id);

/**
 * Every statutory time limit OpenSEND knows, as data, in the digest's order. A change of law is a
 * new row with its own effectiveFrom (and an effectiveTo on the row it replaces); see docs/adr/0006.
 */
export const RULE_CATALOGUE: readonly StatutoryRule[] = [...ASSESSMENT_RULES, ...REVIEW_RULES, ...DISPUTE_RULES].sort(
  (a, b) => order(a.id) - order(b.id),
);
