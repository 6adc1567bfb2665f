import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/platform/db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// Proven as the application role: a superuser would bypass row-level security and prove nothing.
describe('row-level security for the application role', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`insert into councils values ('370','E08000016','Barnsley','E12000003','Yorkshire and The Humber'),
      ('886','E10000016','Kent','E12000008','South East')`.execute(t.adminDb);
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values
      ('370','00000000-0000-0000-0000-000000000370','Ada','Test','2015-01-01'),
      ('886','00000000-0000-0000-0000-000000000886','Ben','Test','2015-01-01')`.execute(t.adminDb);
  });
  afterAll(() => t.drop());

  it('connects as an unprivileged role that cannot bypass RLS', async () => {
    const r = await sql<{ u: string; bypass: boolean; sup: boolean }>`select current_user as u,
      (select rolbypassrls from pg_roles where rolname = current_user) as bypass,
      (select rolsuper from pg_roles where rolname = current_user) as sup`.execute(t.db);
    expect(r.rows[0]).toEqual({ u: 'opensend_app', bypass: false, sup: false });
  });

  it('sees only the councils of the current scope', async () => {
    const seen = await withTenant(t.db, { laCodes: ['370'] }, (tx) => tx.selectFrom('children').select('la_code').execute());
    expect(seen.map((r) => r.la_code)).toEqual(['370']);
    const both = await withTenant(t.db, { laCodes: ['370', '886'] }, (tx) => tx.selectFrom('children').select('la_code').orderBy('la_code').execute());
    expect(both.map((r) => r.la_code)).toEqual(['370', '886']);
  });

  it('reads the scope once per query in every tenant policy (migration 0134), never once per row', async () => {
    const policies = await sql<{ tablename: string; qual: string | null; with_check: string | null }>`select tablename, qual, with_check from pg_policies
      where schemaname = 'public' and (qual like '%app_la_codes()%' or with_check like '%app_la_codes()%')`.execute(t.adminDb);
    expect(policies.rows.length).toBeGreaterThan(40);
    const perRow = policies.rows.filter((p) => [p.qual, p.with_check].some((e) => e !== null && /app_la_codes\(\)/.test(e) && !/SELECT app_la_codes\(\)/.test(e)));
    expect(perRow.map((p) => p.tablename)).toEqual([]);
    // And the rewritten form still scopes: a scope of two councils sees both, one sees one, none sees none.
    const scoped = async (laCodes: string[]) => (await withTenant(t.db, { laCodes }, (tx) => tx.selectFrom('children').select('la_code').orderBy('la_code').execute())).map((r) => r.la_code);
    expect(await scoped(['370', '886'])).toEqual(['370', '886']);
    expect(await scoped(['886'])).toEqual(['886']);
    expect(await scoped([])).toEqual([]);
  });

  it('sees nothing without a scope, even by id', async () => {
    const rows = await t.db.selectFrom('children').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('cannot write into another council', async () => {
    await expect(
      withTenant(t.db, { laCodes: ['370'] }, (tx) =>
        tx.insertInto('children').values({ la_code: '886', given_name: 'X', family_name: 'Y', date_of_birth: '2016-01-01' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot change or delete audit events (append-only)', async () => {
    await withTenant(t.db, { laCodes: ['370'] }, (tx) =>
      tx.insertInto('audit_events').values({ la_code: '370', action: 'view', record_type: 'child', record_id: 'x' }).execute(),
    );
    await expect(
      withTenant(t.db, { laCodes: ['370'] }, (tx) => tx.deleteFrom('audit_events').execute()),
    ).rejects.toThrow(/permission denied/);
  });
});
