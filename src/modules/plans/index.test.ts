import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as plans from './index.ts';

describe('plans public face', () => {
  it('serves the schema file exactly as kept in the repository', () => {
    const onDisk: unknown = JSON.parse(readFileSync(new URL('./schema/ehcp-v1.schema.json', import.meta.url), 'utf8'));
    expect(plans.ehcpSchema).toEqual(onDisk);
  });

  it('offers the whole journey: validate, check, issue, amend, diff, apply', () => {
    const example = JSON.parse(readFileSync(new URL('./schema/examples/ehcp-example.json', import.meta.url), 'utf8')) as plans.PlanDocument;
    expect(plans.validatePlanDocument(example)).toEqual([]);
    const draft = plans.startNextVersion(example);
    const salt = draft.sections.F.provision[0]!;
    const edited = plans.replaceSection(draft, 'F', { provision: [{ ...salt, frequency: { times: 3, per: 'week' } }, ...draft.sections.F.provision.slice(1)] });
    expect(plans.canIssue(plans.checkPlanQuality(edited, { today: '2025-09-01' }))).toBe(true);
    const issued = plans.issuePlan(edited, { issuedOn: '2025-09-01', issuedBy: { name: 'Priya Lanworth', role: 'SEN casework officer' } });
    const diff = plans.diffPlans(example, issued);
    expect(diff.changes.map((c) => c.summary)).toContain('Section F: speech and language therapy changed from 2 × 30 minutes a week to 3 × 30 minutes a week');
    expect(plans.applyDiff(example, diff)).toEqual(issued);
    expect(plans.describeProvisionQuantity(issued.sections.F.provision[0]!)).toBe('3 sessions of 30 minutes a week, 1:1, by a speech and language therapist (HCPC registered)');
  });
});
