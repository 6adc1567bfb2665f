import type { LocalDate } from '../../../platform/calendar/index.ts';
import type { TransferRoute } from '../../statutory/index.ts';
import { ageOn31August } from './school-year.ts';

export type PhaseRoute = 'early-years-to-school' | 'infant-to-junior' | 'primary-to-secondary' | 'secondary-to-post16' | 'post16-onwards';

export interface PhaseRouteDefinition {
  id: PhaseRoute;
  name: string;
  /** Age on 31 August of the transfer year of a child starting the next phase that September. */
  ageOn31August: number;
  /** The statutory clock's route for reg 18(1); undefined where reg 18(1) sets no date. */
  clockRoute?: TransferRoute;
  /** For routes that only some children take (infant → junior): the current setting's phase must match. */
  settingPhase?: RegExp;
}

/**
 * The transfers between phases (SEND Regulations 2014 reg 2(1)) and the age on 31 August at which
 * a child makes each one. Secondary → post-16 is reviewed by 31 March, the others by 15 February
 * (reg 18(1)). Moving on from post-16 is not a "transfer between phases" in reg 2(1), so the clock
 * has no date for it: it is listed so nobody is forgotten, with no statutory date shown.
 */
export const PHASE_ROUTES: readonly PhaseRouteDefinition[] = [
  { id: 'early-years-to-school', name: 'Early years to school (Reception)', ageOn31August: 4, clockRoute: 'other' },
  { id: 'infant-to-junior', name: 'Infant to junior school (Year 3)', ageOn31August: 7, clockRoute: 'other', settingPhase: /infant/i },
  { id: 'primary-to-secondary', name: 'Primary to secondary school (Year 7)', ageOn31August: 11, clockRoute: 'other' },
  { id: 'secondary-to-post16', name: 'Secondary school to post-16 (Year 12)', ageOn31August: 16, clockRoute: 'post16' },
  { id: 'post16-onwards', name: 'Moving on from post-16', ageOn31August: 18 },
];

export function phaseRoute(id: string): PhaseRouteDefinition | undefined {
  return PHASE_ROUTES.find((r) => r.id === id);
}

export interface CohortCandidate {
  dateOfBirth: LocalDate;
  /** The phase of the current setting (GIAS wording, e.g. "Infant", "Primary"), if placed. */
  settingPhase?: string | undefined;
}

/**
 * The route a child takes in September of `transferYear`, if any. Early years → school counts a
 * child with no setting too (many are at home or with a childminder); infant → junior only counts
 * children at an infant school, since a primary school keeps them.
 */
export function routeFor(candidate: CohortCandidate, transferYear: number): PhaseRouteDefinition | undefined {
  const age = ageOn31August(candidate.dateOfBirth, transferYear);
  return PHASE_ROUTES.find((r) => r.ageOn31August === age && (!r.settingPhase || (candidate.settingPhase !== undefined && r.settingPhase.test(candidate.settingPhase))));
}

/** At risk: no named setting, and the deadline is within `weeks` weeks or has passed. */
export function isAtRisk(input: { named: boolean; due: LocalDate | undefined; today: LocalDate; weeks: number }): boolean {
  if (input.named || input.due === undefined) return false;
  return input.due - input.today <= input.weeks * 7;
}
