import pg from 'pg';
import type { BenchResult } from './bench-result.ts';
import { median } from './bench-result.ts';
import { startBenchApp } from './support/bench-app.ts';
import { KENT as LA, kentStaff } from './support/kent-staff.ts';
import { openNationalDataset, plansIn } from './support/national-dataset.ts';
import { requestsPerSecond } from './support/load.ts';
import { caseRecordQuery } from '../src/modules/cases/index.ts';


/**
 * record-read: requests/s of GET /api/cases/:id (signed in, authorised, row-level security, the view
 * audited) against the same read query run through the raw pg driver in a loop with the same
 * concurrency, with England loaded (the national dataset, ~640,000 plans). Target ratio >= 0.5.
 */
export async function run(): Promise<BenchResult> {
  // National size (#14): England loaded, a Kent coordinator reading one of their own cases.
  const handle = await openNationalDataset(1);
  try {
    const { app, base } = await startBenchApp(handle.db);
    const { coordinator: cookie, cases } = await kentStaff(app, handle, 1);
    const caseId = cases[0];
    if (!caseId) throw new Error('record-read: the national dataset has no case for the Kent coordinator');
    const full = await requestsPerSecond(`${base}/api/cases/${caseId}`, { headers: { cookie } });
    await app.close();
    if (full.non2xx || full.errors) throw new Error(`record-read: ${full.non2xx} non-2xx, ${full.errors} errors`);

    // The floor: the same read, as the app role with the same tenancy, straight through pg as the
    // same named statement, 10 concurrent loops (like autocannon's 10 connections) for the same
    // duration.
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
          await c.query(`select set_config('app.la_codes', $1, false)`, [LA]);
          while (performance.now() < until) {
            // Named, as the app's pool sends a statement it has seen before (prepared-statements.ts).
            await c.query({ name: 'record_read_floor', text, values: parameters as unknown[] });
            count++;
          }
          c.release();
        }),
      );
      rounds.push(count / 4);
    }
    await pool.end();
    const floor = median(rounds);
    return {
      name: 'record-read', value: full.median, floor, ratio: full.median / floor, unit: 'req/s', target: '>=0.5',
      details: { httpRuns: full.runs, rawRuns: rounds, council: `Kent (${LA})`, nationalPlans: await plansIn(handle) },
    };
  } finally {
    await handle.close();
  }
}
