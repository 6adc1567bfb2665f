import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../platform/db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { appendCaseEvent, CaseNotFoundError, loadCaseEvents, StaleCaseVersionError } from './case-events.repository.ts';
import { refreshStaleProjections } from './case-projection.repository.ts';

const CASE = '00000000-0000-0000-0000-0000000000c1';

describe('appendCaseEvent', () => {
  let t: TestDatabase;
  const in370 = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { laCodes: ['370'] }, fn);
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`insert into councils values ('370','E08000016','Barnsley','E12000003','Y'), ('886','E10000016','Kent','E12000008','SE')`.execute(t.adminDb);
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values ('370','00000000-0000-0000-0000-0000000000a1','Ada','Test','2015-01-01')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values ('370', ${CASE}, '00000000-0000-0000-0000-0000000000a1', 'R1', '2026-01-06')`.execute(t.adminDb);
  });
  afterAll(() => t.drop());

  it('appends in sequence, bumps the version and writes the projection in the same transaction', async () => {
    const first = await in370((tx) => appendCaseEvent(tx, { laCode: '370', caseId: CASE, type: 'request-received', occurredOn: '2026-01-06', data: { source: 'parent' }, actorUserId: null, expectedVersion: 1 }));
    expect(first).toEqual({ seq: 1, version: 2 });
    const second = await in370((tx) => appendCaseEvent(tx, { laCode: '370', caseId: CASE, type: 'decision-to-assess', occurredOn: '2026-02-10', data: { decision: 'assess' }, actorUserId: null }));
    expect(second).toEqual({ seq: 2, version: 3 });
    const events = await in370((tx) => loadCaseEvents(tx, '370', CASE));
    expect(events.map((e) => e.type)).toEqual(['request-received', 'decision-to-assess']);
    const row = await t.adminDb.selectFrom('case_deadlines').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ projected_version: 3, stage: 'assessing', next_rule_id: 'decision-not-to-issue', next_due: '2026-04-28', requested_on: '2026-01-06', decided_on: '2026-02-10', decision: 'assess' });
  });

  it('refuses a stale version and writes nothing', async () => {
    const attempt = in370((tx) => appendCaseEvent(tx, { laCode: '370', caseId: CASE, type: 'draft-served', occurredOn: '2026-04-01', data: {}, actorUserId: null, expectedVersion: 2 }));
    await expect(attempt).rejects.toBeInstanceOf(StaleCaseVersionError);
    await expect(attempt).rejects.toMatchObject({ expectedVersion: 2, currentVersion: 3 });
    expect(await in370((tx) => loadCaseEvents(tx, '370', CASE))).toHaveLength(2);
  });

  it('lets only one of two concurrent writers with the same version win', async () => {
    const write = () => in370((tx) => appendCaseEvent(tx, { laCode: '370', caseId: CASE, type: 'exception-recorded', occurredOn: '2026-03-01', data: { reason: 'absent-from-area' }, actorUserId: null, expectedVersion: 3 }));
    const results = await Promise.allSettled([write(), write()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof StaleCaseVersionError)).toHaveLength(1);
  });

  it('cannot see or write a case of another council', async () => {
    const attempt = withTenant(t.db, { laCodes: ['886'] }, (tx) => appendCaseEvent(tx, { laCode: '370', caseId: CASE, type: 'draft-served', occurredOn: '2026-04-01', data: {}, actorUserId: null }));
    await expect(attempt).rejects.toBeInstanceOf(CaseNotFoundError);
  });

  it('rebuilds missing or stale projection rows from the events', async () => {
    await sql`delete from case_deadlines`.execute(t.adminDb);
    expect(await in370((tx) => refreshStaleProjections(tx, ['370']))).toBe(1);
    expect(await in370((tx) => refreshStaleProjections(tx, ['370']))).toBe(0);
    const row = await t.adminDb.selectFrom('case_deadlines').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ projected_version: 4, stage: 'assessing', next_exception: true });
  });
});
