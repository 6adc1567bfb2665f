import type { PlanDocument, ProvisionItem } from './plan-document.ts';
import { CONFIRMABLE_SECTION_KEYS, PROVISION_SECTION_KEYS } from './plan-document.ts';
import { allItemsOf, needsOf, outcomesOf, provisionOf } from './plan-items.ts';
import { formatPath, type PathSegment } from './plan-path.ts';
import type { PlanProblem } from './plan-problem.ts';

/**
 * Rules JSON Schema cannot express: ids unique across the plan, references that resolve, dates in
 * order, and status consistency. They run only on a document that already has the schema's shape,
 * so each rule can trust the types.
 */
export function checkSemanticRules(plan: PlanDocument): PlanProblem[] {
  return [
    ...uniqueIds(plan),
    ...references(plan),
    ...statusRules(plan),
    ...dateOrder(plan),
    ...consistency(plan),
  ];
}

const problem = (segments: PathSegment[], message: string): PlanProblem => ({ path: formatPath(segments), message });

function uniqueIds(plan: PlanDocument): PlanProblem[] {
  const seen = new Map<string, string>();
  const problems: PlanProblem[] = [];
  for (const { item, path } of allItemsOf(plan)) {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, formatPath(path));
    else problems.push(problem([...path, 'id'], `id "${item.id}" is already used by ${first}; every item needs its own id`));
  }
  return problems;
}

function references(plan: PlanDocument): PlanProblem[] {
  const adviceIds = new Set(plan.sections.K.advice.map((a) => a.id));
  const needIds = new Set(needsOf(plan).map((n) => n.item.id));
  const outcomeIds = new Set(outcomesOf(plan).map((o) => o.item.id));
  const problems: PlanProblem[] = [];
  const check = (path: PathSegment[], ids: string[], known: Set<string>, what: string): void => {
    ids.forEach((id, i) => {
      if (!known.has(id)) problems.push(problem([...path, i], `refers to "${id}", which is not ${what}`));
    });
  };
  for (const { item, path } of needsOf(plan)) check([...path, 'evidence'], item.evidence, adviceIds, 'an advice item in Section K');
  for (const { item, path } of outcomesOf(plan)) check([...path, 'needIds'], item.needIds, needIds, 'a need in Sections B, C or D');
  for (const { item, path } of provisionOf(plan)) {
    check([...path, 'needIds'], item.needIds, needIds, 'a need in Sections B, C or D');
    check([...path, 'outcomeIds'], item.outcomeIds, outcomeIds, 'an outcome in Section E');
  }
  return problems;
}

function statusRules(plan: PlanDocument): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.status === 'final') {
    if (plan.issuedOn === undefined) problems.push(problem(['issuedOn'], 'a final plan must say the date it was issued'));
    if (plan.issuedBy === undefined) problems.push(problem(['issuedBy'], 'a final plan must say who issued it'));
  } else {
    if (plan.issuedOn !== undefined) problems.push(problem(['issuedOn'], 'a draft has not been issued, so it must not have an issue date'));
    if (plan.issuedBy !== undefined) problems.push(problem(['issuedBy'], 'a draft has not been issued, so it must not say who issued it'));
  }
  return problems;
}

function dateOrder(plan: PlanDocument): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const born = plan.child.dateOfBirth;
  const issued = plan.issuedOn;
  if (issued !== undefined && issued < born) problems.push(problem(['issuedOn'], 'is before the child\'s date of birth'));
  for (const { item, path } of outcomesOf(plan)) {
    if (item.byWhen === null) continue;
    if (item.byWhen <= born) problems.push(problem([...path, 'byWhen'], 'is not after the child\'s date of birth'));
    else if (issued !== undefined && item.byWhen < issued) problems.push(problem([...path, 'byWhen'], 'is before the plan was issued'));
  }
  for (const { item, path } of provisionOf(plan)) problems.push(...provisionDates(item, path));
  plan.sections.K.advice.forEach((advice, i) => {
    const path = ['sections', 'K', 'advice', i, 'date'];
    if (advice.date < born) problems.push(problem(path, 'is before the child\'s date of birth'));
    if (issued !== undefined && advice.date > issued) problems.push(problem(path, 'is after the plan was issued; advice must come before the plan'));
  });
  for (const key of CONFIRMABLE_SECTION_KEYS) {
    const confirmation = plan.sections[key].noNeedsIdentified;
    if (confirmation && issued !== undefined && confirmation.date > issued) {
      problems.push(problem(['sections', key, 'noNeedsIdentified', 'date'], 'is after the plan was issued'));
    }
  }
  return problems;
}

function provisionDates(item: ProvisionItem, path: PathSegment[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (item.startDate !== undefined && item.endDate !== undefined && item.endDate < item.startDate) {
    problems.push(problem([...path, 'endDate'], 'is before the start date'));
  }
  if (item.startDate !== undefined && item.reviewBy !== undefined && item.reviewBy < item.startDate) {
    problems.push(problem([...path, 'reviewBy'], 'is before the start date'));
  }
  return problems;
}

function consistency(plan: PlanDocument): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const secondaryAt = plan.secondaryNeeds.indexOf(plan.primaryNeed);
  if (secondaryAt >= 0) problems.push(problem(['secondaryNeeds', secondaryAt], `repeats the primary need ${plan.primaryNeed}`));
  for (const key of CONFIRMABLE_SECTION_KEYS) {
    const section = plan.sections[key];
    const count = 'needs' in section ? section.needs.length : section.provision.length;
    if (section.noNeedsIdentified !== null && count > 0) {
      problems.push(problem(['sections', key, 'noNeedsIdentified'], `confirms no needs were identified, but Section ${key} lists ${count} item(s); remove one or the other`));
    }
  }
  plan.sections.J.items.forEach((budget, i) => {
    if (PROVISION_SECTION_KEYS.includes(budget.section) && plan.sections[budget.section].provision.length === 0) {
      problems.push(problem(['sections', 'J', 'items', i, 'section'], `pays for provision in Section ${budget.section}, which has none`));
    }
  });
  return problems;
}
