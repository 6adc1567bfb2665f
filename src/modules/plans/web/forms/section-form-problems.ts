import type { PlanProblem } from '../../domain/plan-problem.ts';
import type { SectionKey } from '../../domain/plan-document.ts';
import { addError, type FormErrors } from '../../../../platform/web/form-errors.ts';
import type { SectionFormSpec } from './section-form-spec.ts';

/**
 * Puts the validator's problems about one section onto the form: each path
 * (`sections.F.provision[2].frequency`) becomes the id of the field it is about (`item-2-times`)
 * and the message names the item and the field as the form labels them.
 */
const FORM_FIELD: Record<string, string> = {
  frequency: 'times', deliveredBy: 'role', byWhen: 'byWhen-day', date: 'date-day', amountPence: 'amount', kind: 'kind',
};

export function inSection(problem: PlanProblem, key: SectionKey): boolean {
  const prefix = `sections.${key}`;
  return problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`);
}

export function addProblemsToForm(errors: FormErrors, problems: readonly PlanProblem[], spec: SectionFormSpec): FormErrors {
  for (const problem of problems) {
    if (!inSection(problem, spec.key)) continue;
    const rest = problem.path.slice(`sections.${spec.key}`.length);
    const item = /^\.(\w+)\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?/.exec(rest);
    if (item && spec.list) {
      const index = Number(item[2]);
      const name = item[3] === 'noNeedsIdentified' ? 'noNeeds' : (item[3] ?? 'id');
      const formName = item[3] === 'deliveredBy' && item[4] ? item[4] : (FORM_FIELD[name] ?? name);
      const label = spec.list.fields.find((f) => f.name === formName.replace(/-day$/, ''))?.label ?? formName;
      addError(errors, `item-${index}-${formName}`, `${capitalise(spec.list.noun)} ${index + 1}: ${label.toLowerCase()} ${problem.message}`);
      continue;
    }
    const topName = /^\.(?:aboutMe\.)?(\w+)(?:\.(\w+))?/.exec(rest);
    if (topName?.[1] === 'noNeedsIdentified') {
      const part = topName[2] === 'date' ? 'noNeedsDate-day' : topName[2] === 'role' ? 'noNeedsRole' : 'noNeedsConfirmedBy';
      addError(errors, part, `“No needs identified”: ${topName[2] ?? 'confirmation'} ${problem.message}`);
      continue;
    }
    const name = spec.kind === 'placement' && topName?.[1] === 'kind' ? 'placementKind' : (topName?.[1] ?? spec.top[0]?.name ?? 'form');
    const label = spec.top.find((f) => f.name === name)?.label ?? name;
    addError(errors, spec.top.some((f) => f.name === name) ? name : (spec.top[0]?.name ?? 'form'), `${label}: ${problem.message}`);
  }
  return errors;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
