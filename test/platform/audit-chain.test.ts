import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/platform/audit/audit-verify.ts';
import { sealAuditEvents, startAuditSealer } from '../../src/platform/audit/audit-sealer.ts';
import { withTenant } from '../../src/platform/db/connection.ts';
import { addCouncils } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe('tamper-evident audit trail', () => {
  let t: TestDatabase;
  const write = (la: string, n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        withTenant(t.db, { laCodes: [la] }, (tx) =>
          tx.insertInto('audit_events').values({ la_code: la, action: 'view', record_type: 'case', record_id: `r${i}` }).execute(),
        ),
      ),
    );

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    await write('370', 30); // concurrently: the chain must still be one unbroken line
    await write('886', 5);
    await sealAuditEvents(t.db);
  });
  afterAll(() => t.drop());

  it('chains every event of a council in one unbroken line, even when written concurrently', async () => {
    const rows = await t.adminDb.selectFrom('audit_events').select('chain_seq').where('la_code', '=', '370').execute();
    expect(rows.map((r) => Number(r.chain_seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await verifyAuditChains(t.adminUrl)).toEqual({ councils: 2, events: 35, problems: [] });
  });

  it('detects an altered event', async () => {
    await sql`update audit_events set action = 'nothing to see' where la_code = '886' and chain_seq = 3`.execute(t.adminDb);
    const result = await verifyAuditChains(t.adminUrl, '886');
    expect(result.problems).toEqual([{ laCode: '886', chainSeq: 3, problem: 'its content has changed since it was written' }]);
  });

  it('detects a deleted event', async () => {
    await sql`delete from audit_events where la_code = '370' and chain_seq = 10`.execute(t.adminDb);
    const result = await verifyAuditChains(t.adminUrl, '370');
    expect(result.problems).toEqual([
      { laCode: '370', chainSeq: 11, problem: 'events 10 to 10 are missing' },
      { laCode: '370', chainSeq: 11, problem: 'does not link to the event before it' },
    ]);
  });

  it('writes events without waiting for the chain, and seals them in the background', async () => {
    await write('370', 8);
    const unsealed = await t.adminDb.selectFrom('audit_events').select('id').where('chain_seq', 'is', null).execute();
    expect(unsealed).toHaveLength(8);
    const sealer = startAuditSealer(t.db, { intervalMs: 50 });
    await expect.poll(async () => (await t.adminDb.selectFrom('audit_events').select('id').where('chain_seq', 'is', null).execute()).length, { timeout: 5000 }).toBe(0);
    await sealer.stop();
    const last = await t.adminDb.selectFrom('audit_events').select((eb) => eb.fn.max('chain_seq').as('max')).where('la_code', '=', '370').executeTakeFirstOrThrow();
    expect(Number(last.max)).toBe(38);
  });

  it('verify seals what is not yet sealed, then checks it', async () => {
    await write('886', 3);
    const result = await verifyAuditChains(t.adminUrl, '886');
    expect(result.events).toBe(8);
  });

  it('cannot be changed by the application role at all', async () => {
    await expect(withTenant(t.db, { laCodes: ['370'] }, (tx) => tx.updateTable('audit_events').set({ action: 'x' }).execute())).rejects.toThrow(/permission denied/);
  });
});
