import type { Person, PlanDocument, PlanSections, SectionKey } from './plan-document.ts';
import { canIssue, checkPlanQuality, type ChecklistItem } from './quality-checklist.ts';
import type { IsoDate } from './plan-document.ts';

/**
 * Editing rules: a draft may change; an issued version never does (it is what the family was sent
 * and what a tribunal will read). Every function returns a new document and leaves its inputs alone,
 * so a caller can keep the version it loaded to compare or to detect a concurrent save.
 */

export class PlanVersionImmutableError extends Error {
  readonly planId: string;
  readonly version: number;
  constructor(plan: Pick<PlanDocument, 'planId' | 'version'>) {
    super(`Plan ${plan.planId} version ${plan.version} has been issued and cannot be changed; start a new version instead`);
    this.name = 'PlanVersionImmutableError';
    this.planId = plan.planId;
    this.version = plan.version;
  }
}

export class PlanNotReadyToIssueError extends Error {
  /** The failed blocking checks, with their reasons and paths. */
  readonly failures: ChecklistItem[];
  constructor(failures: ChecklistItem[]) {
    super(`The plan cannot be issued yet: ${failures.map((f) => f.message).join('; ')}`);
    this.name = 'PlanNotReadyToIssueError';
    this.failures = failures;
  }
}

/** An issued (final) version is immutable. */
export function isIssued(version: Pick<PlanDocument, 'status'>): boolean {
  return version.status === 'final';
}

export function assertEditable(plan: PlanDocument): void {
  if (isIssued(plan)) throw new PlanVersionImmutableError(plan);
}

/** Returns a copy of the draft with one section replaced. */
export function replaceSection<K extends SectionKey>(draft: PlanDocument, key: K, section: PlanSections[K]): PlanDocument {
  assertEditable(draft);
  const next = structuredClone(draft);
  next.sections[key] = structuredClone(section);
  return next;
}

/** Returns a copy of the draft with the plan's own details (child, LA, needs codes) changed. */
export function updatePlanDetails(
  draft: PlanDocument,
  details: Partial<Pick<PlanDocument, 'child' | 'la' | 'primaryNeed' | 'secondaryNeeds'>>,
): PlanDocument {
  assertEditable(draft);
  return { ...structuredClone(draft), ...structuredClone(details) };
}

/**
 * The next draft after an issued version (after an annual review or to amend): same content, the
 * next version number, no issue details. Amendments are made on it and issued as a new version.
 */
export function startNextVersion(issued: PlanDocument): PlanDocument {
  if (!isIssued(issued)) throw new Error(`Plan ${issued.planId} version ${issued.version} is still a draft; edit it instead`);
  const { issuedOn: _issuedOn, issuedBy: _issuedBy, ...rest } = structuredClone(issued);
  return { ...rest, version: issued.version + 1, status: 'draft' };
}

/**
 * Issues a draft: runs the quality checklist (on the issue date) and refuses when a blocking check
 * fails. Returns the final version; the draft itself is left unchanged.
 */
export function issuePlan(draft: PlanDocument, issue: { issuedOn: IsoDate; issuedBy: Person }): PlanDocument {
  assertEditable(draft);
  const checklist = checkPlanQuality({ ...draft, status: 'final' }, { today: issue.issuedOn });
  if (!canIssue(checklist)) throw new PlanNotReadyToIssueError(checklist.filter((c) => !c.passed && c.level === 'block'));
  return { ...structuredClone(draft), status: 'final', issuedOn: issue.issuedOn, issuedBy: structuredClone(issue.issuedBy) };
}
