import { parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';

/**
 * What the indicators need from outside the case record: alternative provision placements (the
 * provision module) and disagreements (the disputes module), read as plain facts so the
 * definitions stay pure functions.
 */
export interface ApPlacementFact {
  startsOn: LocalDate;
  endsOn: LocalDate | null;
  outcome: string | null;
}

export interface DisputeFact {
  /** The sections of the plan the disagreement is about ("decision" when it is about a decision, not content). */
  sections: string[];
  /** The first mediation meeting, if one was held. */
  mediationOn: LocalDate | null;
  appealOn: LocalDate | null;
  /** The sections appealed ("decision" for an appeal against the decision itself). */
  appealSections: string[];
}

export interface AreaFacts {
  apPlacements: ApPlacementFact[];
  disputes: DisputeFact[];
}

export const NO_AREA_FACTS: AreaFacts = { apPlacements: [], disputes: [] };

/** One dispute's relevant events, in order, as stored. */
export interface DisputeEventFact {
  type: string;
  occurredOn: string;
  data: { sections?: unknown; grounds?: unknown };
}

export function disputeFact(events: readonly DisputeEventFact[]): DisputeFact {
  const fact: DisputeFact = { sections: [], mediationOn: null, appealOn: null, appealSections: [] };
  for (const e of events) {
    if (e.type === 'dispute-opened' && fact.sections.length === 0) {
      const sections = Array.isArray(e.data.sections) ? e.data.sections.filter((s): s is string => typeof s === 'string') : [];
      fact.sections = sections.length > 0 ? [...new Set(sections)] : ['decision'];
    } else if (e.type === 'mediation-held') {
      fact.mediationOn ??= parseLocalDate(e.occurredOn);
    } else if (e.type === 'appeal-registered' && fact.appealOn === null) {
      fact.appealOn = parseLocalDate(e.occurredOn);
      const grounds = Array.isArray(e.data.grounds) ? e.data.grounds : [];
      const sections = grounds.map((g) => (g && typeof g === 'object' && typeof (g as { section?: unknown }).section === 'string' ? (g as { section: string }).section : 'decision'));
      fact.appealSections = sections.length > 0 ? [...new Set(sections)] : ['decision'];
    }
  }
  if (fact.sections.length === 0) fact.sections = ['decision'];
  return fact;
}
