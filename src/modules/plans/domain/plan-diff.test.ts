import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff } from './plan-diff-apply.ts';
import { PlanDiffConflictError } from './plan-diff-types.ts';
import { diffPlans } from './plan-diff.ts';
import { normalisePlan } from './plan-normaliser.ts';
import { editArbitrary, examplePlan, planArbitrary } from './plan-test-fixtures.ts';

describe('diffPlans', () => {
  it('finds no changes between a plan and a copy of it', () => {
    expect(diffPlans(examplePlan(), examplePlan()).changes).toEqual([]);
  });

  it('describes a change of provision quantity in plain English', () => {
    const older = examplePlan();
    older.sections.F.provision[0]!.frequency = { times: 1, per: 'week' };
    const diff = diffPlans(older, examplePlan());
    expect(diff.changes).toEqual([
      {
        kind: 'item-changed', section: 'F', list: ['sections', 'F', 'provision'], id: 'prov-salt',
        fields: [{ field: 'frequency', before: { times: 1, per: 'week' }, after: { times: 2, per: 'week' } }],
        summary: 'Section F: speech and language therapy changed from 1 × 30 minutes a week to 2 × 30 minutes a week',
      },
    ]);
  });

  it('reports added, removed and changed items, text and placement, section by section', () => {
    const older = examplePlan();
    const newer = examplePlan();
    newer.version = 3;
    newer.sections.A.aboutMe.interests = 'I love drawing comics and making stop-motion films.';
    newer.sections.F.provision.splice(1, 1);
    newer.sections.E.outcomes.push({ id: 'out-bus', text: 'Tobias will travel to college by bus on his own.', successLooksLike: 'He travels alone for a term.', byWhen: '2027-07-16', preparingForAdulthood: 'independent-living', needIds: ['need-anxiety'] });
    newer.sections.F.provision[0]!.deliveredBy = { role: 'speech and language therapy assistant', qualification: 'supervised by an HCPC registered therapist' };
    newer.sections.I = { kind: 'type-only', settingType: 'special-school' };
    const summaries = diffPlans(older, newer).changes.map((c) => c.summary);
    expect(summaries).toEqual([
      'Plan details: version changed from 2 to 3',
      'Section A: my interests changed from “I love drawing comics, looking after our rabbits and playing football at the…” to “I love drawing comics and making stop-motion films.”',
      'Section E: added outcome “Tobias will travel to college by bus on his own.”',
      'Section F: removed structured phonics and reading comprehension programme',
      'Section F: speech and language therapy: who delivers it changed from speech and language therapist (HCPC registered) to speech and language therapy assistant (supervised by an HCPC registered therapist)',
      'Section I: the placement changed from Hollowmere Academy (URN 149999) to a special school (type only)',
    ]);
  });

  it('notices a reordering of kept items', () => {
    const newer = examplePlan();
    newer.sections.K.advice.reverse();
    const diff = diffPlans(examplePlan(), newer);
    expect(diff.changes).toEqual([expect.objectContaining({ kind: 'items-reordered', order: ['adv-salt', 'adv-ep', 'adv-school', 'adv-parent'], summary: 'Section K: the order of the advice changed' })]);
    expect(applyDiff(examplePlan(), diff)).toEqual(newer);
  });

  it('treats a list with a repeated id as one value, so the diff stays exact', () => {
    const newer = examplePlan();
    newer.sections.K.advice.push({ ...newer.sections.K.advice[0]! });
    const diff = diffPlans(examplePlan(), newer);
    expect(diff.changes.map((c) => c.kind)).toEqual(['field']);
    expect(applyDiff(examplePlan(), diff)).toEqual(newer);
  });

  it('leaves both inputs untouched', () => {
    const older = examplePlan();
    const newer = examplePlan();
    newer.sections.F.provision.pop();
    const diff = diffPlans(older, newer);
    applyDiff(older, diff);
    expect(older).toEqual(examplePlan());
    expect(newer.sections.F.provision).toHaveLength(3);
  });
});

describe('applyDiff', () => {
  it('refuses a diff made from another version', () => {
    const newer = examplePlan();
    newer.sections.F.provision[0]!.durationMinutes = 45;
    const diff = diffPlans(examplePlan(), newer);
    const other = examplePlan();
    other.sections.F.provision[0]!.durationMinutes = 60;
    expect(() => applyDiff(other, diff)).toThrow(PlanDiffConflictError);
  });

  it('reproduces the newer version for any two plans (property)', () => {
    fc.assert(
      fc.property(planArbitrary, planArbitrary, (a, b) => {
        const result = applyDiff(a, diffPlans(a, b));
        expect(result).toEqual(b);
        expect(JSON.stringify(normalisePlan(result))).toBe(JSON.stringify(normalisePlan(b)));
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces the newer version after random edits, and survives a JSON round trip of the diff (property)', () => {
    fc.assert(
      fc.property(planArbitrary, fc.array(editArbitrary, { maxLength: 6 }), (a, edits) => {
        const b = structuredClone(a);
        for (const edit of edits) edit(b);
        const stored = JSON.parse(JSON.stringify(diffPlans(a, b)));
        expect(applyDiff(a, stored)).toEqual(b);
        if (edits.length === 0) expect(stored.changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every change a summary naming its section (property)', () => {
    fc.assert(
      fc.property(planArbitrary, planArbitrary, (a, b) => {
        for (const change of diffPlans(a, b).changes) {
          expect(change.summary.startsWith(change.section === null ? 'Plan details: ' : `Section ${change.section}: `)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
