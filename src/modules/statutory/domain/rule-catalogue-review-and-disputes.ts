import type { StatutoryRule } from './statutory-rule.ts';
import { SEND_REGS_2014_IN_FORCE } from './rule-catalogue-assessment.ts';

const REGS = 'SEND Regulations 2014';

/** Reviews, amendments and phase transfers. */
export const REVIEW_RULES: readonly StatutoryRule[] = [
  {
    id: 'annual-review',
    name: 'Review the EHC plan',
    startingEvent: 'The EHC plan is first issued, or last reviewed',
    startPhrase: 'when the plan was issued or last reviewed',
    period: { kind: 'calendar', amount: 12, unit: 'months', counting: 'within' },
    citation: 'Children and Families Act 2014, s44(1)',
    familyWording: 'Your plan must be reviewed by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE, // Part 3 of the Act commenced on 1 September 2014
    exceptions: [],
    verification: 'secondary',
    judgement:
      'Held only as the explanatory notes ("at least every 12 months"). We take the corresponding date 12 months on as the last day; ' +
      'a plan issued on 29 February is due on 28 February the next year.',
  },
  {
    id: 'review-notice',
    name: 'Give notice of the review meeting',
    startingEvent: 'The review meeting (counted back from its date)',
    startPhrase: 'the review meeting',
    // "At least two weeks' notice of the date of the meeting": notice given on meeting − 14 days is
    // exactly two weeks, so that is the latest day. reg 20(4) sets the same date for circulating advice.
    period: { kind: 'before', amount: 2, unit: 'weeks' },
    citation: `${REGS}, reg 20(3) and 21(3)`,
    familyWording: 'We must tell you the date of the review meeting by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
    judgement: 'reg 20(3) is quoted from legislation.gov.uk; reg 21(3) (no school or college) is taken to match it.',
  },
  {
    id: 'review-report',
    name: 'Send the report of the review meeting',
    startingEvent: 'The review meeting',
    startPhrase: 'when the review meeting was held',
    period: { kind: 'calendar', amount: 2, unit: 'weeks', counting: 'within' },
    citation: `${REGS}, reg 20(7) and 21(7)`,
    familyWording: 'The report of the review meeting must be sent by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'partly-primary',
    judgement: 'reg 21(7) is verbatim; reg 20(7) (review at a school or college) is equivalent according to secondary sources.',
  },
  {
    id: 'review-decision',
    name: 'Decide whether to keep, amend or cease the plan after a review',
    startingEvent: 'The review meeting',
    startPhrase: 'when the review meeting was held',
    period: { kind: 'calendar', amount: 4, unit: 'weeks', counting: 'within' },
    citation: `${REGS}, regs 20 and 21; SEND Code of Practice para 9.176`,
    familyWording: 'We must tell you by {due} whether we will keep your plan as it is, change it, or stop it.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'secondary',
    judgement: 'The paragraph of regs 20/21 is not verified; the 4 weeks is from secondary sources and the DfE statistics field "decision within 4 weeks".',
  },
  {
    id: 'amendment-representations',
    name: 'Family comments on proposed amendments',
    startingEvent: 'The proposed amendments are served on the family',
    startPhrase: 'the day the proposed amendments were served',
    period: { kind: 'calendar', amount: 15, unit: 'days', counting: 'beginning-with' },
    citation: `${REGS}, reg 22(2)(c)`,
    familyWording: 'You have until {due} to comment on the proposed changes to the plan.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
  },
  {
    id: 'amended-plan',
    name: 'Issue the amended final EHC plan',
    startingEvent: 'The council sends the plan with its proposed amendments',
    startPhrase: 'when the proposed amendments were sent',
    period: { kind: 'calendar', amount: 8, unit: 'weeks', counting: 'within' },
    citation: `${REGS}, reg 22(3)`,
    familyWording: 'We must send you the amended final plan by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
  },
  {
    id: 'phase-transfer',
    name: 'Review and amend the plan before a transfer between phases',
    startingEvent: 'The calendar year of the transfer between phases of education',
    startPhrase: 'the calendar year of the transfer',
    period: {
      kind: 'fixed-date',
      routes: {
        post16: { month: 3, day: 31, phrase: 'the transfer from secondary school to a post-16 institution' },
        other: { month: 2, day: 15, phrase: 'the transfer between phases of education' },
      },
    },
    citation: `${REGS}, reg 18(1)`,
    familyWording: 'Your plan must be reviewed, and changed to name the next school or college, by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'secondary',
    judgement:
      'Quoted via SEN Legal. The regulation says "before 15 February" / "before 31 March"; we show 15 February and 31 March as the ' +
      'due date, as the Code of Practice and councils do ("by 15 February"). A stricter reading would be a day earlier. The clock ' +
      'for choosing the rule version starts on 1 January of the transfer year.',
  },
];

// HESC: the Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008.
const HESC = 'Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008';

/** Mediation and appeals. */
export const DISPUTE_RULES: readonly StatutoryRule[] = [
  {
    id: 'mediation-contact',
    name: 'Contact the mediation adviser before appealing',
    startingEvent: 'Written notice of the council’s decision is sent',
    startPhrase: 'when the decision notice was sent',
    // "within 2 months after written notice ... was sent": the corresponding date two months on.
    period: { kind: 'calendar', amount: 2, unit: 'months', counting: 'within' },
    citation: `${REGS}, reg 33`,
    familyWording: 'If you want to appeal, you must contact the mediation adviser by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
  },
  {
    id: 'mediation-certificate',
    name: 'Mediation adviser issues the mediation certificate',
    startingEvent: 'The mediation adviser is told the family does not want mediation (or mediation ends)',
    startPhrase: 'when the mediation adviser was informed',
    // "within three working days of" the notification: counted from the next day, like "within N of".
    period: { kind: 'working-days', amount: 3, counting: 'within' },
    citation: `${REGS}, regs 34 to 36`,
    familyWording: 'The mediation adviser must send you a mediation certificate by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'secondary',
    judgement: 'Wording and paragraph numbers are from IPSEA and Surrey SEND advice, not the legislation text.',
  },
  {
    id: 'mediation-meeting',
    name: 'Mediation takes place',
    startingEvent: 'The council is told the family wants mediation',
    startPhrase: 'when the council was told the family wants mediation',
    period: { kind: 'calendar', amount: 30, unit: 'days', counting: 'within' },
    citation: `${REGS}, reg 37`,
    familyWording: 'Mediation must take place by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'secondary',
    judgement: 'From secondary sources (IPSEA, Surrey SEND advice); the regulation number is as in the project digest, not verified.',
  },
  {
    id: 'tribunal-appeal',
    name: 'Appeal to the SEND Tribunal',
    startingEvent: 'Written notice of the decision is sent; a mediation certificate is issued (if there is one)',
    startPhrase: 'when the decision notice was sent',
    period: {
      kind: 'later-of',
      first: { kind: 'calendar', amount: 2, unit: 'months', counting: 'within' },
      second: { kind: 'calendar', amount: 1, unit: 'months', counting: 'within' },
      secondPhrase: 'when the mediation certificate was issued',
      tribunalHolidays: true,
    },
    citation: `${HESC}, r20(1)(c)`,
    familyWording: 'You can appeal to the SEND Tribunal until {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
    judgement:
      'r20(1)(c) is verbatim. The Christmas and August extension is applied as IPSEA describes it (secondary; we believe it is HESC ' +
      'rule 12(3), not verified): a deadline falling on 25 December to 1 January moves to the next working day after 1 January, ' +
      'and one falling in August to the first working day in September. We do not move other weekend or holiday deadlines ' +
      '(rule 12(2) may allow the next working day, but it is not in our sources): the earlier date is the safer one to tell a family.',
  },
];
