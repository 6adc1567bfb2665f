// Insight's public face: the dashboard routes, the indicator catalogue and the computation the CLI uses.
export { registerInsightRoutes } from './web/insight.routes.ts';
export { registerNationalRoutes } from './web/national.routes.ts';
export { registerInsightApiRoutes } from './web/insight-api.routes.ts';
export { INDICATORS, INDICATOR_IDS, findIndicator, type IndicatorDefinition, type IndicatorId } from './domain/indicator-catalogue.ts';
export { councilRange, lastCompleteYear } from './application/council-indicators.ts';
export { statutoryDeadlines } from './application/statutory-deadlines.ts';
export type { IndicatorValue } from './domain/indicator-measures.ts';
// Read-only, for the planning module's published documents (issue 12).
export { suppressTable, suppressRate, SUPPRESSED_MARK } from './domain/disclosure-control.ts';
export { latestNarratives, type Narrative } from './infrastructure/narrative.repository.ts';
export { categoryLabel } from './web/category-labels.ts';
export { costPerPlanSeries, financialYearsStartingIn, recentFinancialYears, type CostPerPlanRow } from './application/cost-per-plan.ts';
