import type { LocalDate } from '../../../platform/calendar/index.ts';
import type { Tx } from '../../../platform/db/connection.ts';
import { caseCalendar } from '../../cases/index.ts';
import { deriveLivingPlan, type LivingPlanState } from '../domain/living-plan-state.ts';
import { nextTransferYear } from '../domain/school-year.ts';
import { ceaseReasons } from '../infrastructure/cease-reasons.ts';
import { plansWithEvents, reviewSettings, type PlanRow } from '../infrastructure/living-plans.query.ts';
import type { StepOptions } from '../web/review-steps.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PlanCase {
  plan: PlanRow;
  state: LivingPlanState;
}

/** One case with an issued plan and its living-plan state today; undefined if not found or not visible. */
export async function loadPlanCase(tx: Tx, laCodes: readonly string[], caseId: string, today: LocalDate): Promise<PlanCase | undefined> {
  if (!UUID.test(caseId)) return undefined;
  const [plan] = await plansWithEvents(tx, { laCodes, caseId });
  if (!plan) return undefined;
  const settings = await reviewSettings(tx, plan.laCode);
  const state = deriveLivingPlan({ events: plan.events, dateOfBirth: plan.child.dateOfBirth, underFiveMonths: settings.underFiveMonths }, { today, calendar: caseCalendar() });
  return { plan, state };
}

/** Pick lists for the step forms: the council's settings, other councils, SEN2 cease reasons, transfer years. */
export async function stepOptions(tx: Tx, laCode: string, today: LocalDate): Promise<StepOptions> {
  const settings = await tx.selectFrom('settings').select(['id', 'name', 'phase']).where('la_code', '=', laCode).orderBy('name').execute();
  const councils = await tx.selectFrom('councils').select(['la_code', 'name']).orderBy('name').execute();
  const first = nextTransferYear(today);
  return {
    settings,
    councils: councils.map((c) => ({ laCode: c.la_code, name: c.name })),
    ceaseReasons: ceaseReasons(),
    transferYears: [first, first + 1],
  };
}
