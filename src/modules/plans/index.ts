/**
 * The plans module's public face: the EHC plan document, its published JSON Schema, validation,
 * the quality checklist, versions and diffs, and plain-English wording. Everything here is pure;
 * storage, pages and PDF build on it.
 */
export type {
  AboutMe, AdviceItem, AdviceSource, BroadArea, ChildDetails, ConfirmableProvisionSection, ConfirmableSectionKey,
  Deliverer, EducationalNeed, Frequency, FrequencyPeriod, FundingSource, IsoDate, LocalAuthority, NamedPlacement,
  Need, NeedsSection, NoNeedsConfirmation, Outcome, Person, PersonalBudgetItem, PersonalBudgetKind, Placement,
  PlanDocument, PlanSections, PlanStatus, PreparingForAdulthood, ProvisionItem, ProvisionSection,
  ProvisionSectionKey, SectionA, SectionAAuthor, SectionKey, Sen2NeedCode, Sen2SettingCode, SettingType,
  TypeOnlyPlacement,
} from './domain/plan-document.ts';
export {
  ADVICE_SOURCES, BROAD_AREAS, BUDGET_KINDS, CONFIRMABLE_SECTION_KEYS, FREQUENCY_PERIODS, FUNDING_SOURCES,
  PFA_AREAS, PROVISION_SECTION_KEYS, SCHEMA_VERSION, SECTION_A_AUTHORS, SECTION_KEYS, SECTION_TITLES,
  SEN2_NEED_CODES, SEN2_SETTING_CODES, SETTING_TYPES,
} from './domain/plan-document.ts';

export type { PlanProblem } from './domain/plan-problem.ts';
export { ehcpSchema, isValidPlanDocument, validatePlanDocument } from './domain/plan-validator.ts';
export { normalisePlan, serialisePlan } from './domain/plan-normaliser.ts';
export { parseJsonText, type JsonParseResult } from './domain/json-text-parser.ts';
export { formatPath, pointerToPath } from './domain/plan-path.ts';

export type { CheckId, CheckLevel, ChecklistItem, QualityOptions } from './domain/quality-checklist.ts';
export { canIssue, checkPlanQuality, PFA_FROM_AGE } from './domain/quality-checklist.ts';

export type {
  FieldChange, FieldDelta, ItemAdded, ItemChanged, ItemRemoved, ItemsReordered, PlanChange, PlanDiff,
} from './domain/plan-diff-types.ts';
export { PlanDiffConflictError } from './domain/plan-diff-types.ts';
export { diffPlans } from './domain/plan-diff.ts';
export { applyDiff } from './domain/plan-diff-apply.ts';

export {
  assertEditable, isIssued, issuePlan, PlanNotReadyToIssueError, PlanVersionImmutableError, replaceSection,
  startNextVersion, updatePlanDetails,
} from './domain/plan-editing.ts';

export {
  describeDeliverer, describeDuration, describeFrequency, describeGroupSize, describeProvisionQuantity,
  describeQuantityShort,
} from './domain/provision-wording.ts';

// Storage and pages (the module's infrastructure and web layers).
export {
  amendmentChanges, findAmendmentDraft, planVersionStatus, startAmendmentDraft, type AmendmentChangeRow, type AmendmentChanges, type AmendmentDraft,
} from './application/amendment-draft.ts';
export { adoptTransferredPlan, latestIssuedPlan } from './application/transferred-plan.ts';
export { registerPlanRoutes } from './web/plan.routes.ts';
export { PdfRenderer, PdfUnavailableError } from './infrastructure/pdf-renderer.ts';
