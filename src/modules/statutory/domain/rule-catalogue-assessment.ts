import { parseLocalDate } from '../../../platform/calendar/local-date.ts';
import type { StatutoryRule } from './statutory-rule.ts';

// The SEND Regulations 2014 (SI 2014/1530) came into force on 1 September 2014 (reg 1).
export const SEND_REGS_2014_IN_FORCE = parseLocalDate('2014-09-01');

const REGS = 'SEND Regulations 2014';

// "within 6 weeks of X": counted from the day after X, so X + 42 days is the last day on time
// (6 January → 17 February). This is the general rule for "within N of" and matches how the DfE's
// 20-week figure is usually reported; the DfE data guidance does not state its convention.
const weeks = (amount: number) => ({ kind: 'calendar', amount, unit: 'weeks', counting: 'within' }) as const;

/** reg 10(4)(a)–(d), which reg 13(3) applies to the 20-week limit too. */
const reg10Exceptions = (prefix: string) =>
  [
    { reason: 'school-closure', citation: `${REGS}, ${prefix}10(4)(a)` },
    { reason: 'early-years-closure', citation: `${REGS}, ${prefix}10(4)(b)` },
    { reason: 'exceptional-personal-circumstances', citation: `${REGS}, ${prefix}10(4)(c)` },
    { reason: 'absent-from-area', citation: `${REGS}, ${prefix}10(4)(d)` },
  ] as const;

/** Requests, assessments, plans and transfers between authorities. */
export const ASSESSMENT_RULES: readonly StatutoryRule[] = [
  {
    id: 'decision-to-assess',
    name: 'Decide whether to carry out an EHC needs assessment',
    startingEvent: 'The council receives a request for an EHC needs assessment (or becomes responsible for the child)',
    startPhrase: 'when the request was received',
    period: weeks(6),
    citation: `${REGS}, reg 5(1)`,
    familyWording: 'We must tell you by {due} whether we will carry out an EHC needs assessment.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [
      { reason: 'school-closure', citation: `${REGS}, reg 5(4)(a)` },
      { reason: 'early-years-closure', citation: `${REGS}, reg 5(4)(b)` },
      { reason: 'exceptional-personal-circumstances', citation: `${REGS}, reg 5(4)(c)` },
      { reason: 'absent-from-area', citation: `${REGS}, reg 5(4)(d)` },
    ],
    verification: 'partly-primary',
    judgement:
      'reg 5(1) is quoted from legislation.gov.uk; the stored copy of reg 5(4) stops after (a). We read (b) to (d) as the same ' +
      'list as reg 10(4), which uses the identical opening words; verify against the full text.',
  },
  {
    id: 'advice',
    name: 'Give advice and information for an EHC needs assessment',
    startingEvent: 'A partner (health, social care, school, educational psychology) receives the request for advice',
    startPhrase: 'when the request for advice was received',
    period: weeks(6),
    citation: `${REGS}, reg 8(1)`,
    familyWording: 'The people we asked for advice must send it to us by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [
      { reason: 'exceptional-personal-circumstances', citation: `${REGS}, reg 8(2)(a)` },
      { reason: 'absent-from-area', citation: `${REGS}, reg 8(2)(b)` },
      { reason: 'missed-appointment', citation: `${REGS}, reg 8(2)(c)` },
    ],
    verification: 'secondary',
    judgement:
      'Quoted from a secondary source (Surrey SEND advice) that reproduces reg 8. reg 8(2)(a) says "exceptional circumstances", ' +
      'not "exceptional personal circumstances"; we record both under one reason code.',
  },
  {
    id: 'decision-not-to-issue',
    name: 'Tell the family the council will not issue an EHC plan',
    startingEvent: 'The council receives a request for an EHC needs assessment (or becomes responsible for the child)',
    startPhrase: 'when the request was received',
    period: weeks(16),
    citation: `${REGS}, reg 10(1)`,
    familyWording: 'If we decide not to issue an EHC plan, we must tell you by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: reg10Exceptions('reg '),
    verification: 'primary',
    judgement: 'The stored copy of reg 10(4)(d) is truncated; we read it as absence from the area for 4 weeks or more, the reg 8(2)(b) formula.',
  },
  {
    id: 'draft-representations',
    name: 'Family comments on the draft EHC plan',
    startingEvent: 'The draft EHC plan is served on the family',
    startPhrase: 'the day the draft plan was served',
    // "at least 15 days, beginning with the day on which the draft plan was served": that day is
    // day 1, so the last day the family has is X + 14.
    period: { kind: 'calendar', amount: 15, unit: 'days', counting: 'beginning-with' },
    citation: `${REGS}, reg 13(1)(a)`,
    familyWording:
      'You have until {due} to comment on the draft plan, ask for a meeting about it, and ask for a school or college to be named.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
  },
  {
    id: 'final-plan',
    name: 'Issue the final EHC plan',
    startingEvent: 'The council receives a request for an EHC needs assessment (or becomes responsible for the child)',
    startPhrase: 'when the request was received',
    period: weeks(20),
    citation: `${REGS}, reg 13(2)`,
    familyWording: 'We must send you the final plan by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: reg10Exceptions('reg 13(3) and '),
    verification: 'primary',
  },
  {
    id: 'transfer-plan',
    name: 'Transfer the EHC plan to the new council (late notice of a move)',
    startingEvent: 'The old council becomes aware of the move (less than 15 working days before it)',
    startPhrase: 'the day the old council became aware of the move',
    // "within 15 working days beginning with the day on which it did become aware": that day is
    // day 1 if it is a working day; if it is not (a weekend or holiday), the next working day is.
    period: { kind: 'working-days', amount: 15, counting: 'beginning-with' },
    citation: `${REGS}, reg 15(2)`,
    familyWording: 'Your plan must be transferred to your new council by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
    judgement:
      'Only the late-notice case is a period: where the old council knew 15 working days before the move, the plan transfers on the day of the move itself.',
  },
  {
    id: 'transfer-inform',
    name: 'New council tells the family about the transferred plan',
    startingEvent: 'The EHC plan is transferred to the new council',
    startPhrase: 'when the plan was transferred',
    period: weeks(6),
    citation: `${REGS}, reg 15(4)`,
    familyWording:
      'Your new council must tell you by {due} that it has your plan, whether it will assess your child, and when it will review the plan.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [],
    verification: 'primary',
  },
  {
    id: 'reassessment-plan',
    name: 'Issue the final EHC plan after a reassessment',
    startingEvent: 'The council notifies the family it will reassess (reg 25(1)) or decides a reassessment is needed',
    startPhrase: 'when the decision to reassess was made',
    period: weeks(14),
    citation: `${REGS}, reg 27(2)`,
    familyWording: 'We must send you the final plan after the reassessment by {due}.',
    effectiveFrom: SEND_REGS_2014_IN_FORCE,
    exceptions: [
      { reason: 'school-closure', citation: `${REGS}, reg 27(3)(a)` },
      { reason: 'early-years-closure', citation: `${REGS}, reg 27(3)(b)` },
      { reason: 'exceptional-personal-circumstances', citation: `${REGS}, reg 27(3)(c)` },
    ],
    verification: 'primary',
    judgement:
      'Only reg 27(3)(a)-(c) are held verbatim, so absence from the area is not accepted as an exception here until (d) is verified: ' +
      'showing a limit that applies is the safer error for families.',
  },
];
