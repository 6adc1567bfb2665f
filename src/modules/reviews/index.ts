// The reviews module's public face: living plans after issue (annual reviews, amendments, phase
// transfers, moves between councils, reassessment and ceasing). Other modules import only this.
export { registerReviewRoutes } from './web/reviews.routes.ts';
export { deriveLivingPlan, type LivingPlanState, type ReviewNotice } from './domain/living-plan-state.ts';
export { PHASE_ROUTES, routeFor, type PhaseRoute } from './domain/phase-transfer-cohorts.ts';
export { ageOn31August, nextTransferYear, yearGroup, yearGroupName } from './domain/school-year.ts';
export { seedLivingPlans, type SeedLivingPlansResult } from './application/seed-living-plans.ts';
