export { registerCaseRecordRoutes } from './web/case-record.routes.ts';
export { registerCaseRoutes } from './web/case-routes.ts';
export { timeliness, type Timeliness, type TimelinessCase, type TimelinessPeriod } from './domain/timeliness.ts';
export { childrenOfFamilyMember, casesOfCaseworker, findCase, type CaseRecord } from './infrastructure/case-read.repository.ts';
export {
  appendCaseEvent, loadCaseEvents, CaseNotFoundError, StaleCaseVersionError, type AppendCaseEvent, type AppendedCaseEvent,
} from './infrastructure/case-events.repository.ts';
export { refreshStaleProjections } from './infrastructure/case-projection.repository.ts';
export { caseCalendar } from './infrastructure/clock-calendar.ts';
export { eventLabel } from './domain/event-labels.ts';
export { deriveCaseState, type CaseState, type AdviceItem, type ConsultationItem, type DecisionNotice } from './domain/case-state.ts';
export type { CaseDeadline, CaseDeadlineStatus, ClockContext, DeadlineOwner } from './domain/case-deadlines.ts';
export { caseFacts, type CaseFacts } from './domain/case-facts.ts';
export { CASE_STAGES, STAGE_NAMES, stageOf, type CaseStage } from './domain/case-stage.ts';
export * from './domain/case-events.ts';
export { caseRecordQuery } from './infrastructure/case-record.query.ts';
