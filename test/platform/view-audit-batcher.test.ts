import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewAuditBatcher } from '../../src/platform/audit/view-audit-batcher.ts';
import { addCouncils } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const row = (la: string, recordId: string) => ({ la_code: la, action: 'view', record_type: 'case', record_id: recordId, request_id: recordId });

describe('view audit group commit', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
  });
  afterAll(() => t.drop());

  const stored = async (prefix: string) =>
    (await t.adminDb.selectFrom('audit_events').select(['la_code', 'record_id']).where('record_id', 'like', `${prefix}%`).orderBy('record_id').execute()).map((r) => `${r.la_code}:${r.record_id}`);

  it('writes a lone row at once, and it is committed when the promise resolves', async () => {
    const batcher = new ViewAuditBatcher(t.db);
    await batcher.write(row('370', 'lone-1'));
    expect(await stored('lone-')).toEqual(['370:lone-1']);
    expect(batcher.statements).toBe(1);
  });

  it('commits rows that arrive while an INSERT is in flight together, across councils, losing none', async () => {
    const batcher = new ViewAuditBatcher(t.db);
    const ids = Array.from({ length: 60 }, (_, i) => `many-${String(i).padStart(2, '0')}`);
    await Promise.all(ids.map((id, i) => batcher.write(row(i % 2 ? '886' : '370', id))));
    expect(await stored('many-')).toEqual(ids.map((id, i) => `${i % 2 ? '886' : '370'}:${id}`));
    // The first row goes alone; the 59 that queued behind it share one statement.
    expect(batcher.statements).toBe(2);
  });

  it('fails every request of a batch that cannot be written, and keeps working afterwards', async () => {
    const batcher = new ViewAuditBatcher(t.db);
    const first = batcher.write(row('370', 'fail-0'));
    // Queued behind the first: an unknown council breaks the foreign key, so the whole batch fails.
    const doomed = [batcher.write(row('370', 'fail-1')), batcher.write(row('999', 'fail-2'))];
    await expect(first).resolves.toBeUndefined();
    for (const d of doomed) await expect(d).rejects.toThrow();
    expect(await stored('fail-')).toEqual(['370:fail-0']);
    await batcher.write(row('886', 'fail-3'));
    expect(await stored('fail-')).toEqual(['370:fail-0', '886:fail-3']);
  });
});
