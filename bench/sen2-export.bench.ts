import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, type BenchResult } from './bench-result.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { seedLocalArea } from '../src/modules/demo-area/index.ts';
import { exportSen2Xml, withReadTransaction } from '../src/modules/returns/index.ts';
import { CHILD_HISTORY_SQL } from '../src/modules/returns/infrastructure/child-history.query.ts';

/**
 * `sen2-export`: the SEN2 XML export of Kent (886, the largest council the demo seed makes, ~24k
 * children) against PostgreSQL's own `COPY (SELECT …) TO STDOUT` of the same rows (the export's
 * cursor query, every child with their cases, events, placements and settings as JSON) in the same
 * run: the floor is what it costs merely to get the data out of the database. The export adds the
 * cursor round trips, JSON parsing, the SEN2 mapping and XML writing. Target ratio ≤ 3.
 *
 * Memory: each export also runs in a child process whose peak resident set (maxRSS) is read at
 * the end, for Kent and for Barnsley (370, about a tenth of Kent's size): streaming means the
 * peak should barely move with size. The issue asks for 500,000 persons; that needs the national
 * seed (a later issue) — the largest single council the seed makes today is Kent.
 */
const REFERENCE_DATE = '2026-01-15';
const TODAY = '2026-02-01';
const LARGE = '886';
const SMALL = '370';
const RUNS = 3;
const CHILD_FLAG = '--sen2-export-child';

async function exportOnce(adminUrl: string, laCode: string): Promise<{ ms: number; bytes: number; persons: number }> {
  let bytes = 0;
  const start = performance.now();
  const s = await withReadTransaction(adminUrl, (q) => exportSen2Xml(q, { laCode, referenceDate: REFERENCE_DATE, generatedAt: `${REFERENCE_DATE}T00:00:00` }, async (c) => { bytes += Buffer.byteLength(c); }));
  return { ms: performance.now() - start, bytes, persons: s.persons };
}

function copyOnce(adminUrl: string, laCode: string): { ms: number; bytes: number } {
  const sql = CHILD_HISTORY_SQL.replace('$1', `'${laCode}'`).replace('$2::date', `'2025-12-31'::date`);
  const start = performance.now();
  const r = spawnSync('psql', [adminUrl, '-X', '-q', '-c', `copy (${sql}) to stdout`], { maxBuffer: 2 ** 31, encoding: 'buffer' });
  if (r.status !== 0) throw new Error(`psql COPY failed: ${r.stderr.toString()}`);
  return { ms: performance.now() - start, bytes: r.stdout.length };
}

/** Peak RSS (MB) of an export run alone in a child process. */
async function childPeakMb(adminUrl: string, laCode: string): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, CHILD_FLAG, adminUrl, laCode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`export child exited ${code}`);
  return (JSON.parse(out.trim().split('\n').at(-1)!) as { maxRssKb: number }).maxRssKb / 1024;
}

export async function run(): Promise<BenchResult> {
  const db = await openBenchDatabase();
  try {
    const seedStart = performance.now();
    await seedLocalArea({ adminUrl: db.adminUrl, laCode: LARGE, today: TODAY });
    await seedLocalArea({ adminUrl: db.adminUrl, laCode: SMALL, today: TODAY });
    const seedMs = performance.now() - seedStart;
    spawnSync('psql', [db.adminUrl, '-X', '-q', '-c', 'analyze']);
    await exportOnce(db.adminUrl, LARGE); // warm the cache for both sides alike
    copyOnce(db.adminUrl, LARGE);
    const exports: number[] = [];
    const copies: number[] = [];
    let last = { ms: 0, bytes: 0, persons: 0 };
    let copyBytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      last = await exportOnce(db.adminUrl, LARGE);
      exports.push(last.ms);
      const c = copyOnce(db.adminUrl, LARGE);
      copies.push(c.ms);
      copyBytes = c.bytes;
    }
    const small = await exportOnce(db.adminUrl, SMALL);
    const peakLarge = await childPeakMb(db.adminUrl, LARGE);
    const peakSmall = await childPeakMb(db.adminUrl, SMALL);
    const value = median(exports);
    const floor = median(copies);
    return {
      name: 'sen2-export', value, floor, ratio: value / floor, unit: 'ms', target: '<=3',
      details: {
        council: LARGE, persons: last.persons, xmlBytes: last.bytes, copyBytes, exportRunsMs: exports.map(Math.round), copyRunsMs: copies.map(Math.round),
        smallCouncil: SMALL, smallPersons: small.persons, smallExportMs: Math.round(small.ms),
        peakRssMbLarge: Math.round(peakLarge), peakRssMbSmall: Math.round(peakSmall), peakRatio: Number((peakLarge / peakSmall).toFixed(2)),
        seedMs: Math.round(seedMs),
        note: 'The issue asks for 500,000 persons; that needs the national seed (a later issue). Kent is the largest council the seed makes.',
      },
    };
  } finally {
    await db.cleanup();
  }
}

if (process.argv[2] === CHILD_FLAG) {
  const [adminUrl, laCode] = process.argv.slice(3);
  const r = await exportOnce(adminUrl!, laCode!);
  process.stdout.write(`${JSON.stringify({ ...r, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}
