// Records: retention rules, legal holds, the deletion job and subject access exports.
export { runRetention } from './application/retention-run.ts';
export type { RetentionReport } from './application/retention-run.ts';
export { findDue } from './application/retention-due.ts';
export { subjectAccessBundle } from './application/subject-access.ts';
export type { SubjectAccessBundle } from './application/subject-access.ts';
export { loadChildDataMap, KEPT_TABLES } from './infrastructure/child-data-map.ts';
export { placeHold } from './infrastructure/retention.repository.ts';
export { registerRecordsRoutes } from './web/records.routes.ts';
