import type { PlanDocument, SectionKey } from '../domain/plan-document.ts';
import { SECTION_KEYS } from '../domain/plan-document.ts';
import { diffPlans } from '../domain/plan-diff.ts';
import type { VersionSummary } from '../infrastructure/plan.repository.ts';
import { sectionHeading } from './plan-view-model.ts';

/**
 * "What changed" between two versions, section by section and item by item, in the diff's own
 * sentences. Status and issue details always differ between a draft and its issued copy; they are
 * shown once in the heading instead of as changes.
 */
const BOOKKEEPING = new Set(['version', 'status', 'issuedOn', 'issuedBy']);

export function compareModel(older: PlanDocument, newer: PlanDocument) {
  const changes = diffPlans(older, newer).changes.filter((c) => !(c.kind === 'field' && c.section === null && BOOKKEEPING.has(c.path[0] ?? '')));
  const groups: Array<{ heading: string; changes: string[] }> = [];
  const details = changes.filter((c) => c.section === null).map((c) => c.summary);
  if (details.length) groups.push({ heading: 'Plan details', changes: details });
  for (const key of SECTION_KEYS) {
    const inSection = changes.filter((c) => c.section === key).map((c) => c.summary.replace(/^Section [A-K0-9]+: /, ''));
    if (inSection.length) groups.push({ heading: sectionHeading(key as SectionKey), changes: inSection });
  }
  return { groups, count: changes.length };
}

/** The two versions to compare: as asked, else the newest against the one before it. */
export function pickVersions(versions: VersionSummary[], from: number | undefined, to: number | undefined): { from: number; to: number } | undefined {
  const numbers = versions.map((v) => v.version);
  const newest = numbers[0];
  const previous = numbers[1];
  const pick = { from: from ?? previous, to: to ?? newest };
  if (pick.from === undefined || pick.to === undefined || !numbers.includes(pick.from) || !numbers.includes(pick.to)) return undefined;
  return pick as { from: number; to: number };
}
