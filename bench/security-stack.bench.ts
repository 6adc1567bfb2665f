import Fastify from 'fastify';
import type { BenchResult } from './bench-result.ts';
import { openBenchDatabase } from './support/bench-database.ts';
import { hashedPassword, signedInCookie, startBenchApp } from './support/bench-app.ts';
import { requestsPerSecond } from './support/load.ts';

/**
 * security-stack: requests/s of a signed-in page (/account) through the whole plugin stack —
 * session lookup, CSP nonce, CSRF token, access control, Nunjucks layout — against a bare Fastify
 * route that returns the same bytes. Target ratio >= 0.5.
 */
export async function run(): Promise<BenchResult> {
  const handle = await openBenchDatabase();
  try {
    await handle.db.insertInto('councils').values({ la_code: '370', ons_code: 'E08000016', name: 'Barnsley', region_code: 'E12000003', region_name: 'Yorkshire and The Humber' }).onConflict((oc) => oc.doNothing()).execute();
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: handle.adminUrl });
    await admin.connect();
    const email = `bench-${Date.now()}@bench.opensend.test`;
    const password = 'Bench-password-2026';
    const { rows } = await admin.query<{ id: string }>('insert into users (email, display_name, password_hash) values ($1, $2, $3) returning id', [email, 'Bench Coordinator', await hashedPassword(password)]);
    await admin.query(`insert into user_roles (user_id, role, la_code) values ($1, 'ehc-coordinator', '370')`, [rows[0]!.id]);
    await admin.end();

    const { app, base } = await startBenchApp(handle.db);
    const cookie = await signedInCookie(app, email, password);
    const page = await app.inject({ url: '/account', headers: { cookie } });
    if (page.statusCode !== 200) throw new Error(`/account answered ${page.statusCode}`);
    const bytes = page.body;
    const bare = Fastify();
    bare.get('/account', async (_req, reply) => reply.type('text/html; charset=utf-8').send(bytes));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareAddress = bare.server.address();
    const bareUrl = typeof bareAddress === 'object' && bareAddress ? `http://127.0.0.1:${bareAddress.port}/account` : '';

    const full = await requestsPerSecond(`${base}/account`, { headers: { cookie } });
    const floor = await requestsPerSecond(bareUrl);
    await bare.close();
    await app.close();
    if (full.non2xx || full.errors) throw new Error(`security-stack: ${full.non2xx} non-2xx, ${full.errors} errors`);
    return {
      name: 'security-stack',
      value: full.median,
      floor: floor.median,
      ratio: full.median / floor.median,
      unit: 'req/s',
      target: '>=0.5',
      details: { fullRuns: full.runs, bareRuns: floor.runs, pageBytes: bytes.length },
    };
  } finally {
    await handle.cleanup();
  }
}
