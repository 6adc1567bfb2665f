import type {
  AdviceItem, Need, Outcome, PersonalBudgetItem, PlanDocument, ProvisionItem, ProvisionSectionKey,
} from './plan-document.ts';
import { PROVISION_SECTION_KEYS } from './plan-document.ts';
import type { PathSegment } from './plan-path.ts';

/**
 * Every id-bearing item of a plan with where it lives. The validator, the checklist and the diff all
 * walk the same lists, so the list of lists is written once here.
 */
export type PlanItem =
  | { kind: 'need'; section: 'B' | 'C' | 'D'; item: Need; path: PathSegment[] }
  | { kind: 'outcome'; section: 'E'; item: Outcome; path: PathSegment[] }
  | { kind: 'provision'; section: ProvisionSectionKey; item: ProvisionItem; path: PathSegment[] }
  | { kind: 'budget'; section: 'J'; item: PersonalBudgetItem; path: PathSegment[] }
  | { kind: 'advice'; section: 'K'; item: AdviceItem; path: PathSegment[] };

export function needsOf(plan: PlanDocument): Extract<PlanItem, { kind: 'need' }>[] {
  return (['B', 'C', 'D'] as const).flatMap((section) =>
    plan.sections[section].needs.map((item, i) => ({
      kind: 'need' as const, section, item, path: ['sections', section, 'needs', i],
    })),
  );
}

export function outcomesOf(plan: PlanDocument): Extract<PlanItem, { kind: 'outcome' }>[] {
  return plan.sections.E.outcomes.map((item, i) => ({
    kind: 'outcome' as const, section: 'E' as const, item, path: ['sections', 'E', 'outcomes', i],
  }));
}

export function provisionOf(plan: PlanDocument): Extract<PlanItem, { kind: 'provision' }>[] {
  return PROVISION_SECTION_KEYS.flatMap((section) =>
    plan.sections[section].provision.map((item, i) => ({
      kind: 'provision' as const, section, item, path: ['sections', section, 'provision', i],
    })),
  );
}

export function allItemsOf(plan: PlanDocument): PlanItem[] {
  return [
    ...needsOf(plan),
    ...outcomesOf(plan),
    ...provisionOf(plan),
    ...plan.sections.J.items.map((item, i) => ({
      kind: 'budget' as const, section: 'J' as const, item, path: ['sections', 'J', 'items', i],
    })),
    ...plan.sections.K.advice.map((item, i) => ({
      kind: 'advice' as const, section: 'K' as const, item, path: ['sections', 'K', 'advice', i],
    })),
  ];
}
