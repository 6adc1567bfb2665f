import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import { newDraftDocument } from '../application/new-draft.ts';
import { replaceSection } from '../domain/plan-editing.ts';
import { exampleDraft } from '../domain/plan-test-fixtures.ts';
import { createPlanWorld, type PlanWorld } from '../plan-test-world.ts';
import { fingerprint } from './canonical-json.ts';
import { createPlan, findVersionOfCase, markIssued, saveDraftSection } from './plan.repository.ts';

describe('plan storage on PostgreSQL', () => {
  let t: TestDatabase;
  let w: PlanWorld;
  const scope = { laCodes: ['370'] };

  beforeAll(async () => {
    t = await createTestDatabase();
    w = await createPlanWorld(t);
    const planId = randomUUID();
    const doc = newDraftDocument({ planId, child: { givenName: 'Amara', familyName: 'Synthetic', dateOfBirth: '2015-04-12', upn: null }, la: { code: '370', name: 'Council 370' }, primaryNeed: 'SLCN' });
    await withTenant(t.db, scope, (tx) => createPlan(tx, { laCode: '370', planId, caseId: w.caseId, childId: w.childId }, doc));
  });
  afterAll(async () => t?.drop());

  it('keeps plans of one council out of sight of another', async () => {
    const seen = await withTenant(t.db, { laCodes: ['886'] }, (tx) => findVersionOfCase(tx, w.caseId, 'latest'));
    expect(seen).toBeUndefined();
  });

  it('refuses the second of two concurrent saves of the same section, made from the same copy', async () => {
    const start = (await withTenant(t.db, scope, (tx) => findVersionOfCase(tx, w.caseId, 'draft')))!;
    const expected = { lockVersion: start.lockVersion, sectionFingerprint: fingerprint(start.document.sections.A) };
    const edit = (interests: string) => (d: typeof start.document) => replaceSection(d, 'A', { ...d.sections.A, aboutMe: { ...d.sections.A.aboutMe, interests } });
    // Two sessions: the first holds its transaction open (row locked) while the second tries to save.
    let releaseFirst!: () => void;
    const firstHolding = new Promise<void>((resolve) => { releaseFirst = resolve; });
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => { firstLocked = resolve; });
    const first = withTenant(t.db, scope, async (tx) => {
      const r = await saveDraftSection(tx, w.caseId, 'A', edit('I like trains'), expected);
      firstLocked();
      await firstHolding;
      return r;
    });
    await locked;
    const second = withTenant(t.db, scope, (tx) => saveDraftSection(tx, w.caseId, 'A', edit('I like painting'), expected));
    // The second is blocked on the row lock until the first commits.
    const raced = await Promise.race([second.then(() => 'finished'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    expect(raced).toBe('waiting');
    releaseFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(a.saved).toBe(true);
    expect(b).toMatchObject({ saved: false, reason: 'conflict' });
    if (!b.saved && b.reason === 'conflict') expect(b.current.document.sections.A.aboutMe.interests).toBe('I like trains');
  });

  it('lets a save from an older copy through when only another section changed meanwhile', async () => {
    const start = (await withTenant(t.db, scope, (tx) => findVersionOfCase(tx, w.caseId, 'draft')))!;
    const sectionsA = { lockVersion: start.lockVersion, sectionFingerprint: fingerprint(start.document.sections.A) };
    const sectionsI = { lockVersion: start.lockVersion, sectionFingerprint: fingerprint(start.document.sections.I) };
    const saveI = await withTenant(t.db, scope, (tx) => saveDraftSection(tx, w.caseId, 'I', (d) => replaceSection(d, 'I', { kind: 'type-only', settingType: 'special-school' }), sectionsI));
    const saveA = await withTenant(t.db, scope, (tx) => saveDraftSection(tx, w.caseId, 'A', (d) => replaceSection(d, 'A', { ...d.sections.A, parentsViews: 'We agree.' }), sectionsA));
    expect(saveI.saved && saveA.saved).toBe(true);
    const now = (await withTenant(t.db, scope, (tx) => findVersionOfCase(tx, w.caseId, 'draft')))!;
    expect(now.document.sections.I).toEqual({ kind: 'type-only', settingType: 'special-school' });
    expect(now.document.sections.A.parentsViews).toBe('We agree.');
  });

  it('never lets an issued version change: the trigger refuses UPDATE even when the application tries', async () => {
    const planId = randomUUID();
    const draft = { ...exampleDraft(), planId, version: 1 };
    const ref = { laCode: '370', planId, caseId: w.otherCaseId, childId: w.childId };
    await withTenant(t.db, scope, (tx) => createPlan(tx, ref, draft));
    const stored = (await withTenant(t.db, scope, (tx) => findVersionOfCase(tx, w.otherCaseId, 'draft')))!;
    const issued = { ...draft, status: 'final' as const, issuedOn: '2026-01-05', issuedBy: { name: 'Test', role: 'EHC coordinator' } };
    expect(await withTenant(t.db, scope, (tx) => markIssued(tx, stored, issued, w.coordinator.id))).toBe(true);
    for (const db of [t.db, t.adminDb]) {
      await expect(withTenant(db, scope, (tx) => sql`update plan_versions set document = '{}'::jsonb where plan_id = ${planId}`.execute(tx)))
        .rejects.toThrow(/has been issued and cannot be changed/);
    }
    await expect(withTenant(t.db, scope, (tx) => sql`delete from plan_versions where plan_id = ${planId}`.execute(tx))).rejects.toThrow(/cannot be deleted/);
    const after = (await withTenant(t.db, scope, (tx) => findVersionOfCase(tx, w.otherCaseId, 1)))!;
    expect(after.document).toEqual(issued);
  });

  it('keeps comments append-only for the application', async () => {
    await expect(withTenant(t.db, scope, (tx) => sql`update plan_comments set body = 'x'`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});
