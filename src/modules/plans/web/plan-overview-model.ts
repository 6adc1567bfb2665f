import { sectionKeyOfPath, sectionStatus, type SectionStatus } from '../application/plan-status.ts';
import type { PlanDocument } from '../domain/plan-document.ts';
import { SECTION_KEYS } from '../domain/plan-document.ts';
import type { PlanProblem } from '../domain/plan-problem.ts';
import { checkPlanQuality, type ChecklistItem } from '../domain/quality-checklist.ts';
import { validatePlanDocument } from '../domain/plan-validator.ts';
import type { VersionSummary } from '../infrastructure/plan.repository.ts';
import { sectionHeading } from './plan-view-model.ts';

/**
 * The plan overview: sections as a GOV.UK task list with their status, the quality checklist with
 * each reason linked to its section, and the versions.
 */
const STATUS_TAG: Record<SectionStatus, { text: string; classes?: string } | null> = {
  completed: null,
  'in-progress': { text: 'In progress', classes: 'govuk-tag--light-blue' },
  'not-started': { text: 'Not started', classes: 'govuk-tag--blue' },
  'no-needs': { text: 'No needs identified', classes: 'govuk-tag--grey' },
};

export function sectionHref(caseId: string, path: string | undefined): string | null {
  const key = sectionKeyOfPath(path);
  return key ? `/cases/${caseId}/plan/sections/${key}` : null;
}

export function overviewModel(caseId: string, plan: PlanDocument, versions: VersionSummary[], today: string) {
  const editable = plan.status === 'draft';
  // The checklist is judged as if issuing today, so Section I counts as required on a draft too.
  const checklist = checkPlanQuality({ ...plan, status: 'final' }, { today });
  // Validated as it would be issued today, so date rules that only bite on issue show up now; the
  // checklist's own failures are listed above and not repeated.
  const asIssued = { ...plan, status: 'final' as const, issuedOn: today, issuedBy: { name: 'preview', role: 'preview' } };
  const problems: PlanProblem[] = editable ? validatePlanDocument(asIssued).filter((p) => !p.message.startsWith('a final plan must pass the check')) : [];
  const item = (c: ChecklistItem) => ({ text: c.message, href: sectionHref(caseId, c.path) });
  return {
    editable,
    taskList: SECTION_KEYS.map((key) => {
      const status = sectionStatus(plan, key, checklist);
      const tag = STATUS_TAG[status];
      return {
        title: { text: sectionHeading(key) },
        href: editable ? `/cases/${caseId}/plan/sections/${key}` : undefined,
        status: tag ? { tag } : { text: 'Completed' },
      };
    }),
    blocking: checklist.filter((c) => !c.passed && c.level === 'block').map(item),
    warnings: checklist.filter((c) => !c.passed && c.level === 'warn').map(item),
    passed: checklist.filter((c) => c.passed).map((c) => c.message),
    problems: problems.map((p) => ({ text: `${p.path}: ${p.message}`, href: sectionHref(caseId, p.path) })),
    versions: versions.map((v) => ({ ...v, href: `/cases/${caseId}/plan/versions/${v.version}` })),
  };
}
