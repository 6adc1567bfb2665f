import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { withTenant } from '../../src/platform/db/connection.ts';
import { scaleCalibration, seedNational, type NationalProgress } from '../../src/modules/demo-area/index.ts';
import { readCalibration, readCalibrationSources, DEFAULT_REFERENCE_DIR } from '../../src/modules/demo-area/index.ts';

// Three councils at a hundredth of their size: Kent (886, the largest), Rutland (857) and the City
// of London (201, the smallest, lifted to the floor), so the test stays a few seconds.
const TODAY = '2026-03-02';
const COUNCILS = ['886', '857', '201'];
let t: TestDatabase;
let admin: pg.Client;

const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await admin.query<{ n: string }>(sql, params)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestDatabase();
  admin = new pg.Client({ connectionString: t.adminUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await t?.drop();
});

describe('scaleCalibration', () => {
  it('keeps the published shares and lifts the smallest councils to a floor', async () => {
    const sources = await readCalibrationSources(DEFAULT_REFERENCE_DIR);
    const kent = readCalibration(sources, '886');
    const tenth = scaleCalibration(kent, 0.1);
    expect(tenth.plansInPlace).toBe(Math.round(kent.plansInPlace / 10));
    expect(tenth.needs.ASD / tenth.plansInPlace).toBeCloseTo(kent.needs.ASD / kent.plansInPlace, 2);
    expect(tenth.requests.received).toBe(Math.round(kent.requests.received / 10));
    expect(scaleCalibration(kent, 1)).toBe(kent);
    const city = scaleCalibration(readCalibration(sources, '201'), 0.001);
    expect(city.plansInPlace).toBeGreaterThanOrEqual(12);
    expect(() => scaleCalibration(kent, 0)).toThrow(RangeError);
  });
});

describe('seedNational on a real database (COPY)', () => {
  it('writes every council asked for, calibrated and scaled, with progress, and is visible under RLS', async () => {
    const progress: NationalProgress[] = [];
    const result = await seedNational({ adminUrl: t.adminUrl, scale: 0.01, today: TODAY, laCodes: COUNCILS, onProgress: (p) => progress.push(p) });
    expect(result.councils).toBe(3);
    expect(result.skipped).toEqual([]);
    expect(progress.at(-1)!.councilsDone).toBe(3);
    expect(progress.at(-1)!.rows).toBeGreaterThan(result.counts.caseEvents);
    for (const la of COUNCILS) expect(await count('select count(*) as n from cases where la_code = $1', [la])).toBeGreaterThan(10);
    expect(await count('select count(*) as n from case_events')).toBe(result.counts.caseEvents);
    expect(await count('select count(*) as n from children')).toBe(result.counts.children);
    // Kent at a hundredth: about 206 plans in place, so about that many issued plans.
    const issued = await count(`select count(distinct case_id) as n from case_events where la_code = '886' and type = 'final-plan-issued'`);
    expect(issued).toBeGreaterThan(170);
    expect(issued).toBeLessThan(260);
    // JSON, arrays and booleans survive the COPY text format.
    const { rows } = await admin.query<{ data: Record<string, unknown> }>(`select data from case_events where la_code = '886' and type = 'request-received' limit 1`);
    expect(typeof rows[0]!.data.source).toBe('string');
    expect(await count(`select count(*) as n from settings where la_code = '886' and cardinality(needs_designated) > 0`)).toBeGreaterThan(0);
    // The app role sees one council's rows and no other's.
    const seen = await withTenant(t.db, { laCodes: ['857'] }, async (tx) => tx.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    expect(Number(seen.n)).toBe(await count(`select count(*) as n from cases where la_code = '857'`));
  });

  it('skips councils already seeded, so an interrupted load resumes; --reset replaces them', async () => {
    const before = await count('select count(*) as n from cases');
    const again = await seedNational({ adminUrl: t.adminUrl, scale: 0.01, today: TODAY, laCodes: ['857', '201'] });
    expect(again.councils).toBe(0);
    expect(again.skipped).toHaveLength(2);
    expect(await count('select count(*) as n from cases')).toBe(before);
    const reset = await seedNational({ adminUrl: t.adminUrl, scale: 0.01, today: TODAY, laCodes: ['201'], reset: true });
    expect(reset.councils).toBe(1);
    expect(await count('select count(*) as n from cases')).toBe(before);
  });
});
