import { addDays, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { LADDER_STEPS, type Ladder, type LadderStepId } from './partner-duties.ts';
import type { Obligation } from './obligation.ts';

export interface StepToTake {
  step: LadderStepId;
  /** The day the ladder says the step falls due (the job may run later: it records both). */
  stepDueOn: LocalDate;
}

/**
 * The ladder steps an obligation has reached by `today` and not yet taken. Nothing climbs once the
 * duty is done or an exception applies. The reminder exists to prevent lateness, so it is only
 * sent while the duty is not yet overdue; every later step is taken even if the job missed days,
 * each once (the caller records which were taken).
 */
export function stepsDue(o: Obligation, ladder: Ladder, today: LocalDate, taken: ReadonlySet<LadderStepId>): StepToTake[] {
  if (o.doneOn !== undefined || o.exception) return [];
  const due = parseLocalDate(o.dueIso);
  const steps: StepToTake[] = [];
  for (const step of LADDER_STEPS) {
    const stepDueOn = addDays(due, ladder[step]);
    if (stepDueOn > today || taken.has(step)) continue;
    if (step === 'reminder' && today > due) continue;
    steps.push({ step, stepDueOn });
  }
  return steps;
}

/** The highest step taken, for a list of late work: "Senior manager told on 3 March". */
export function highestStep(taken: readonly { step: string }[]): LadderStepId | undefined {
  let best = -1;
  for (const t of taken) best = Math.max(best, LADDER_STEPS.indexOf(t.step as LadderStepId));
  return best >= 0 ? LADDER_STEPS[best] : undefined;
}

/**
 * The steps a duty would have climbed had the daily job run on every day up to `today`: for the
 * demo council's history. A step is taken on its own day, and only while the duty was still not done.
 */
export function historicalSteps(o: Obligation, ladder: Ladder, today: LocalDate): StepToTake[] {
  if (o.exception) return [];
  const due = parseLocalDate(o.dueIso);
  const done = o.doneOn !== undefined ? parseLocalDate(o.doneOn) : undefined;
  return LADDER_STEPS.map((step) => ({ step, stepDueOn: addDays(due, ladder[step]) }))
    .filter((s) => s.stepDueOn <= today && (done === undefined || s.stepDueOn < done) && s.stepDueOn >= parseLocalDate(o.askedOn));
}
