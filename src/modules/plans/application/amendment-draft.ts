import type { Tx } from '../../../platform/db/connection.ts';
import { SECTION_KEYS, type SectionKey } from '../domain/plan-document.ts';
import { describeValue } from '../domain/diff-summary.ts';
import { diffPlans } from '../domain/plan-diff.ts';
import type { PlanChange } from '../domain/plan-diff-types.ts';
import { startNextVersion } from '../domain/plan-editing.ts';
import type { JsonValue } from '../domain/json-value.ts';
import { findVersionOfCase, findVersionRefOfCase, insertVersion, loadDocument } from '../infrastructure/plan.repository.ts';

/**
 * Amendments after a review (reg 22) are a new draft version of the issued plan, edited on the
 * plan's own pages and served to the family. Other modules (reviews) start it through here so
 * that there is one way to begin a next version: the same `startNextVersion` + `insertVersion`
 * that the plan page's "start the next version" button uses.
 */
export interface AmendmentDraft {
  laCode: string;
  planId: string;
  childId: string;
  /** The draft version the amendments are written in. */
  version: number;
  /** The issued version it amends. */
  amends: number;
  /** False when a draft of the next version already existed (it is reused, not replaced). */
  created: boolean;
}

/**
 * The draft version holding the amendments to the plan of a case: the existing draft if the
 * latest version is already a draft that follows an issued one, else a new version copied from
 * the issued plan. Undefined when the case has no issued plan (nothing to amend) or is not
 * visible under row-level security. The latest version is locked, so two callers at once make one draft.
 */
export async function startAmendmentDraft(tx: Tx, caseId: string): Promise<AmendmentDraft | undefined> {
  const latest = await findVersionOfCase(tx, caseId, 'latest', { forUpdate: true });
  if (!latest) return undefined;
  const ref = { laCode: latest.laCode, planId: latest.planId, childId: latest.childId };
  if (latest.status === 'draft') {
    // A first draft (version 1) was never issued: there is no plan to amend.
    if (latest.version === 1) return undefined;
    return { ...ref, version: latest.version, amends: latest.version - 1, created: false };
  }
  const next = startNextVersion(latest.document);
  await insertVersion(tx, latest, next);
  return { ...ref, version: next.version, amends: latest.version, created: true };
}

/** The amendment draft of the plan of a case if there is one, without creating it (for pages that only look). */
export async function findAmendmentDraft(tx: Tx, caseId: string): Promise<AmendmentDraft | undefined> {
  const latest = await findVersionRefOfCase(tx, caseId, 'latest');
  if (!latest || latest.status !== 'draft' || latest.version === 1) return undefined;
  return { laCode: latest.laCode, planId: latest.planId, childId: latest.childId, version: latest.version, amends: latest.version - 1, created: false };
}

/** Whether a version of the plan of a case is still a draft or has been issued; undefined if there is none. */
export async function planVersionStatus(tx: Tx, caseId: string, version: number): Promise<'draft' | 'final' | undefined> {
  return (await findVersionRefOfCase(tx, caseId, version))?.status;
}

/** One change as the family reads it: what, what it was, what it is now ("nothing" when absent). */
export interface AmendmentChangeRow {
  summary: string;
  before?: string;
  after?: string;
}

export interface AmendmentChanges {
  fromVersion: number;
  toVersion: number;
  count: number;
  /** Section by section, in the plan's order; plan details (needs, child) first. */
  sections: Array<{ key: SectionKey | 'details'; heading: string; changes: AmendmentChangeRow[] }>;
}

const BOOKKEEPING = new Set(['version', 'status', 'issuedOn', 'issuedBy']);

/**
 * What the amendments change: `diffPlans` between the issued version and the amendment draft,
 * grouped by section with the old and new wording of each change in full (the summaries shorten
 * long texts; families need the words that will bind the council).
 */
export async function amendmentChanges(tx: Tx, caseId: string, draftVersion: number): Promise<AmendmentChanges | undefined> {
  const draft = await findVersionOfCase(tx, caseId, draftVersion);
  if (!draft || draftVersion < 2) return undefined;
  const older = await loadDocument(tx, { laCode: draft.laCode, planId: draft.planId, version: draftVersion - 1 });
  const changes = diffPlans(older, draft.document).changes.filter((c) => !(c.kind === 'field' && c.section === null && BOOKKEEPING.has(c.path[0] ?? '')));
  const sections: AmendmentChanges['sections'] = [];
  const details = changes.filter((c) => c.section === null).map(row);
  if (details.length) sections.push({ key: 'details', heading: 'About the plan (needs and details)', changes: details });
  for (const key of SECTION_KEYS) {
    const inSection = changes.filter((c) => c.section === key).map(row);
    if (inSection.length) sections.push({ key, heading: `Section ${key}`, changes: inSection });
  }
  return { fromVersion: draftVersion - 1, toVersion: draftVersion, count: changes.length, sections };
}

function full(field: string, value: JsonValue | undefined): string {
  return typeof value === 'string' && value.length > 0 && !/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : describeValue(field, value);
}

function row(change: PlanChange): AmendmentChangeRow {
  const summary = change.summary.replace(/^(Section [A-K0-9]+|Plan details): /, '');
  switch (change.kind) {
    case 'field': {
      const field = change.path.at(-1) ?? '';
      return { summary, before: full(field, change.before), after: full(field, change.after) };
    }
    case 'item-changed':
      return {
        summary,
        before: change.fields.map((f) => full(f.field, f.before)).join('; '),
        after: change.fields.map((f) => full(f.field, f.after)).join('; '),
      };
    case 'item-added':
      return { summary, before: 'nothing', after: summary };
    case 'item-removed':
      return { summary, before: summary, after: 'removed' };
    case 'items-reordered':
      return { summary };
  }
}
