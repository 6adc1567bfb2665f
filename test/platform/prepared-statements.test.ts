import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWithTenant } from '../../src/platform/db/connection.ts';
import { addCouncils } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** prepared-statements.ts: a parameterised text seen again is sent as a named, server-side statement. */
describe('named statements below Kysely', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
  });
  afterAll(() => t.drop());

  // pg_prepared_statements lists what this very connection has prepared (readWithTenant's pool
  // gives back the same connection when it is the only one in use).
  const preparedHere = (q: Parameters<Parameters<typeof readWithTenant>[2]>[0]) =>
    sql<{ statement: string }>`select statement from pg_prepared_statements where statement like '%councils%la_code%'`.execute(q);

  it('names a text the second time it is seen, reuses it after, and gives the same answer', async () => {
    const read = () => readWithTenant(t.db, { laCodes: ['370'] }, async (q) => ({
      row: await q.selectFrom('councils').select('name').where('la_code', '=', '370').where('name', 'is not', null).executeTakeFirst(),
      prepared: (await preparedHere(q)).rows.length,
    }));
    const runs = [await read(), await read(), await read(), await read()];
    expect(runs.map((r) => r.row?.name)).toEqual(Array(4).fill('Council 370'));
    // Seen once: unnamed. Seen again: named and prepared on the connection, once, whatever the reuse.
    expect(runs.map((r) => Math.min(r.prepared, 1))).toEqual([0, 1, 1, 1]);
  });

  it('leaves statements without values (the simple protocol) alone', async () => {
    for (let i = 0; i < 3; i++) await sql.raw(`select 1 as "unnamed_0"`).execute(t.db);
    const rows = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like '%unnamed_0%'`.execute(t.db);
    expect(rows.rows[0]!.n).toBe(0);
  });
});
