// The demo area's public face: calibrated synthetic local areas, the council reference data and
// the demo sign-ins. Everything else in this module is internal.
export { seedLocalArea, isSeeded, DEFAULT_SEED } from './application/seed-local-area.ts';
export type { SeedLocalAreaOptions, SeedLocalAreaResult } from './application/seed-local-area.ts';
export { loadCouncils, DEFAULT_REFERENCE_DIR } from './infrastructure/reference-data.loader.ts';
export { readCouncils, readCalibrationSources } from './infrastructure/reference-files.ts';
export { AlreadySeededError } from './infrastructure/demo-area.loader.ts';
export type { RowCounts } from './infrastructure/demo-area.loader.ts';
export { readCalibration, NEED_CODES, SETTING_GROUPS } from './domain/calibration.ts';
export type { Calibration, CalibrationSources, NeedCode, SettingGroup } from './domain/calibration.ts';
export { UnknownCouncilError, findCouncil, parseCouncils } from './domain/council.ts';
export type { Council } from './domain/council.ts';
export { DEMO_PASSWORD, demoEmail } from './domain/demo-accounts.ts';
export type { DemoAccount } from './domain/demo-area-rows.ts';
export { generateDemoArea } from './domain/generator.ts';
export { listDemoAccounts } from './infrastructure/demo-accounts.query.ts';
export { seedNational } from './application/seed-national.ts';
export type { SeedNationalOptions, SeedNationalResult, NationalProgress } from './application/seed-national.ts';
export { scaleCalibration } from './domain/national-scale.ts';
