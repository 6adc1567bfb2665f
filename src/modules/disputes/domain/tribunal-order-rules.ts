import { localDate } from '../../../platform/calendar/index.ts';
import { RULE_CATALOGUE, RuleBook, type StatutoryRule } from '../../statutory/index.ts';

/**
 * Periods for complying with orders of the First-tier Tribunal (SEND): SEND Regulations 2014,
 * reg 44(2). They are rules of the statutory clock like any other, kept here because only disputes
 * use them; DISPUTE_RULE_BOOK is the catalogue plus these, so every dispute date comes from
 * computeDeadline with its explanation and citation.
 *
 * Verification (secondary): reg 44(1)–(2)(c) as reproduced verbatim by a family advice site
 * (sendfamilymagic, "What MUST the LA do when you win your appeal?"); reg 44(2)(e) (amend: 5 weeks)
 * and 44(2)(f) (Section I only: 2 weeks) from IPSEA's note on R (BA) v Nottinghamshire CC [2021]
 * EWHC 1348 (Admin); all corroborated by HMCTS guidance SEND18 ("Carry out an order in special
 * educational needs cases", 1 November 2023). Not yet checked against legislation.gov.uk.
 */
const REG44 = 'SEND Regulations 2014, reg 44(2)';
const IN_FORCE = localDate(2014, 9, 1);
const ORDER_JUDGEMENT =
  'reg 44(2) counts "within N weeks of the order being made"; HMCTS guidance (SEND18) counts from the day the Tribunal sends ' +
  'the order. We count from the date of the order as recorded, the earlier and so safer reading. Amendments of 2015 (SI 2015/359) ' +
  'changed reg 45 (unopposed appeals); reg 44 periods are as reproduced, secondary.';

function orderRule(id: string, name: string, weeks: number, paragraph: string, family: string): StatutoryRule {
  return {
    id,
    name,
    startingEvent: 'The SEND Tribunal makes its order',
    startPhrase: "when the Tribunal's order was made",
    period: { kind: 'calendar', amount: weeks, unit: 'weeks', counting: 'within' },
    citation: `${REG44}${paragraph}`,
    familyWording: family,
    effectiveFrom: IN_FORCE,
    exceptions: [],
    verification: 'secondary',
    judgement: ORDER_JUDGEMENT,
  };
}

export const TRIBUNAL_ORDER_RULES: readonly StatutoryRule[] = [
  orderRule('order-assess', 'Tell the family the assessment will be made (Tribunal order)', 2, '(b)', 'We must tell you that we will carry out the assessment by {due}.'),
  orderRule('order-draft-plan', 'Issue a draft EHC plan (Tribunal order to make and maintain a plan)', 5, '(c)(i)', 'We must send you a draft EHC plan by {due}.'),
  orderRule('order-final-plan', 'Issue the final EHC plan (Tribunal order to make and maintain a plan)', 11, '(c)(ii)', 'We must send you the final EHC plan by {due}.'),
  orderRule('order-amend-plan', 'Issue the amended EHC plan (Tribunal order to amend)', 5, '(e)', 'We must send you the amended EHC plan by {due}.'),
  orderRule('order-section-i', 'Issue the plan naming the school or college (Tribunal order about Section I only)', 2, '(f)', 'We must send you the plan naming the school or college by {due}.'),
];

export const DISPUTE_RULE_BOOK = new RuleBook([...RULE_CATALOGUE, ...TRIBUNAL_ORDER_RULES]);

/** The orders the Tribunal commonly makes, with the compliance clocks each starts (none: immediate effect). */
export const ORDER_KINDS = {
  assess: { name: 'Carry out an EHC needs assessment', rules: ['order-assess'] },
  'make-plan': { name: 'Make and maintain an EHC plan', rules: ['order-draft-plan', 'order-final-plan'] },
  'amend-plan': { name: 'Amend the EHC plan', rules: ['order-amend-plan'] },
  'amend-section-i': { name: 'Amend Section I only (school or college named)', rules: ['order-section-i'] },
  'continue-plan': { name: 'Continue to maintain the EHC plan (immediate effect)', rules: [] },
  other: { name: 'Another order (recorded, no statutory period)', rules: [] },
} as const satisfies Record<string, { name: string; rules: readonly string[] }>;
export type OrderKind = keyof typeof ORDER_KINDS;

export function isOrderKind(value: string): value is OrderKind {
  return Object.hasOwn(ORDER_KINDS, value);
}
