import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import { startBenchApp } from '../support/bench-app.ts';
import { kentStaff } from '../support/kent-staff.ts';
import { requestsPerSecond } from '../support/load.ts';
import { openNationalDataset } from '../support/national-dataset.ts';

/**
 * What one page costs, at national size: for each page of the `load` mix, requests/s under
 * autocannon (10 connections, 5 s), the service's own CPU per request (process.cpuUsage) and
 * PostgreSQL's CPU per request (every `postgres` process's utime + stime from /proc, so Linux only).
 * A diagnostic, not a benchmark with a floor: it says where to look (docs/performance.md).
 *
 *   npm run bench:pages                     # every page
 *   npm run bench:pages -- case,dashboard   # some
 *   PAGE_PROFILE=dir npm run bench:pages    # also write a CPU profile per page into dir
 */
const SECONDS = 5;

function postgresCpuMicros(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between listing and reading
    }
  }
  return ticks * 10_000; // USER_HZ is 100 on Linux
}

const dataset = await openNationalDataset(1);
const { app, base } = await startBenchApp(dataset.db);
try {
  const { coordinator, manager, cases } = await kentStaff(app, dataset, 1);
  const caseId = cases[0];
  const pages: Record<string, [string, string]> = {
    case: [`/cases/${caseId}`, coordinator], caseload: ['/caseload', coordinator], 'caseload-2': ['/caseload?page=2', coordinator],
    plan: [`/cases/${caseId}/plan`, coordinator], dashboard: ['/insight', manager], 'case-api': [`/api/cases/${caseId}`, coordinator], health: ['/health', ''],
  };
  const wanted = (process.argv[2] ?? Object.keys(pages).join(',')).split(',');
  console.log('page         status   bytes   req/s   p99 ms   service µs/req   postgres µs/req');
  for (const name of wanted) {
    const page = pages[name];
    if (!page) throw new Error(`Unknown page ${name}. Known: ${Object.keys(pages).join(', ')}`);
    const [path, cookie] = page;
    const first = await fetch(base + path, { headers: { cookie } });
    const bytes = (await first.arrayBuffer()).byteLength;
    const session = new inspector.Session();
    session.connect();
    if (process.env.PAGE_PROFILE) {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const cpu = process.cpuUsage();
    const postgres = postgresCpuMicros();
    const run = await requestsPerSecond(base + path, { headers: { cookie }, rounds: 1, seconds: SECONDS });
    const used = process.cpuUsage(cpu);
    const postgresUsed = postgresCpuMicros() - postgres;
    if (process.env.PAGE_PROFILE) {
      const { profile } = await session.post('Profiler.stop');
      fs.mkdirSync(process.env.PAGE_PROFILE, { recursive: true });
      fs.writeFileSync(`${process.env.PAGE_PROFILE}/${name}.cpuprofile`, JSON.stringify(profile));
    }
    session.disconnect();
    const requests = run.median * SECONDS;
    console.log(
      `${name.padEnd(12)} ${String(first.status).padStart(6)} ${String(bytes).padStart(7)} ${run.median.toFixed(0).padStart(7)} ${String(run.p99[0]).padStart(8)} ` +
        `${((used.user + used.system) / requests).toFixed(0).padStart(16)} ${(postgresUsed / requests).toFixed(0).padStart(17)}`,
    );
  }
} finally {
  await app.close();
  await dataset.close();
}
