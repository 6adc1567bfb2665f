import type { LocalDate } from '../../../platform/calendar/index.ts';
import type { WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline, computeDue, DEFAULT_RULE_BOOK, type StatutoryRule } from '../../statutory/index.ts';
import { routeFor } from '../../reviews/index.ts';
import type { StatutoryDeadlines } from '../domain/indicator-measures.ts';

/**
 * The statutory clock as the indicator definitions need it. A clock started before the SEND
 * Regulations 2014 (historic plans converted from statements) is judged by the first version of the
 * rule: the periods have not changed, and the indicators must not fail on old history.
 */
export function statutoryDeadlines(calendar: WorkingDayCalendar): StatutoryDeadlines {
  const ruleAt = (id: string, from: LocalDate): StatutoryRule => {
    const versions = DEFAULT_RULE_BOOK.versions(id);
    const first = versions[0];
    if (!first) throw new Error(`The statutory clock has no rule ${id}.`);
    return from < first.effectiveFrom ? first : DEFAULT_RULE_BOOK.resolve(id, from);
  };
  const due = (id: string) => (from: LocalDate): LocalDate => computeDue(ruleAt(id, from).period, { from }, calendar);
  return {
    decisionToAssess: due('decision-to-assess'),
    finalPlan: due('final-plan'),
    advice: due('advice'),
    annualReview: due('annual-review'),
    phaseTransferDue: (dateOfBirth, settingPhase, transferYear) => {
      const route = routeFor({ dateOfBirth, settingPhase }, transferYear);
      if (!route?.clockRoute) return undefined;
      // Before the 2014 Regulations there was no reg 18(1) date to judge against.
      if (transferYear < 2015) return undefined;
      return computeDeadline({ ruleId: 'phase-transfer', year: transferYear, route: route.clockRoute }, calendar).due;
    },
  };
}
