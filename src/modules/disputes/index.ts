/**
 * The disputes module's public face: disagreements with appealable decisions, mediation and the
 * SEND Tribunal, each tied to its case, on the statutory clock; and its seed for the demo council.
 */
export { registerDisputeRoutes } from './web/disputes.routes.ts';
export { seedDisputes } from './application/seed-disputes.ts';
export { deriveDisputeState, type DisputeState } from './domain/dispute-state.ts';
export { TRIBUNAL_ORDER_RULES, DISPUTE_RULE_BOOK, ORDER_KINDS } from './domain/tribunal-order-rules.ts';
export * from './domain/dispute-events.ts';
// Read-only, for the planning module's evidence pack (issue 12).
export { loadDisputeViews } from './application/dispute-views.ts';
export { analyseDisputes, type DisputeAnalysis } from './domain/dispute-analysis.ts';
export { appealableDecisions } from './infrastructure/appealable-decisions.query.ts';
