import type { FastifyInstance } from 'fastify';

/** The p-th percentile (0–100) of a sample, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** One timed GET through the whole app (inject: no sockets), failing loudly on anything but 200. */
export function timedGet(app: FastifyInstance, url: string, cookie: string, label: string): () => Promise<number> {
  return async () => {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${label}: GET ${url} answered ${res.statusCode}`);
    return ms;
  };
}

/**
 * Runs each measurement in turn, round after round (A, B, C, A, B, C, ...), so a burst of load from
 * elsewhere on a shared machine lands on every series alike and their ratio stays fair.
 */
export async function interleaved(measures: Array<() => Promise<number>>, rounds: number, warmup = 5): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const m of measures) await m();
  const samples = measures.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < measures.length; k++) samples[k]!.push(await measures[k]!());
  }
  return samples;
}
