import type { BenchResult } from './bench-result.ts';
import { median } from './bench-result.ts';
import { signedInCookie, startBenchApp } from './support/bench-app.ts';
import { interleaved, percentile, timedGet } from './support/latency.ts';
import { DEMO_PASSWORD, openNationalDataset, plansIn } from './support/national-dataset.ts';

/**
 * dashboard-national: the national view (GET /national, every council's aggregates with disclosure
 * control, signed in as a national analyst) with England loaded (~640,000 plans, scale 1) against
 * the same page with a tenth loaded (~64,000 plans, scale 0.1), in the same run, requests
 * interleaved. Median of each; target ratio <= 1.5 (the page's cost does not grow with the data).
 *
 * Each council's counts are kept with its change counter (migration 0123): the first visit after a
 * council's data changes recomputes that council. The very first visit, which computes every
 * council, is reported in details as `firstVisitMs` for each size: that one does grow with the data.
 */
const ROUNDS = 15;
const EMAIL = 'analyst@886.demo.opensend.test';

export async function run(): Promise<BenchResult> {
  const england = await openNationalDataset(1);
  const tenth = await openNationalDataset(0.1);
  const big = await startBenchApp(england.db);
  const small = await startBenchApp(tenth.db);
  try {
    const bigCookie = await signedInCookie(big.app, EMAIL, DEMO_PASSWORD);
    const smallCookie = await signedInCookie(small.app, EMAIL, DEMO_PASSWORD);
    const bigPage = timedGet(big.app, '/national', bigCookie, 'national view (England)');
    const smallPage = timedGet(small.app, '/national', smallCookie, 'national view (a tenth)');
    const firstVisitMs = { england: Math.round(await bigPage()), tenth: Math.round(await smallPage()) };
    const [bigRuns, smallRuns] = await interleaved([bigPage, smallPage], ROUNDS, 2);
    const value = median(bigRuns!);
    const floor = median(smallRuns!);
    const round = (v: number): number => Math.round(v * 10) / 10;
    return {
      name: 'dashboard-national', value, floor, ratio: value / floor, unit: 'ms', target: '<=1.5',
      details: {
        plans: { england: await plansIn(england), tenth: await plansIn(tenth) }, firstVisitMs,
        p99England: round(percentile(bigRuns!, 99)), p99Tenth: round(percentile(smallRuns!, 99)),
        englandRuns: bigRuns!.map(round), tenthRuns: smallRuns!.map(round),
      },
    };
  } finally {
    await big.app.close();
    await small.app.close();
    await england.close();
    await tenth.close();
  }
}
