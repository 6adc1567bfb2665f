import type { CaseEvent } from './case-events.ts';
import type { ClockContext } from './case-deadlines.ts';
import { deriveCaseState, type CaseState } from './case-state.ts';
import type { CaseStage } from './case-stage.ts';

/**
 * The few facts about a case that caseloads and timeliness figures need across thousands of cases:
 * small enough to store in the projection and independent of today.
 */
export interface CaseFacts {
  stage: CaseStage;
  next?: CaseState['next'];
  requestedOn?: string;
  decidedOn?: string;
  decision?: 'assess' | 'not-assess';
  finalIssuedOn?: string;
  /** The 20-week limit did not apply because of a recorded exception (reg 13(3)). */
  finalException: boolean;
}

export function caseFacts(events: readonly CaseEvent[], ctx: ClockContext): CaseFacts {
  const state = deriveCaseState(events, ctx);
  const decision = state.deadlines.find((d) => d.key === 'decision-to-assess');
  const final = state.deadlines.find((d) => d.key === 'final-plan');
  const decisionEvent = events.filter((e): e is CaseEvent<'decision-to-assess'> => e.type === 'decision-to-assess').at(-1);
  return {
    stage: state.stage,
    ...(state.next ? { next: state.next } : {}),
    ...(state.requestedOn ? { requestedOn: state.requestedOn } : {}),
    ...(decision?.doneOn && decisionEvent ? { decidedOn: decision.doneOn, decision: decisionEvent.data.decision } : {}),
    ...(final?.doneOn ? { finalIssuedOn: final.doneOn } : {}),
    finalException: final?.exception !== undefined,
  };
}
