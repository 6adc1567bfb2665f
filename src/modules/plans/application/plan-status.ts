import type { ChecklistItem } from '../domain/quality-checklist.ts';
import type { PlanDocument, SectionKey } from '../domain/plan-document.ts';
import { CONFIRMABLE_SECTION_KEYS } from '../domain/plan-document.ts';

/** The task list's status of a section: the GOV.UK task list pattern's four states plus "no needs". */
export type SectionStatus = 'completed' | 'in-progress' | 'not-started' | 'no-needs';

export function sectionKeyOfPath(path: string | undefined): SectionKey | null {
  const m = /^sections\.([A-K]|H1|H2)(?:$|[.[])/.exec(path ?? '');
  return m ? (m[1] as SectionKey) : null;
}

export function sectionStatus(plan: PlanDocument, key: SectionKey, checklist: readonly ChecklistItem[]): SectionStatus {
  const section = plan.sections[key] as unknown as Record<string, unknown> | null;
  if ((CONFIRMABLE_SECTION_KEYS as readonly string[]).includes(key) && section?.noNeedsIdentified) return 'no-needs';
  const failing = checklist.some((c) => !c.passed && c.level === 'block' && sectionKeyOfPath(c.path) === key);
  if (key === 'A') {
    const texts = [...Object.values(plan.sections.A.aboutMe), plan.sections.A.parentsViews ?? ''];
    if (texts.every((t) => t.trim() === '')) return 'not-started';
    return failing || texts.slice(0, 5).some((t) => t.trim() === '') ? 'in-progress' : 'completed';
  }
  if (key === 'I') return plan.sections.I === null ? 'not-started' : 'completed';
  const list = Object.values(section ?? {}).find(Array.isArray) as unknown[] | undefined;
  if (!list || list.length === 0) return 'not-started';
  return failing ? 'in-progress' : 'completed';
}
