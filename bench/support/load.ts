import autocannon from 'autocannon';
import { median } from '../bench-result.ts';

/** Requests per second against a URL on loopback: median of `rounds` runs of `seconds` each. */
export async function requestsPerSecond(
  url: string,
  options: { headers?: Record<string, string>; seconds?: number; rounds?: number; connections?: number } = {},
): Promise<{ median: number; runs: number[]; errors: number; non2xx: number }> {
  const runs: number[] = [];
  let errors = 0;
  let non2xx = 0;
  for (let i = 0; i < (options.rounds ?? 3); i++) {
    const result = await autocannon({
      url,
      headers: options.headers ?? {},
      duration: options.seconds ?? 4,
      connections: options.connections ?? 10,
    });
    runs.push(result.requests.average);
    errors += result.errors;
    non2xx += result.non2xx;
  }
  return { median: median(runs), runs, errors, non2xx };
}
