import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { median, type BenchResult } from './bench-result.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { loadCouncils } from '../src/modules/demo-area/index.ts';
import { exportSen2Xml, withReadTransaction } from '../src/modules/returns/index.ts';
import { CHILD_HISTORY_SQL } from '../src/modules/returns/infrastructure/child-history.query.ts';

/**
 * `sen2-export`: the SEN2 XML export of a council of 500,000 persons against PostgreSQL's own
 * `COPY (SELECT …) TO STDOUT` of the same rows (the export's cursor query: every child with their
 * cases, events, placements and settings as JSON) in the same run — the floor is what it costs
 * merely to get the data out of the database. The export adds the cursor round trips, JSON
 * parsing, the SEN2 mapping and XML writing. Target ratio ≤ 3.
 *
 * Memory: the export streams, so its peak should not grow with the council. Each export runs
 * alone in a child process that reports its peak resident set (maxRSS) and its peak V8 heap
 * (sampled every 20 ms); the 500,000-person peak must be at most 1.2× the 50,000-person one.
 *
 * The persons are made with set-based SQL (insert … select from generate_series), not the demo
 * seed: a council of 500,000 is beyond the seed's calibration, and this takes about a minute.
 * Everyone has a request received in the collection year; 70% have a plan issued naming a setting
 * and a placement, 20% a decision to assess still open, 10% a refusal to assess — so every part of
 * the person mapping and the XML writer is exercised.
 *
 * SEN2_BENCH_LARGE / SEN2_BENCH_SMALL change the sizes (e.g. for a quick try); SEN2_BENCH_RUNS the
 * number of timed runs at the large size (median; default 1, as one 500,000 export takes minutes).
 */
const REFERENCE_DATE = '2026-01-15';
const PERIOD_END = '2025-12-31';
const LARGE = { laCode: '886', persons: Number(process.env.SEN2_BENCH_LARGE ?? 500_000) };
const SMALL = { laCode: '370', persons: Number(process.env.SEN2_BENCH_SMALL ?? 50_000) };
const RUNS = Number(process.env.SEN2_BENCH_RUNS ?? 1);
const CHILD_FLAG = '--sen2-export-child';

interface ExportRun { ms: number; bytes: number; persons: number; maxRssKb: number; peakHeapKb: number }

/** One council of `persons` synthetic people, with settings, cases, events and placements, set-based. */
async function generatePersons(client: pg.ClientBase, laCode: string, persons: number): Promise<void> {
  await client.query(`insert into settings (la_code, name, urn, gias_type_code, kind, phase, age_from, age_to)
    select $1, 'Bench school ' || g, lpad((100000 + g)::text, 6, '0'), '01', case when g % 10 = 0 then 'special' else 'mainstream' end, 'secondary', 4, 19
    from generate_series(1, 300) g`, [laCode]);
  await client.query(`insert into children (la_code, given_name, family_name, date_of_birth, upn, gender, postcode)
    select $1, 'Given' || (g % 977), 'Family' || lpad((g % 49999)::text, 5, '0'), date '2006-09-01' + (g % 6000),
      'B' || lpad(g::text, 11, '0') || 'A', case when g % 3 = 0 then 'F' else 'M' end, 'ZZ99 ' || (g % 9) || 'ZZ'
    from generate_series(1, $2::int) g`, [laCode, persons]);
  // One case per child, opened during the collection year; n numbers the children for the mix below.
  await client.query(`insert into cases (la_code, child_id, reference, opened_on)
    select $1, c.id, 'BENCH-' || $1 || '-' || n, date '2025-01-01' + (n % 240)::int
    from (select id, row_number() over (order by id) as n from children where la_code = $1) c`, [laCode]);
  // The council's settings as one array, indexed by n: one row, not a copy per case.
  await client.query(`create temporary table bench_settings on commit drop as
    select array_agg(id order by name) as ids from settings where la_code = $1`, [laCode]);
  await client.query(`create temporary table bench_cases on commit drop as
    select k.id, k.child_id, k.opened_on, row_number() over (order by k.id) as n, s.ids[1 + (row_number() over (order by k.id) % 300)::int] as setting_id
    from cases k cross join bench_settings s where k.la_code = $1`, [laCode]);
  await client.query(`insert into case_events (la_code, case_id, seq, type, occurred_on, data)
    select $1, id, 1, 'request-received', opened_on, jsonb_build_object('source', 'parent') from bench_cases
    union all
    select $1, id, 2, 'decision-to-assess', opened_on + 35, jsonb_build_object('decision', case when n % 10 = 9 then 'not-assess' else 'assess' end) from bench_cases
    union all
    select $1, id, 3, 'final-plan-issued', opened_on + 110,
      jsonb_build_object('primaryNeed', (array['ASD','SLCN','SEMH','MLD','SPLD'])[1 + (n % 5)::int], 'secondaryNeeds', jsonb_build_array('SEMH'), 'settingId', setting_id)
    from bench_cases where n % 10 < 7`, [laCode]);
  await client.query(`insert into placements (la_code, child_id, setting_id, starts_on)
    select $1, child_id, setting_id, opened_on + 120 from bench_cases where n % 10 < 7`, [laCode]);
}

/** Runs one export in this process, counting bytes but keeping none; samples the heap as it goes. */
async function exportHere(adminUrl: string, laCode: string): Promise<ExportRun> {
  let bytes = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 20);
  const start = performance.now();
  const s = await withReadTransaction(adminUrl, (q) => exportSen2Xml(q, { laCode, referenceDate: REFERENCE_DATE, generatedAt: `${REFERENCE_DATE}T00:00:00` }, async (c) => { bytes += Buffer.byteLength(c); }));
  const ms = performance.now() - start;
  clearInterval(sampler);
  return { ms, bytes, persons: s.persons, maxRssKb: process.resourceUsage().maxRSS, peakHeapKb: Math.round(Math.max(peakHeap, process.memoryUsage().heapUsed) / 1024) };
}

/** The export alone in a fresh child process, so its peak memory is its own. */
async function exportInChild(adminUrl: string, laCode: string): Promise<ExportRun> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, CHILD_FLAG, adminUrl, laCode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`export child exited ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ExportRun;
}

/** PostgreSQL's COPY of the export's own query, through psql, bytes counted and thrown away. */
function copyOnce(adminUrl: string, laCode: string): { ms: number; bytes: number } {
  const sql = CHILD_HISTORY_SQL.replace('$1', `'${laCode}'`).replace('$2::date', `'${PERIOD_END}'::date`);
  const start = performance.now();
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', 'psql "$1" -X -q -c "$2" | wc -c', 'copy', adminUrl, `copy (${sql}) to stdout`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql COPY failed: ${r.stderr}`);
  return { ms: performance.now() - start, bytes: Number(r.stdout.trim()) };
}

export async function run(): Promise<BenchResult> {
  const db = await openBenchDatabase();
  try {
    const seedStart = performance.now();
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    try {
      await loadCouncils(client);
      for (const c of [LARGE, SMALL]) {
        await client.query('begin');
        await generatePersons(client, c.laCode, c.persons);
        await client.query('commit');
      }
      await client.query('vacuum analyze');
    } finally {
      await client.end();
    }
    const seedMs = performance.now() - seedStart;
    // Warm the cache for both sides alike by reading every table the query reads (a full COPY
    // would do the same at the cost of minutes at this size).
    spawnSync('psql', [db.adminUrl, '-X', '-q', '-c', 'select count(*) from children; select count(*) from cases; select count(*) from case_events; select count(*) from placements; select count(*) from settings;']);
    const exports: ExportRun[] = [];
    const copies: Array<{ ms: number; bytes: number }> = [];
    for (let i = 0; i < RUNS; i += 1) {
      exports.push(await exportInChild(db.adminUrl, LARGE.laCode));
      copies.push(copyOnce(db.adminUrl, LARGE.laCode));
    }
    const small = await exportInChild(db.adminUrl, SMALL.laCode);
    const large = exports.at(-1)!;
    const value = median(exports.map((e) => e.ms));
    const floor = median(copies.map((c) => c.ms));
    const peakLarge = Math.max(...exports.map((e) => e.maxRssKb));
    return {
      name: 'sen2-export', value, floor, ratio: value / floor, unit: 'ms', target: '<=3',
      details: {
        persons: large.persons, xmlBytes: large.bytes, copyBytes: copies.at(-1)!.bytes,
        exportRunsMs: exports.map((e) => Math.round(e.ms)), copyRunsMs: copies.map((c) => Math.round(c.ms)),
        smallPersons: small.persons, smallExportMs: Math.round(small.ms),
        peakRssMbLarge: Math.round(peakLarge / 1024), peakRssMbSmall: Math.round(small.maxRssKb / 1024),
        peakRssRatio: Number((peakLarge / small.maxRssKb).toFixed(2)), peakRssTarget: '<=1.2',
        peakHeapMbLarge: Math.round(Math.max(...exports.map((e) => e.peakHeapKb)) / 1024), peakHeapMbSmall: Math.round(small.peakHeapKb / 1024),
        seedMs: Math.round(seedMs),
      },
    };
  } finally {
    await db.cleanup();
  }
}

if (process.argv[2] === CHILD_FLAG) {
  const [adminUrl, laCode] = process.argv.slice(3);
  process.stdout.write(`${JSON.stringify(await exportHere(adminUrl!, laCode!))}\n`);
}
