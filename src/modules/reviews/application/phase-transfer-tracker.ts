import { formatIsoDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import { isAtRisk, PHASE_ROUTES, routeFor, type PhaseRoute } from '../domain/phase-transfer-cohorts.ts';
import { deriveLivingPlan } from '../domain/living-plan-state.ts';
import { yearGroup, yearGroupName } from '../domain/school-year.ts';
import type { PlanRow } from '../infrastructure/living-plans.query.ts';

export interface CohortMember {
  plan: PlanRow;
  yearGroupNow: string;
  named?: { settingName?: string; on: string };
  atRisk: boolean;
  overdue: boolean;
}

export interface Cohort {
  route: PhaseRoute;
  name: string;
  /** Undefined where reg 18(1) sets no date (moving on from post-16). */
  due?: { iso: string; explanation: string };
  members: CohortMember[];
  named: number;
  atRisk: number;
}

/**
 * The children with maintained plans due to change phase in September of `transferYear`, by route,
 * each route with its reg 18(1) deadline from the statutory clock, who has a named setting for that
 * transfer, and who is at risk (nothing named within `atRiskWeeks` of the deadline, or past it).
 */
export function phaseTransferCohorts(plans: readonly PlanRow[], input: { transferYear: number; today: LocalDate; calendar: WorkingDayCalendar; atRiskWeeks: number; underFiveMonths: number }): Cohort[] {
  const cohorts = PHASE_ROUTES.map((r): Cohort => {
    const due = r.clockRoute ? computeDeadline({ ruleId: 'phase-transfer', year: input.transferYear, route: r.clockRoute }, input.calendar) : undefined;
    return { route: r.id, name: r.name, ...(due ? { due: { iso: formatIsoDate(due.due), explanation: due.explanation } } : {}), members: [], named: 0, atRisk: 0 };
  });
  for (const plan of plans) {
    const dob = parseLocalDate(plan.child.dateOfBirth);
    const route = routeFor({ dateOfBirth: dob, settingPhase: plan.setting?.phase }, input.transferYear);
    if (!route) continue;
    const state = deriveLivingPlan({ events: plan.events, dateOfBirth: plan.child.dateOfBirth, underFiveMonths: input.underFiveMonths }, { today: input.today, calendar: input.calendar });
    if (state.status !== 'maintained') continue;
    const cohort = cohorts.find((c) => c.route === route.id)!;
    const named = state.phaseNamed.filter((n) => n.transferYear === input.transferYear).at(-1);
    const due = cohort.due ? parseLocalDate(cohort.due.iso) : undefined;
    const atRisk = isAtRisk({ named: named !== undefined, due, today: input.today, weeks: input.atRiskWeeks });
    cohort.members.push({
      plan,
      yearGroupNow: yearGroupName(yearGroup(dob, input.transferYear - 1)),
      ...(named ? { named: { on: named.on, ...(named.settingName ? { settingName: named.settingName } : {}) } } : {}),
      atRisk,
      overdue: !named && due !== undefined && input.today > due,
    });
    if (named) cohort.named += 1;
    if (atRisk) cohort.atRisk += 1;
  }
  // At-risk children first, so the tracker opens on who needs action.
  for (const c of cohorts) c.members.sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || a.plan.child.familyName.localeCompare(b.plan.child.familyName));
  return cohorts;
}
