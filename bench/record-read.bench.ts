import pg from 'pg';
import { sql } from 'kysely';
import type { BenchResult } from './bench-result.ts';
import { median } from './bench-result.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { hashedPassword, signedInCookie, startBenchApp } from './support/bench-app.ts';
import { requestsPerSecond } from './support/load.ts';
import { caseRecordQuery } from '../src/modules/cases/index.ts';

/**
 * record-read: requests/s of GET /api/cases/:id (signed in, authorised, row-level security, the view
 * audited) against the same read query run through the raw pg driver in a loop with the same
 * concurrency. Target ratio >= 0.5.
 */
export async function run(): Promise<BenchResult> {
  const handle = await openBenchDatabase();
  try {
    const admin = new pg.Client({ connectionString: handle.adminUrl });
    await admin.connect();
    await admin.query(`insert into councils values ('370','E08000016','Barnsley','E12000003','Yorkshire and The Humber') on conflict do nothing`);
    const password = 'Bench-password-2026';
    const user = await admin.query<{ id: string }>(`insert into users (email, display_name, password_hash) values ('reader@bench.opensend.test', 'Bench Reader', $1) returning id`, [await hashedPassword(password)]);
    await admin.query(`insert into user_roles (user_id, role, la_code) values ($1, 'ehc-coordinator', '370')`, [user.rows[0]!.id]);
    const child = await admin.query<{ id: string }>(`insert into children (la_code, given_name, family_name, date_of_birth) values ('370', 'Bench', 'Child', '2015-05-05') returning id`);
    const kase = await admin.query<{ id: string }>(`insert into cases (la_code, child_id, reference, opened_on) values ('370', $1, 'EHC-370-999999', '2025-01-06') returning id`, [child.rows[0]!.id]);
    const caseId = kase.rows[0]!.id;
    for (const [seq, type, on] of [[1, 'request-received', '2025-01-06'], [2, 'decision-to-assess', '2025-02-10'], [3, 'draft-served', '2025-04-20'], [4, 'final-plan-issued', '2025-05-20']] as const) {
      await admin.query(`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values ('370', $1, $2, $3, $4, '{}')`, [caseId, seq, type, on]);
    }
    await admin.end();

    const { app, base } = await startBenchApp(handle.db);
    const cookie = await signedInCookie(app, 'reader@bench.opensend.test', password);
    const full = await requestsPerSecond(`${base}/api/cases/${caseId}`, { headers: { cookie } });
    await app.close();
    if (full.non2xx || full.errors) throw new Error(`record-read: ${full.non2xx} non-2xx, ${full.errors} errors`);

    // The floor: the same read, as the app role with the same tenancy, straight through pg,
    // 10 concurrent loops (like autocannon's 10 connections) for the same duration.
    const pool = new pg.Pool({ connectionString: handle.appUrl, max: 10 });
    pool.on('error', () => undefined);
    const { sql: text, parameters } = caseRecordQuery(handle.db, caseId).compile();
    const rounds: number[] = [];
    for (let r = 0; r < 3; r++) {
      let count = 0;
      const until = performance.now() + 4000;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const c = await pool.connect();
          await c.query(`select set_config('app.la_codes', '370', false)`);
          while (performance.now() < until) {
            await c.query(text, parameters as unknown[]);
            count++;
          }
          c.release();
        }),
      );
      rounds.push(count / 4);
    }
    await pool.end();
    void sql;
    const floor = median(rounds);
    return { name: 'record-read', value: full.median, floor, ratio: full.median / floor, unit: 'req/s', target: '>=0.5', details: { httpRuns: full.runs, rawRuns: rounds } };
  } finally {
    await handle.cleanup();
  }
}
