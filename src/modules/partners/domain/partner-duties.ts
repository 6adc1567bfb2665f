import { localDate } from '../../../platform/calendar/index.ts';
import { RULE_CATALOGUE, RuleBook, type StatutoryRule } from '../../statutory/index.ts';

/**
 * What partners must do, as data: each duty names the clock that sets its due date (a rule of the
 * statutory clock, so due dates come from computeDeadline with its explanation), where it comes
 * from (the law, statutory guidance or the local partnership agreement), which kinds of partner it
 * falls on, how an instance of it is held, and its default escalation ladder. Councils add local
 * duties (partner_local_duties) and their own ladders (partner_ladders) on top.
 *
 * Verification: reg 8(1) and the review dates are rules of the statutory catalogue (see
 * docs/statutory-clock.md for how each was checked). The 15-day consultation response is guidance
 * ("should", SEND Code of Practice 2015, para 9.79) read from a secondary source; the provision start
 * periods are this product's default local agreement, not law: a council changes them locally.
 */
export type PartnerKind = 'icb' | 'social-care' | 'school' | 'academy-trust' | 'early-years' | 'post-16' | 'educational-psychology' | 'alternative-provision';

export const PARTNER_KINDS: readonly PartnerKind[] = ['icb', 'social-care', 'school', 'academy-trust', 'early-years', 'post-16', 'educational-psychology', 'alternative-provision'];

export const PARTNER_KIND_NAMES: Record<PartnerKind, string> = {
  icb: 'Integrated care board (health)',
  'social-care': 'Social care',
  school: 'School',
  'academy-trust': 'Academy trust',
  'early-years': 'Early years provider',
  'post-16': 'Post-16 provider',
  'educational-psychology': 'Educational psychology',
  'alternative-provision': 'Alternative provision',
};

export function isPartnerKind(kind: string): kind is PartnerKind {
  return (PARTNER_KINDS as readonly string[]).includes(kind);
}

export const LADDER_STEPS = ['reminder', 'designated-officer', 'senior-manager', 'partnership-board'] as const;
export type LadderStepId = (typeof LADDER_STEPS)[number];

export const LADDER_STEP_NAMES: Record<LadderStepId, string> = {
  reminder: 'Reminder to the partner',
  'designated-officer': 'Designated officer told',
  'senior-manager': "Partner's senior manager told",
  'partnership-board': 'Reported to the partnership board',
};

/** A ladder: for each step, the days from the due date when it is taken (negative: before it is due). */
export type Ladder = Record<LadderStepId, number>;

export type SourceKind = 'law' | 'guidance' | 'local-agreement';
export const SOURCE_KIND_NAMES: Record<SourceKind, string> = { law: 'Law', guidance: 'Statutory guidance', 'local-agreement': 'Local partnership agreement' };

/** How an instance of the duty is held: a case event, a partnership request, or a commitment. */
export type DutyHolding = 'advice' | 'consultation' | 'request' | 'commitment';

export interface PartnerDuty {
  id: string;
  name: string;
  /** What the partner must do, as their tray says it. */
  action: string;
  appliesTo: readonly PartnerKind[];
  ruleId: string;
  sources: readonly { kind: SourceKind; citation: string }[];
  holding: DutyHolding;
  ladder: Ladder;
  local?: boolean;
}

const IN_FORCE = localDate(2014, 9, 1);
const REGS = 'SEND Regulations 2014';

/** Clocks only partners run. The advice clock (reg 8) is already in the statutory catalogue. */
export const PARTNER_RULES: readonly StatutoryRule[] = [
  {
    id: 'partner-consultation-response',
    name: 'Respond to the consultation on naming a school or college',
    startingEvent: 'The setting receives the draft plan and the request to be named',
    startPhrase: 'when the setting was consulted',
    period: { kind: 'calendar', amount: 15, unit: 'days', counting: 'within' },
    citation: 'SEND Code of Practice 2015, para 9.79 (guidance: the setting "should respond within 15 days")',
    familyWording: 'The school or college we consulted should reply by {due}.',
    effectiveFrom: IN_FORCE,
    exceptions: [],
    verification: 'secondary',
    judgement: 'Guidance, not a regulation: we treat the 15 days as calendar days counted from the day after the consultation was sent.',
  },
  {
    id: 'partner-review-advice',
    name: 'Send advice for an annual review',
    startingEvent: 'The review meeting (counted back from its date)',
    startPhrase: 'the review meeting',
    period: { kind: 'before', amount: 2, unit: 'weeks' },
    citation: `${REGS}, reg 20(4) (the council circulates the advice at least two weeks before the meeting)`,
    familyWording: 'Advice for the review must reach the council by {due}.',
    effectiveFrom: IN_FORCE,
    exceptions: [],
    verification: 'partly-primary',
    judgement: 'reg 20(4) binds the council; a partner whose advice arrives later stops the council meeting it, so the date is the same.',
  },
  {
    id: 'partner-review-attendance',
    name: 'Attend the annual review meeting',
    startingEvent: 'The review meeting',
    startPhrase: 'the review meeting',
    period: { kind: 'before', amount: 0, unit: 'days' },
    citation: `${REGS}, reg 20(2) (who is invited); attendance is a local partnership agreement`,
    familyWording: 'The review meeting is on {due}.',
    effectiveFrom: IN_FORCE,
    exceptions: [],
    verification: 'secondary',
  },
  {
    id: 'partner-provision-start',
    name: 'Start provision committed in the plan',
    startingEvent: 'The partner commits to provision in Section G, H1 or H2 of a plan',
    startPhrase: 'when the provision was committed',
    period: { kind: 'calendar', amount: 4, unit: 'weeks', counting: 'within' },
    citation: 'Local partnership agreement (default: provision starts within 4 weeks of the final plan)',
    familyWording: 'The provision in the plan should start by {due}.',
    effectiveFrom: IN_FORCE,
    exceptions: [],
    verification: 'secondary',
  },
];

const ALL_KINDS = PARTNER_KINDS;
const SETTINGS: readonly PartnerKind[] = ['school', 'academy-trust', 'early-years', 'post-16', 'alternative-provision'];

export const PARTNER_DUTIES: readonly PartnerDuty[] = [
  {
    id: 'advice', name: 'Advice for an EHC needs assessment', action: 'Send advice and information', appliesTo: ALL_KINDS, ruleId: 'advice', holding: 'advice',
    sources: [{ kind: 'law', citation: `${REGS}, reg 6(1) (who is asked) and reg 8(1) (within 6 weeks)` }],
    ladder: { reminder: -7, 'designated-officer': 1, 'senior-manager': 15, 'partnership-board': 29 },
  },
  {
    id: 'consultation-response', name: 'Response to a consultation on naming a setting', action: 'Say whether you can meet the needs', appliesTo: SETTINGS, ruleId: 'partner-consultation-response', holding: 'consultation',
    sources: [{ kind: 'law', citation: 'Children and Families Act 2014, s39(2) (the council must consult)' }, { kind: 'guidance', citation: 'SEND Code of Practice 2015, para 9.79 (respond within 15 days)' }],
    ladder: { reminder: -3, 'designated-officer': 1, 'senior-manager': 8, 'partnership-board': 15 },
  },
  {
    id: 'health-provision', name: 'Health provision in Section G', action: 'Start the health provision in the plan', appliesTo: ['icb'], ruleId: 'partner-provision-start', holding: 'commitment',
    sources: [{ kind: 'law', citation: 'Children and Families Act 2014, s42(3) (the commissioning body must arrange the health provision specified)' }, { kind: 'local-agreement', citation: 'Start within 4 weeks of the plan' }],
    ladder: { reminder: -7, 'designated-officer': 1, 'senior-manager': 15, 'partnership-board': 29 },
  },
  {
    id: 'social-care-provision', name: 'Social care provision in Sections H1 and H2', action: 'Start the social care provision in the plan', appliesTo: ['social-care'], ruleId: 'partner-provision-start', holding: 'commitment',
    sources: [{ kind: 'law', citation: 'Chronically Sick and Disabled Persons Act 1970, s2 (H1); Children Act 1989, Part 3 (H2)' }, { kind: 'local-agreement', citation: 'Start within 4 weeks of the plan' }],
    ladder: { reminder: -7, 'designated-officer': 1, 'senior-manager': 15, 'partnership-board': 29 },
  },
  {
    id: 'review-advice', name: 'Advice for an annual review', action: 'Send advice for the review', appliesTo: ALL_KINDS, ruleId: 'partner-review-advice', holding: 'request',
    sources: [{ kind: 'law', citation: `${REGS}, reg 20(4)` }],
    ladder: { reminder: -7, 'designated-officer': 1, 'senior-manager': 8, 'partnership-board': 15 },
  },
  {
    id: 'review-attendance', name: 'Attendance at an annual review', action: 'Attend the review meeting', appliesTo: ALL_KINDS, ruleId: 'partner-review-attendance', holding: 'request',
    sources: [{ kind: 'law', citation: `${REGS}, reg 20(2)` }, { kind: 'local-agreement', citation: 'Partners invited attend, or send a written contribution' }],
    ladder: { reminder: -7, 'designated-officer': 1, 'senior-manager': 8, 'partnership-board': 15 },
  },
];

export const DEFAULT_LOCAL_LADDER: Ladder = { reminder: -7, 'designated-officer': 1, 'senior-manager': 15, 'partnership-board': 29 };

export interface LocalDutyRow { id: string; name: string; periodDays: number; source: string }

const localRuleId = (id: string) => `local-${id}`;

/** A council's local duty as a duty and a clock (calendar days from the request). */
export function localDuty(row: LocalDutyRow): { duty: PartnerDuty; rule: StatutoryRule } {
  return {
    duty: {
      id: localRuleId(row.id), name: row.name, action: row.name, appliesTo: ALL_KINDS, ruleId: localRuleId(row.id), holding: 'request', local: true,
      sources: [{ kind: 'local-agreement', citation: row.source }], ladder: DEFAULT_LOCAL_LADDER,
    },
    rule: {
      id: localRuleId(row.id), name: row.name, startingEvent: 'The council asks the partner', startPhrase: 'when the partner was asked',
      period: { kind: 'calendar', amount: row.periodDays, unit: 'days', counting: 'within' },
      citation: `Local partnership agreement: ${row.source}`, familyWording: `${row.name} by {due}.`,
      effectiveFrom: IN_FORCE, exceptions: [], verification: 'secondary',
    },
  };
}

/** The duties in force in one council: the national ones and its local ones, with one rule book for all. */
export interface DutyBook {
  duties: readonly PartnerDuty[];
  book: RuleBook;
  find(id: string): PartnerDuty | undefined;
}

export function dutyBook(local: readonly LocalDutyRow[] = [], ladders: ReadonlyMap<string, Ladder> = new Map()): DutyBook {
  const locals = local.map(localDuty);
  const duties = [...PARTNER_DUTIES, ...locals.map((l) => l.duty)].map((d) => ({ ...d, ladder: ladders.get(d.id) ?? d.ladder }));
  const book = new RuleBook([...RULE_CATALOGUE, ...PARTNER_RULES, ...locals.map((l) => l.rule)]);
  return { duties, book, find: (id) => duties.find((d) => d.id === id) };
}

/** A ladder's steps must come in order: each step no earlier than the one before. */
export function checkLadder(ladder: Ladder): string | undefined {
  for (let i = 1; i < LADDER_STEPS.length; i++) {
    if (ladder[LADDER_STEPS[i]!] < ladder[LADDER_STEPS[i - 1]!]) return `${LADDER_STEP_NAMES[LADDER_STEPS[i]!]} must come on or after ${LADDER_STEP_NAMES[LADDER_STEPS[i - 1]!].toLowerCase()}`;
  }
  return undefined;
}

export function isLadder(value: unknown): value is Ladder {
  return typeof value === 'object' && value !== null && LADDER_STEPS.every((s) => Number.isInteger((value as Record<string, unknown>)[s]));
}
