import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { BenchResult } from './bench-result.ts';
import { median } from './bench-result.ts';
import { signedInCookie, startBenchApp } from './support/bench-app.ts';
import { interleaved, percentile, timedGet } from './support/latency.ts';
import { DEMO_PASSWORD, openNationalDataset, plansIn, type NationalDataset } from './support/national-dataset.ts';

/**
 * scale-flatness: p99 latency of the case page (GET /cases/:id) and the caseload page (GET
 * /caseload, the coordinator's own in-progress cases, 50 a page) with England loaded (~640,000
 * plans, scale 1) against the same pages with a hundredth of it loaded (~6,400 plans, scale 0.01),
 * in the same run, requests interleaved. Target: the worse of the two p99 ratios <= 1.5, i.e. a
 * page costs the same whatever the size of the database.
 *
 * Who: Kent's demo EHC coordinator (coordinator@886.demo.opensend.test); the case is the first of
 * their cases by reference in each dataset.
 */
const ROUNDS = 200;
const LA = '886';

interface Side { app: FastifyInstance; dataset: NationalDataset; caseUrl: string; cookie: string; close(): Promise<void>; plans: number; caseload: number }

async function side(scale: number): Promise<Side> {
  const dataset = await openNationalDataset(scale);
  const admin = new pg.Client({ connectionString: dataset.adminUrl });
  await admin.connect();
  const email = `coordinator@${LA}.demo.opensend.test`;
  const found = await admin.query<{ id: string; n: string }>(
    `select c.id, count(*) over () as n from cases c join users u on u.id = c.caseworker_user_id where u.email = $1 order by c.reference limit 1`, [email],
  );
  await admin.end();
  if (!found.rows[0]) throw new Error(`scale-flatness: no case for ${email} at scale ${scale}`);
  const { app } = await startBenchApp(dataset.db);
  const cookie = await signedInCookie(app, email, DEMO_PASSWORD);
  return {
    app, dataset, cookie, caseUrl: `/cases/${found.rows[0].id}`, plans: await plansIn(dataset), caseload: Number(found.rows[0].n),
    async close() {
      await app.close();
      await dataset.close();
    },
  };
}

export async function run(): Promise<BenchResult> {
  const big = await side(1);
  const small = await side(0.01);
  try {
    const [caseBig, caseSmall, listBig, listSmall] = await interleaved([
      timedGet(big.app, big.caseUrl, big.cookie, 'case page (England)'),
      timedGet(small.app, small.caseUrl, small.cookie, 'case page (1%)'),
      timedGet(big.app, '/caseload', big.cookie, 'caseload (England)'),
      timedGet(small.app, '/caseload', small.cookie, 'caseload (1%)'),
    ], ROUNDS, 10);
    const p99 = (s: number[]): number => percentile(s, 99);
    const caseRatio = p99(caseBig!) / p99(caseSmall!);
    const listRatio = p99(listBig!) / p99(listSmall!);
    const worse = caseRatio >= listRatio ? { value: p99(caseBig!), floor: p99(caseSmall!), ratio: caseRatio } : { value: p99(listBig!), floor: p99(listSmall!), ratio: listRatio };
    const round = (v: number): number => Math.round(v * 10) / 10;
    return {
      name: 'scale-flatness', ...worse, unit: 'ms p99', target: '<=1.5',
      details: {
        plans: { england: big.plans, hundredth: small.plans },
        casePage: { p99England: round(p99(caseBig!)), p99Hundredth: round(p99(caseSmall!)), ratio: round(caseRatio * 100) / 100, medianEngland: round(median(caseBig!)), medianHundredth: round(median(caseSmall!)) },
        caseloadPage: { p99England: round(p99(listBig!)), p99Hundredth: round(p99(listSmall!)), ratio: round(listRatio * 100) / 100, medianEngland: round(median(listBig!)), medianHundredth: round(median(listSmall!)) },
        coordinatorCases: { england: big.caseload, hundredth: small.caseload },
        samplesPerPage: ROUNDS,
      },
    };
  } finally {
    await big.close();
    await small.close();
  }
}
