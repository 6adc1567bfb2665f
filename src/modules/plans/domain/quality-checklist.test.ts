import { describe, expect, it } from 'vitest';
import type { PlanDocument } from './plan-document.ts';
import { exampleDraft } from './plan-test-fixtures.ts';
import { canIssue, checkPlanQuality, type CheckId } from './quality-checklist.ts';

const TODAY = '2025-03-01';
const failed = (plan: PlanDocument, today = TODAY) => checkPlanQuality(plan, { today }).filter((i) => !i.passed);

describe('quality checklist', () => {
  it('passes the example draft with every check passed and can issue', () => {
    const checklist = checkPlanQuality(exampleDraft(), { today: TODAY });
    expect(checklist.every((i) => i.passed)).toBe(true);
    expect(new Set(checklist.map((i) => i.id)).size).toBe(checklist.length);
    expect(canIssue(checklist)).toBe(true);
  });

  it.each<[string, (p: PlanDocument) => void, CheckId, 'block' | 'warn', string | undefined]>([
    ['a need with no provision', (p) => { p.sections.F.provision[1]!.needIds = ['need-language']; }, 'needs-have-provision', 'block', 'sections.B.needs[1]'],
    ['provision without frequency', (p) => { p.sections.F.provision[0]!.frequency = null; }, 'provision-quantified', 'block', 'sections.F.provision[0].frequency'],
    ['provision without duration', (p) => { p.sections.F.provision[2]!.durationMinutes = null; }, 'provision-quantified', 'block', 'sections.F.provision[2].durationMinutes'],
    ['provision without a deliverer', (p) => { p.sections.F.provision[3]!.deliveredBy = null; }, 'provision-quantified', 'block', 'sections.F.provision[3].deliveredBy'],
    ['provision without group size', (p) => { p.sections.F.provision[1]!.groupSize = null; }, 'provision-group-size', 'warn', 'sections.F.provision[1].groupSize'],
    ['provision linked to no need', (p) => { p.sections.F.provision[3]!.needIds = []; }, 'provision-linked', 'block', 'sections.F.provision[3].needIds'],
    ['provision linked to no outcome', (p) => { p.sections.F.provision[0]!.outcomeIds = []; }, 'provision-linked', 'block', 'sections.F.provision[0].outcomeIds'],
    ['outcome without by-when', (p) => { p.sections.E.outcomes[1]!.byWhen = null; }, 'outcomes-have-by-when', 'block', 'sections.E.outcomes[1].byWhen'],
    ['health section neither completed nor confirmed', (p) => { p.sections.C.noNeedsIdentified = null; }, 'health-and-care-sections-completed', 'block', 'sections.C'],
    ['H1 neither completed nor confirmed', (p) => { p.sections.H1.noNeedsIdentified = null; }, 'health-and-care-sections-completed', 'block', 'sections.H1'],
    ['final plan with no placement', (p) => { p.status = 'final'; p.sections.I = null; }, 'placement-on-final', 'block', 'sections.I'],
    ['Section A written by a professional', (p) => { p.sections.A.writtenBy = 'professional'; }, 'section-a-voice', 'block', 'sections.A.writtenBy'],
    ['Section A empty', (p) => { for (const k of Object.keys(p.sections.A.aboutMe)) p.sections.A.aboutMe[k as keyof typeof p.sections.A.aboutMe] = ' '; }, 'section-a-present', 'block', 'sections.A.aboutMe'],
    ['Section A in the third person', (p) => { p.sections.A.aboutMe = { aspirations: 'Tobias wants to work with animals.', interests: 'He likes drawing.', whatPeopleLikeAndAdmire: 'He is kind.', whatIsImportant: 'His family.', howBestToSupport: 'Give him time.' }; }, 'section-a-first-person', 'warn', 'sections.A.aboutMe'],
    ['no PfA outcome at 13', (p) => { for (const o of p.sections.E.outcomes) o.preparingForAdulthood = null; }, 'preparing-for-adulthood', 'warn', 'sections.E.outcomes'],
  ])('%s', (_name, edit, id, level, path) => {
    const plan = exampleDraft();
    edit(plan);
    const failures = failed(plan);
    expect(failures).toEqual([expect.objectContaining({ id, level, passed: false, path })]);
    expect(canIssue(checkPlanQuality(plan, { today: TODAY }))).toBe(level === 'warn');
  });

  it('lists one failure per offending item', () => {
    const plan = exampleDraft();
    for (const o of plan.sections.E.outcomes) o.byWhen = null;
    expect(failed(plan).map((f) => f.path)).toEqual([0, 1, 2, 3].map((i) => `sections.E.outcomes[${i}].byWhen`));
  });

  it('accepts health and care sections completed with content instead of a confirmation', () => {
    const plan = exampleDraft();
    plan.sections.C = { needs: [{ id: 'c1', statement: 'Asthma needing an inhaler', evidence: [] }], noNeedsIdentified: null };
    plan.sections.G = {
      provision: [{ id: 'g1', what: 'asthma care plan training', deliveredBy: { role: 'school nurse', qualification: 'NMC registered' }, frequency: { times: 1, per: 'year' }, durationMinutes: 60, groupSize: 10, fundedBy: 'health', needIds: ['c1'], outcomeIds: ['out-calm'] }],
      noNeedsIdentified: null,
    };
    expect(failed(plan)).toEqual([]);
  });

  it('asks for PfA outcomes from age 13 only (a day before the 13th birthday is too early)', () => {
    const plan = exampleDraft();
    for (const o of plan.sections.E.outcomes) o.preparingForAdulthood = null;
    expect(failed(plan, '2024-11-03')).toEqual([]);
    expect(failed(plan, '2024-11-04').map((f) => f.id)).toEqual(['preparing-for-adulthood']);
  });

  it('does not require Section I on a draft', () => {
    const plan = exampleDraft();
    plan.sections.I = null;
    expect(failed(plan)).toEqual([]);
  });

  it('recognises first-person writing in several forms', () => {
    const plan = exampleDraft();
    plan.sections.A.aboutMe = { aspirations: "I'm going to be a vet.", interests: '', whatPeopleLikeAndAdmire: '', whatIsImportant: '', howBestToSupport: '' };
    expect(failed(plan)).toEqual([]);
  });
});
