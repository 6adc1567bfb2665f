/**
 * The finance module's public face: the high-needs budget (allocation, lines, tariffs, committed
 * and actual spend, variance), the five-year DSG forecast with its back-test error, scenarios
 * against the baseline with Safety Valve / DBV targets, and place planning. Aggregates only.
 * financeOverview and costPerPlan keep their shape: extend them, don't break them.
 */
export { financeOverview, costPerPlan, costPerPlanForYears, type FinanceOverview } from './application/finance-overview.ts';
export { LINES, LINE_NAMES, SPECIALIST_LINES, type Line } from './domain/money-lines.ts';
export { yearLabel, financialYearOf } from './domain/financial-year.ts';
export { PHASES as PLANNING_PHASES, PHASE_NAMES as PLANNING_PHASE_NAMES, type GapRow, type PlanningPhase } from './domain/place-gap.ts';
export { SCENARIO_KIND_NAMES, type ScenarioResult, type ScenarioChange, type Target } from './domain/scenarios.ts';
export type { BudgetPosition, BudgetLineRow } from './domain/budget-variance.ts';
export type { BackTest } from './domain/demand-model.ts';
export type { ForecastYear } from './domain/dsg-forecast.ts';
export { registerFinanceRoutes } from './web/finance.routes.ts';
export { seedFinance } from './application/seed-finance.ts';
export { importLedgerCsv, type LedgerImportOutcome } from './application/import-ledger.ts';
