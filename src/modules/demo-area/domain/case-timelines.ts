import type { Calibration, NeedCode } from './calibration.ts';
import type { Random } from './prng.ts';
import { toDay, type Day } from './dates.ts';

/**
 * The dated steps of one EHC needs assessment, before ids and sequence numbers are attached.
 * Timelines are built in statutory order and every date is at or after the one before it and
 * never after `today`, so the stage and deadlines derived from them are always coherent.
 */
export interface TimelineStep {
  type: string;
  day: Day;
  data: Record<string, unknown>;
}

export type OpenStage = 'awaiting-decision' | 'refused' | 'assessing' | 'draft-served' | 'issued';

export interface Rates {
  /** Share of decisions that were "not to assess". */
  refuse: number;
  /** Share of decisions made within 6 weeks. */
  withinSixWeeks: number;
  /** Share of issued plans with an exception recorded. */
  exceptions: number;
  /** Share issued within 20 weeks, for plans without and with exceptions. */
  within20: number;
  within20WithException: number;
}

const ratio = (a: number, b: number, fallback: number): number => (b > 0 ? Math.min(1, Math.max(0, a / b)) : fallback);

export function ratesFrom(c: Calibration): Rates {
  const t = c.timeliness;
  const exceptionPlans = t.issued - t.issuedExcludingExceptions;
  return {
    refuse: ratio(c.requests.decidedNotToAssess, c.requests.decidedToAssess + c.requests.decidedNotToAssess, 0.3),
    withinSixWeeks: ratio(c.requests.withinSixWeeks, c.requests.withinSixWeeks + c.requests.overSixWeeks, 0.8),
    exceptions: ratio(exceptionPlans, t.issued, 0.05),
    within20: ratio(t.within20WeeksExcludingExceptions, t.issuedExcludingExceptions, ratio(t.within20Weeks, t.issued, 0.5)),
    within20WithException: ratio(t.within20Weeks - t.within20WeeksExcludingExceptions, exceptionPlans, 0.5),
  };
}

const REFUSAL_REASONS = [
  ['needs-can-be-met-from-ordinarily-available-provision'],
  ['insufficient-evidence-of-graduated-approach'],
  ['needs-can-be-met-from-ordinarily-available-provision', 'insufficient-evidence-of-graduated-approach'],
] as const;

export const ADVICE_KINDS = ['education', 'health', 'social-care', 'educational-psychology'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

export interface TimelineInput {
  request: Day;
  today: Day;
  source: string;
  primaryNeed: NeedCode;
  settingId: string | null;
  adviceFrom: Record<AdviceKind, string>;
  refused: boolean;
  decisionAfter: number;
  exception: boolean;
  within20: boolean;
  /** Force the plan to be issued later than this many days after the request (deliberately overdue). */
  finalAfter?: number;
}

/** Builds one case's steps up to `today`; returns the stage it has reached. */
export function buildTimeline(input: TimelineInput, random: Random): { steps: TimelineStep[]; stage: OpenStage } {
  const { request, today } = input;
  const steps: TimelineStep[] = [{ type: 'request-received', day: request, data: { source: input.source } }];
  const at = (offset: number): Day => request + offset;
  const decision = at(input.decisionAfter);
  if (decision > today) return { steps, stage: 'awaiting-decision' };
  if (input.refused) {
    steps.push({ type: 'decision-to-assess', day: decision, data: { decision: 'not-assess', reasons: [...random.pick(REFUSAL_REASONS)] } });
    return { steps, stage: 'refused' };
  }
  steps.push({ type: 'decision-to-assess', day: decision, data: { decision: 'assess' } });
  const finalOffset = input.finalAfter ?? (input.within20 ? random.int(100, 140) : random.int(145, 260));
  const asked = decision + random.int(1, 5);
  // A late decision leaves less time: advice needs at least a few weeks before the draft.
  const draft = Math.max(asked + 25, at(finalOffset - random.int(15, 28)));
  const final = Math.max(draft + 7, at(finalOffset));
  const advice = ADVICE_KINDS.map((kind) => ({ kind, id: random.uuid(), due: Math.min(draft, asked + random.int(21, 45)), late: random.chance(0.15) }));
  const later: TimelineStep[] = [];
  for (const a of advice) {
    if (asked > today) break;
    steps.push({ type: 'advice-requested', day: asked, data: { adviceId: a.id, adviceKind: a.kind, organisationId: input.adviceFrom[a.kind] } });
    // Advice still outstanding is only plausible before the draft goes out.
    if (a.due <= today && (draft <= today || !a.late)) later.push({ type: 'advice-received', day: a.due, data: { adviceId: a.id } });
  }
  if (input.exception) {
    const day = Math.min(draft, decision + random.int(10, 40));
    if (day <= today) later.push({ type: 'exception-recorded', day, data: { reason: 'exceptional-personal-circumstances' } });
  }
  steps.push(...later.sort((a, b) => a.day - b.day));
  if (draft > today) return { steps, stage: 'assessing' };
  steps.push({ type: 'draft-served', day: draft, data: {} });
  if (final > today) return { steps, stage: 'draft-served' };
  steps.push({ type: 'final-plan-issued', day: final, data: { primaryNeed: input.primaryNeed, secondaryNeeds: [], settingId: input.settingId } });
  return { steps, stage: 'issued' };
}

export interface HistoricInput {
  final: Day;
  today: Day;
  durationDays: number;
  withinSixWeeks: boolean;
  exception: boolean;
  source: string;
  primaryNeed: NeedCode;
  settingId: string | null;
}

const EHCP_REGIME_START: Day = toDay('2014-09-01');

/** A plan issued in the past: request → decision → (exception) → draft → final, then yearly reviews. */
export function buildHistoricTimeline(input: HistoricInput, random: Random): TimelineStep[] {
  // EHC plans exist from 1 September 2014 (CFA 2014 Part 3 commencement). An older plan in place
  // would have been converted from a statement; we date its request on or after that day so every
  // clock runs under the law it is computed with.
  const request = Math.max(input.final - input.durationDays, EHCP_REGIME_START);
  input = { ...input, final: request + input.durationDays };
  const decision = request + (input.withinSixWeeks ? random.int(25, 42) : random.int(43, Math.min(75, input.durationDays - 30)));
  const draft = input.final - random.int(14, Math.min(28, input.final - decision - 2));
  const steps: TimelineStep[] = [
    { type: 'request-received', day: request, data: { source: input.source } },
    { type: 'decision-to-assess', day: decision, data: { decision: 'assess' } },
  ];
  if (input.exception) steps.push({ type: 'exception-recorded', day: random.int(decision, draft), data: { reason: 'exceptional-personal-circumstances' } });
  steps.push({ type: 'draft-served', day: draft, data: {} });
  steps.push({ type: 'final-plan-issued', day: input.final, data: { primaryNeed: input.primaryNeed, secondaryNeeds: [], settingId: input.settingId } });
  for (let k = 1; ; k += 1) {
    const review = input.final + 365 * k + random.int(-20, 20);
    if (review > input.today) break;
    steps.push({ type: 'annual-review-held', day: review, data: {} });
  }
  return steps;
}
