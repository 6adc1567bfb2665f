export { registerCaseRecordRoutes } from './web/case-record.routes.ts';
export { childrenOfFamilyMember, casesOfCaseworker, findCase, type CaseRecord } from './infrastructure/case-read.repository.ts';
export { eventLabel } from './domain/event-labels.ts';
export * from './domain/case-events.ts';
