/**
 * The planning module's public face (issue 12): the local inclusion plan and the area SEND
 * inspection evidence pack, generated from the council's records and the partnership's own
 * priorities, actions and self-evaluation; HTML pages and tagged PDFs; and the demo seed.
 */
export { registerPlanningRoutes } from './web/planning.routes.ts';
export { seedPlanning } from './application/seed-planning.ts';
export { gatherPlanningFacts } from './application/gather-planning-facts.ts';
export { buildInclusionPlan } from './domain/inclusion-plan.ts';
export { buildEvidencePack } from './domain/evidence-pack.ts';
export { renderPdf as renderPlanningPdf } from './infrastructure/pdf-writer.ts';
export type { PlanningDocument } from './domain/planning-document.ts';
