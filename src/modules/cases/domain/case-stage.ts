import type { CaseEvent } from './case-events.ts';

/** Where an EHC needs assessment has got to. Derived from the events, never stored. */
export type CaseStage = 'awaiting-decision' | 'refused' | 'assessing' | 'not-issuing' | 'draft' | 'final-issued' | 'withdrawn';

export const CASE_STAGES: readonly CaseStage[] = ['awaiting-decision', 'refused', 'assessing', 'not-issuing', 'draft', 'final-issued', 'withdrawn'];

export const STAGE_NAMES: Record<CaseStage, string> = {
  'awaiting-decision': 'Awaiting decision to assess',
  refused: 'Decided not to assess',
  assessing: 'Assessing',
  'not-issuing': 'Decided not to issue a plan',
  draft: 'Draft plan sent',
  'final-issued': 'Final plan issued',
  withdrawn: 'Withdrawn',
};

export function isCaseStage(value: string): value is CaseStage {
  return (CASE_STAGES as readonly string[]).includes(value);
}

/**
 * The stage after each event, in the order they were recorded. The latest decisive event wins, so
 * a request received again after a refusal (a new request on the same case) starts over.
 */
export function stageOf(events: readonly CaseEvent[]): CaseStage {
  let stage: CaseStage = 'awaiting-decision';
  for (const e of events) {
    switch (e.type) {
      case 'request-received':
        stage = 'awaiting-decision';
        break;
      case 'decision-to-assess':
        stage = (e.data as { decision?: string }).decision === 'not-assess' ? 'refused' : 'assessing';
        break;
      case 'decision-not-to-issue':
        stage = 'not-issuing';
        break;
      case 'draft-served':
        stage = 'draft';
        break;
      case 'final-plan-issued':
        stage = 'final-issued';
        break;
      case 'request-withdrawn':
        stage = 'withdrawn';
        break;
      default:
        break;
    }
  }
  return stage;
}
