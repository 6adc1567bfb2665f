import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../bench-result.ts';

const AUTOCANNON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.bin', 'autocannon');

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  non2xx: number;
}

/**
 * Load from a second process on loopback (autocannon's CLI), so the load generator does not steal
 * the server's event loop: requests/s as the median of `rounds` runs of `seconds` each.
 */
export async function requestsPerSecond(
  url: string,
  options: { headers?: Record<string, string>; seconds?: number; rounds?: number; connections?: number } = {},
): Promise<{ median: number; runs: number[]; errors: number; non2xx: number; p99: number[] }> {
  const runs: number[] = [];
  const p99: number[] = [];
  let errors = 0;
  let non2xx = 0;
  for (let i = 0; i < (options.rounds ?? 3); i++) {
    const args = ['--json', '-d', String(options.seconds ?? 4), '-c', String(options.connections ?? 10)];
    for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
    args.push(url);
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(AUTOCANNON, args, { maxBuffer: 16 * 1024 * 1024 }, (err, out) => (err ? reject(err) : resolve(out))),
    );
    const result = JSON.parse(stdout) as CannonResult;
    runs.push(result.requests.average);
    p99.push(result.latency.p99);
    errors += result.errors;
    non2xx += result.non2xx;
  }
  return { median: median(runs), runs, errors, non2xx, p99 };
}
