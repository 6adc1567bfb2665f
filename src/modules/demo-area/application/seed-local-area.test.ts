import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import { verifyPassword } from '../../../platform/identity/passwords.ts';
import { AlreadySeededError } from '../infrastructure/demo-area.loader.ts';
import { DEMO_PASSWORD } from '../domain/demo-accounts.ts';
import { isSeeded, seedLocalArea } from './seed-local-area.ts';

// City of London (201: 26 plans, 5 requests) and Rutland (857: 376 plans, 75 requests) are the
// smallest councils with every figure published, so a real seed stays fast.
const TODAY = '2026-03-02';
let t: TestDatabase;
let admin: pg.Client;

async function count(table: string, laCode: string): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(`select count(*) as n from ${table} where la_code = $1`, [laCode]);
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  t = await createTestDatabase();
  admin = new pg.Client({ connectionString: t.adminUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await t?.drop();
});

describe('seedLocalArea on a real database', () => {
  it('loads the councils and writes a calibrated area with demo sign-ins', async () => {
    expect(await isSeeded(t.adminUrl, '857')).toBe(false);
    const progress: number[] = [];
    const result = await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', seed: 7, today: TODAY, onProgress: (w) => progress.push(w) });
    expect(result.councilName).toBe('Rutland');
    expect(await isSeeded(t.adminUrl, '857')).toBe(true);
    const { rows: councils } = await admin.query<{ n: string }>('select count(*) as n from councils');
    expect(Number(councils[0]!.n)).toBe(153);
    expect(await count('cases', '857')).toBe(result.counts.cases);
    expect(await count('case_events', '857')).toBe(result.counts.caseEvents);
    expect(await count('children', '857')).toBe(result.counts.children);
    expect(await count('placements', '857')).toBe(result.counts.placements);
    const { rows: plans } = await admin.query<{ n: string }>(`select count(*) as n from case_events where la_code = '857' and type = 'final-plan-issued'`);
    expect(Number(plans[0]!.n)).toBe(376);
    expect(progress.at(-1)).toBe(Object.values(result.counts).reduce((a, b) => a + b, 0));
    expect(result.demoAccounts).toHaveLength(10);
    const { rows: users } = await admin.query<{ password_hash: string | null }>(
      `select password_hash from users where email = 'coordinator@857.demo.opensend.test'`,
    );
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('refuses to seed a council twice without reset, leaving it as it was', async () => {
    const before = await count('case_events', '857');
    await expect(seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', today: TODAY })).rejects.toBeInstanceOf(AlreadySeededError);
    await expect(seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', today: TODAY })).rejects.toThrow(/already has \d+ cases: run again with --reset/);
    expect(await count('case_events', '857')).toBe(before);
  });

  it('resets one council without touching another', async () => {
    const other = await seedLocalArea({ adminUrl: t.adminUrl, laCode: '201', seed: 1, today: TODAY });
    const otherCases = await count('cases', '201');
    expect(otherCases).toBe(other.counts.cases);
    const snapshot = await admin.query(`select id, reference from cases where la_code = '201' order by reference`);

    const again = await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', seed: 8, today: TODAY, reset: true });
    expect(await count('cases', '857')).toBe(again.counts.cases);
    expect(await count('children', '857')).toBe(again.counts.children);
    const { rows: demoUsers } = await admin.query<{ n: string }>(`select count(*) as n from users where email like '%@857.demo.opensend.test'`);
    expect(Number(demoUsers[0]!.n)).toBe(again.counts.users);

    expect(await count('cases', '201')).toBe(otherCases);
    expect((await admin.query(`select id, reference from cases where la_code = '201' order by reference`)).rows).toEqual(snapshot.rows);
  });

  it('is visible to the application role only within its council (row-level security)', async () => {
    const rows = await withTenant(t.db, { laCodes: ['201'] }, (tx) => tx.selectFrom('cases').select(['la_code']).execute());
    expect(rows.length).toBe(await count('cases', '201'));
    expect(rows.every((r) => r.la_code === '201')).toBe(true);
  });
});
