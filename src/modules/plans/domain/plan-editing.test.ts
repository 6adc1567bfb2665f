import { describe, expect, it } from 'vitest';
import {
  isIssued, issuePlan, PlanNotReadyToIssueError, PlanVersionImmutableError, replaceSection, startNextVersion,
  updatePlanDetails,
} from './plan-editing.ts';
import { exampleDraft, examplePlan } from './plan-test-fixtures.ts';
import { validatePlanDocument } from './plan-validator.ts';

const issuer = { name: 'Priya Lanworth', role: 'SEN casework officer' };

describe('editing a draft', () => {
  it('replaces one section and returns a new document without touching the inputs', () => {
    const draft = exampleDraft();
    const before = structuredClone(draft);
    const section = { needs: [], noNeedsIdentified: { confirmedBy: 'A. Person', role: 'DSCO', date: '2025-03-01' } };
    const next = replaceSection(draft, 'D', section);
    expect(next.sections.D).toEqual(section);
    expect(next.sections.D).not.toBe(section);
    expect(draft).toEqual(before);
    section.needs.length = 0;
    (section.noNeedsIdentified as { role: string }).role = 'changed later';
    expect(next.sections.D.noNeedsIdentified?.role).toBe('DSCO');
  });

  it('updates the plan details', () => {
    const next = updatePlanDetails(exampleDraft(), { primaryNeed: 'ASD', secondaryNeeds: ['SLCN'] });
    expect([next.primaryNeed, next.secondaryNeeds]).toEqual(['ASD', ['SLCN']]);
  });

  it('refuses to edit an issued version with a typed error', () => {
    const issued = examplePlan();
    expect(isIssued(issued)).toBe(true);
    expect(isIssued(exampleDraft())).toBe(false);
    expect(() => replaceSection(issued, 'I', null)).toThrow(PlanVersionImmutableError);
    expect(() => updatePlanDetails(issued, { primaryNeed: 'ASD' })).toThrow(/version 2 has been issued/);
    expect(() => issuePlan(issued, { issuedOn: '2025-04-01', issuedBy: issuer })).toThrow(PlanVersionImmutableError);
  });
});

describe('issuing and the next version', () => {
  it('issues a draft that passes the checklist, producing a valid final plan', () => {
    const final = issuePlan(exampleDraft(), { issuedOn: '2025-03-21', issuedBy: issuer });
    expect(final).toEqual(examplePlan());
    expect(validatePlanDocument(final)).toEqual([]);
  });

  it('refuses to issue while a blocking check fails, with the reasons', () => {
    const draft = replaceSection(exampleDraft(), 'I', null);
    try {
      issuePlan(draft, { issuedOn: '2025-03-21', issuedBy: issuer });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanNotReadyToIssueError);
      expect((error as PlanNotReadyToIssueError).failures.map((f) => f.id)).toEqual(['placement-on-final']);
    }
  });

  it('starts the next version as a draft with the next number and no issue details', () => {
    const next = startNextVersion(examplePlan());
    expect(next).toEqual({ ...exampleDraft(), version: 3 });
    expect(() => startNextVersion(next)).toThrow(/still a draft/);
  });
});
