import http from 'node:http';

/**
 * The load generator for the `load` benchmark, run as its own process (so it does not steal the
 * server's event loop): `connections` virtual users, each looping over the workload for
 * `seconds`, one request at a time on its own kept-alive connection, redirects not followed.
 * Prints one JSON summary on stdout.
 *
 * node:http rather than fetch: on two cores the generator shares the machine with the service, and
 * fetch spent about 2.6 ms of CPU per request (a whole core at 380 requests/s, twice what the
 * service itself used), so the benchmark measured mostly its own queue. node:http costs a small
 * fraction of that. A request that takes over 30 s counts as an error.
 */
interface LoadRequest { kind: string; method: 'GET' | 'POST'; path: string; cookie: string; body?: string; ok: number[] }
interface LoadPlan { base: string; seconds: number; connections: number; requests: LoadRequest[] }

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
const latencies: number[] = [];
const byKind = new Map<string, { n: number; errors: number; ms: number[] }>();
const statuses = new Map<string, number>();
let errors = 0;
const until = performance.now() + plan.seconds * 1000;

const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections, maxFreeSockets: plan.connections });

/** One request; resolves with the status once the whole body has arrived. */
function send(r: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { cookie: r.cookie };
    if (r.body) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(r.body) });
    const req = http.request(plan.base + r.path, { method: r.method, agent, headers, timeout: 30_000 }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out after 30 s'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(r.body);
  });
}

async function user(offset: number): Promise<void> {
  for (let i = offset; performance.now() < until; i++) {
    const r = plan.requests[i % plan.requests.length]!;
    const started = performance.now();
    let ok = false;
    try {
      const status = await send(r);
      ok = r.ok.includes(status);
      if (!ok) statuses.set(`${r.kind} ${status}`, (statuses.get(`${r.kind} ${status}`) ?? 0) + 1);
    } catch (e) {
      statuses.set(`${r.kind} ${(e as Error).name}`, (statuses.get(`${r.kind} ${(e as Error).name}`) ?? 0) + 1);
    }
    const ms = performance.now() - started;
    latencies.push(ms);
    const k = byKind.get(r.kind) ?? { n: 0, errors: 0, ms: [] };
    k.n += 1;
    k.ms.push(ms);
    if (!ok) {
      k.errors += 1;
      errors += 1;
    }
    byKind.set(r.kind, k);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: plan.connections }, (_, i) => user(i)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const round = (v: number): number => Math.round(v * 10) / 10;
agent.destroy();
console.log(JSON.stringify({
  requests: latencies.length,
  seconds: round(elapsed),
  throughput: round(latencies.length / elapsed),
  p50: round(percentile(latencies, 50)),
  p99: round(percentile(latencies, 99)),
  errors,
  failures: Object.fromEntries(statuses),
  byKind: Object.fromEntries([...byKind].map(([kind, k]) => {
    const s = k.ms.sort((a, b) => a - b);
    return [kind, { requests: k.n, errors: k.errors, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)) }];
  })),
}));
