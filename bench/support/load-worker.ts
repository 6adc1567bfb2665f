/**
 * The load generator for the `load` benchmark, run as its own process (so it does not steal the
 * server's event loop): `connections` virtual users, each looping over the workload for
 * `seconds`, one request at a time, redirects not followed. Prints one JSON summary on stdout.
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

async function user(offset: number): Promise<void> {
  for (let i = offset; performance.now() < until; i++) {
    const r = plan.requests[i % plan.requests.length]!;
    const started = performance.now();
    let ok = false;
    try {
      const res = await fetch(plan.base + r.path, {
        method: r.method,
        redirect: 'manual',
        headers: { cookie: r.cookie, ...(r.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(r.body ? { body: r.body } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      ok = r.ok.includes(res.status);
      if (!ok) statuses.set(`${r.kind} ${res.status}`, (statuses.get(`${r.kind} ${res.status}`) ?? 0) + 1);
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
