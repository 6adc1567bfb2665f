import { ageOn } from './iso-date.ts';
import type { ConfirmableSectionKey, IsoDate, PlanDocument } from './plan-document.ts';
import { CONFIRMABLE_SECTION_KEYS } from './plan-document.ts';
import { needsOf, outcomesOf, provisionOf } from './plan-items.ts';
import { formatPath } from './plan-path.ts';

/**
 * The checks a plan must pass before it is issued (block) or should be looked at (warn). Each
 * check yields one passed item, or one failed item per offending part of the plan with its path,
 * so the plan page can list every reason and link to the field.
 */
export type CheckLevel = 'block' | 'warn';

export type CheckId =
  | 'needs-have-provision'
  | 'provision-quantified'
  | 'provision-group-size'
  | 'provision-linked'
  | 'outcomes-have-by-when'
  | 'health-and-care-sections-completed'
  | 'placement-on-final'
  | 'section-a-present'
  | 'section-a-voice'
  | 'section-a-first-person'
  | 'preparing-for-adulthood';

export interface ChecklistItem {
  id: CheckId;
  level: CheckLevel;
  passed: boolean;
  message: string;
  path?: string;
}

export interface QualityOptions {
  /** The day the check is made, for age-based rules; domain code never reads the clock. */
  today: IsoDate;
}

/** Age at which year 9 starts for the purpose of the preparing-for-adulthood rule (CoP 8.9). */
export const PFA_FROM_AGE = 13;

type Failure = { message: string; path: string };

function check(id: CheckId, level: CheckLevel, passMessage: string, failures: Failure[]): ChecklistItem[] {
  if (failures.length === 0) return [{ id, level, passed: true, message: passMessage }];
  return failures.map((f) => ({ id, level, passed: false, message: f.message, path: f.path }));
}

export function checkPlanQuality(plan: PlanDocument, options: QualityOptions): ChecklistItem[] {
  const provision = provisionOf(plan);
  const needs = needsOf(plan);
  const outcomes = outcomesOf(plan);
  const metNeeds = new Set(provision.flatMap((p) => p.item.needIds));
  const a = plan.sections.A;
  const aboutMeText = Object.values(a.aboutMe).join(' ');

  return [
    ...check('needs-have-provision', 'block', 'Every need has provision that meets it',
      needs.filter((n) => !metNeeds.has(n.item.id)).map((n) => ({
        message: `Need "${n.item.id}" in Section ${n.section} has no provision in Sections F to H2 that meets it`,
        path: formatPath(n.path),
      }))),
    ...check('provision-quantified', 'block', 'Every provision item says how often, for how long and who delivers it',
      provision.flatMap((p) => (['frequency', 'durationMinutes', 'deliveredBy'] as const)
        .filter((field) => p.item[field] === null)
        .map((field) => ({
          message: `"${p.item.what}" in Section ${p.section} does not say ${FIELD_QUESTION[field]}`,
          path: formatPath([...p.path, field]),
        })))),
    ...check('provision-group-size', 'warn', 'Every provision item says whether it is 1:1 or in a group',
      provision.filter((p) => p.item.groupSize === null).map((p) => ({
        message: `"${p.item.what}" in Section ${p.section} does not say whether it is 1:1 or in a group`,
        path: formatPath([...p.path, 'groupSize']),
      }))),
    ...check('provision-linked', 'block', 'Every provision item is linked to a need and an outcome',
      provision.flatMap((p) => [
        ...(p.item.needIds.length === 0 ? [{ message: `"${p.item.what}" in Section ${p.section} is not linked to a need`, path: formatPath([...p.path, 'needIds']) }] : []),
        ...(p.item.outcomeIds.length === 0 ? [{ message: `"${p.item.what}" in Section ${p.section} is not linked to an outcome`, path: formatPath([...p.path, 'outcomeIds']) }] : []),
      ])),
    ...check('outcomes-have-by-when', 'block', 'Every outcome says by when',
      outcomes.filter((o) => o.item.byWhen === null).map((o) => ({
        message: `Outcome "${o.item.id}" does not say by when it should be achieved`,
        path: formatPath([...o.path, 'byWhen']),
      }))),
    ...check('health-and-care-sections-completed', 'block', 'Health and social care sections are completed or confirmed as "no needs identified"',
      CONFIRMABLE_SECTION_KEYS.filter((key) => !sectionCompleted(plan, key)).map((key) => ({
        message: `Section ${key} is empty and nobody has confirmed that no needs were identified`,
        path: formatPath(['sections', key]),
      }))),
    ...check('placement-on-final', 'block', 'Section I names a setting or a type of setting',
      plan.status === 'final' && plan.sections.I === null
        ? [{ message: 'A final plan must say in Section I where the child or young person will be educated', path: 'sections.I' }]
        : []),
    ...check('section-a-present', 'block', 'Section A tells us about the child or young person',
      aboutMeText.trim() === '' ? [{ message: 'Section A "all about me" is empty', path: 'sections.A.aboutMe' }] : []),
    ...check('section-a-voice', 'block', 'Section A is in the child\'s or young person\'s own voice',
      a.writtenBy === 'child' || a.writtenBy === 'young-person' ? [] : [{
        message: `Section A "all about me" is written by the ${a.writtenBy.replace('-', ' ')}, not in the child's or young person's own voice`,
        path: 'sections.A.writtenBy',
      }]),
    ...check('section-a-first-person', 'warn', 'Section A is written in the first person',
      aboutMeText.trim() === '' || FIRST_PERSON.test(aboutMeText) ? [] : [{
        message: 'Section A does not use "I" or "my"; check it is in the person\'s own words rather than about them',
        path: 'sections.A.aboutMe',
      }]),
    ...check('preparing-for-adulthood', 'warn', 'Preparing-for-adulthood outcomes are included from year 9',
      ageOn(plan.child.dateOfBirth, options.today) >= PFA_FROM_AGE && !outcomes.some((o) => o.item.preparingForAdulthood !== null)
        ? [{ message: `${plan.child.givenName} is ${ageOn(plan.child.dateOfBirth, options.today)}: from year 9 the plan should include preparing-for-adulthood outcomes`, path: 'sections.E.outcomes' }]
        : []),
  ];
}

/** True when nothing blocks issue; warnings are for the caseworker to weigh, not to stop them. */
export function canIssue(checklist: readonly ChecklistItem[]): boolean {
  return checklist.every((item) => item.passed || item.level !== 'block');
}

const FIELD_QUESTION = { frequency: 'how often', durationMinutes: 'for how long', deliveredBy: 'who delivers it' } as const;

// Matches the words I, I'm, I'd, I've, I'll, me, my, mine, myself — enough to tell "I like" from "he likes".
const FIRST_PERSON = /(^|[^\p{L}])(I|I['’](m|d|ve|ll)|me|my|mine|myself)(?![\p{L}])/iu;

function sectionCompleted(plan: PlanDocument, key: ConfirmableSectionKey): boolean {
  const section = plan.sections[key];
  const count = 'needs' in section ? section.needs.length : section.provision.length;
  return count > 0 || section.noNeedsIdentified !== null;
}
