import pg from 'pg';
import { sql } from 'kysely';
import { median, type BenchResult } from './bench-result.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { hashedPassword, signedInCookie, startBenchApp } from './support/bench-app.ts';
import { withTenant } from '../src/platform/db/connection.ts';
import { todayInEngland, formatIsoDate } from '../src/platform/calendar/index.ts';
import { seedLocalArea } from '../src/modules/demo-area/index.ts';

/**
 * dashboard-council: the council dashboard page (GET /insight, signed in as Kent's SEND manager:
 * session, access control, the indicator cache, narratives, DfE benchmarks, ten charts with their
 * tables, rendered) against an indexed count of that council's plans, run as the application role
 * with the same tenancy, in the same run. Target ratio <= 3.
 *
 * Data: Kent (886) seeded by seedLocalArea (~20,000 plans, calibrated on DfE). The page is timed
 * after its first visit, which fills the per-council cache (see docs/adr/0011); the fill itself is
 * reported in details as `firstVisitMs`. The national-size dataset version belongs to a later issue.
 */
const RUNS = 30;
const LA = '886';

export async function run(): Promise<BenchResult> {
  const handle = await openBenchDatabase();
  try {
    const seeded = await seedLocalArea({ adminUrl: handle.adminUrl, laCode: LA, today: formatIsoDate(todayInEngland(new Date())) });
    const admin = new pg.Client({ connectionString: handle.adminUrl });
    await admin.connect();
    const password = 'Bench-password-2026';
    const user = await admin.query<{ id: string }>(`insert into users (email, display_name, password_hash) values ('manager@bench.opensend.test', 'Bench Manager', $1) returning id`, [await hashedPassword(password)]);
    await admin.query(`insert into user_roles (user_id, role, la_code) values ($1, 'send-manager', $2)`, [user.rows[0]!.id, LA]);
    await admin.query('analyze');
    await admin.end();

    const { app } = await startBenchApp(handle.db);
    const cookie = await signedInCookie(app, 'manager@bench.opensend.test', password);
    const page = async (): Promise<number> => {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url: '/insight', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`dashboard-council: GET /insight answered ${res.statusCode}`);
      return performance.now() - started;
    };
    const firstVisitMs = await page();
    for (let i = 0; i < 3; i++) await page();
    const pageRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) pageRuns.push(await page());
    await app.close();

    const count = async (): Promise<{ ms: number; plans: number }> => {
      const started = performance.now();
      const plans = await withTenant(handle.db, { laCodes: [LA] }, async (tx) =>
        Number((await sql<{ n: number }>`select count(*) as n from case_events where la_code = ${LA} and type = 'final-plan-issued'`.execute(tx)).rows[0]?.n ?? 0),
      );
      return { ms: performance.now() - started, plans };
    };
    for (let i = 0; i < 3; i++) await count();
    const floorRuns: number[] = [];
    let plans = 0;
    for (let i = 0; i < RUNS; i++) {
      const c = await count();
      floorRuns.push(c.ms);
      plans = c.plans;
    }
    const value = median(pageRuns);
    const floor = median(floorRuns);
    return {
      name: 'dashboard-council', value, floor, ratio: value / floor, unit: 'ms', target: '<=3',
      details: { council: `${seeded.councilName} (${LA})`, plansIssued: plans, seedMs: seeded.elapsedMs, firstVisitMs: Math.round(firstVisitMs), pageRuns, floorRuns },
    };
  } finally {
    await handle.cleanup();
  }
}
