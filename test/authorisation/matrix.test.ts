import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/platform/identity/session-store.ts';
import { ROLES } from '../../src/platform/identity/roles.ts';
import { declaredRoutes } from '../../src/platform/web/access-control.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { MatrixClient } from './matrix-client.ts';
import { ACTORS, expectedOutcome, loadMatrix, type Actor, type Context, type LoadedRow, type Outcome } from './matrix-format.ts';
import { buildWorld, contextsOf, emailOf, enrichWorld, OTHER_LA, resolvePath, type World } from './world.ts';

/**
 * The authorisation matrix: every registered route × every role (and a signed-out visitor) × own
 * record / another child's / another council's, driven through the app against real PostgreSQL
 * under row-level security. The expectations live in matrix/*.json; see README.md.
 */

/** Static files are public by construction (app.ts marks every /assets/ route public). */
const isAsset = (url: string) => url.startsWith('/assets/');
const key = (method: string, url: string) => `${method} ${url}`;

let t: TestDatabase;
let app: FastifyInstance;
let world: World;
const clients = new Map<Actor, MatrixClient>();
let rows: LoadedRow[];

beforeAll(async () => {
  rows = loadMatrix();
  t = await createTestDatabase();
  world = await buildWorld(t.adminUrl);
  app = await createTestApp(t);
  let n = 1;
  const sessionFor = async (email: string): Promise<MatrixClient> => {
    const client = new MatrixClient(app, `10.0.0.${n++}`);
    const user = await t.adminDb.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').select(['u.id', 'r.role']).where('u.email', '=', email).executeTakeFirstOrThrow();
    client.useSession((await createSession(t.db, user.id, { activeRole: user.role })).token);
    return client;
  };
  clients.set('signed-out', new MatrixClient(app, `10.0.0.${n++}`));
  for (const role of ROLES) clients.set(role, await sessionFor(emailOf(role)));
  const otherCoordinator = await sessionFor(emailOf('ehc-coordinator', OTHER_LA));
  const coordinator = clients.get('ehc-coordinator')!;
  await enrichWorld(world, (ctx) => (ctx === 'other-council' ? otherCoordinator : coordinator), clients.get('setting-senco')!, new MatrixClient(app, '10.0.1.1'));
}, 180_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('the authorisation matrix', () => {
  it('names every registered route, and only those', () => {
    const registered = new Set(declaredRoutes.filter((r) => !isAsset(r.url)).map((r) => key(r.method, r.url)));
    const inMatrix = new Set(rows.map((r) => key(r.method, r.url)));
    const missing = [...registered].filter((k) => !inMatrix.has(k)).sort();
    const stale = [...inMatrix].filter((k) => !registered.has(k)).sort();
    expect(missing, 'routes with no row in test/authorisation/matrix/*.json (see its README)').toEqual([]);
    expect(stale, 'rows for routes that are no longer registered').toEqual([]);
  });

  it('every combination answers as the matrix says', async () => {
    interface Combo { row: LoadedRow; actor: Actor; context: Context; expected: Outcome; url: string }
    const combos: Combo[] = [];
    const problems: string[] = [];
    const unavailable = new Map<string, number>();
    for (const row of rows) {
      const contexts = contextsOf(world, row.params);
      for (const actor of ACTORS) {
        for (const context of contexts) {
          const expected = expectedOutcome(row.expect[actor], context);
          if (expected === undefined) {
            problems.push(`${row.file}: ${row.route} (${actor}) says nothing for context "${context}"`);
            continue;
          }
          const path = resolvePath(world, row.url, row.params, context);
          if (path === undefined) {
            unavailable.set(`${row.route} (${context})`, (unavailable.get(`${row.route} (${context})`) ?? 0) + 1);
            continue;
          }
          combos.push({ row, actor, context, expected, url: row.query ? `${path}?${row.query}` : path });
        }
      }
    }
    // Reads first, then writes (they may change what a read would find), and signing out last.
    const phase = (c: Combo) => (c.row.route === 'POST /sign-out' ? 2 : c.row.method === 'GET' ? 0 : 1);
    let checked = 0;
    for (const p of [0, 1, 2]) {
      await Promise.all(
        ACTORS.map(async (actor) => {
          const client = clients.get(actor)!;
          for (const c of combos.filter((x) => x.actor === actor && phase(x) === p)) {
            const json = c.row.url.startsWith('/api/') && c.row.method !== 'GET' ? {} : undefined;
            const res = await client.send(c.row.method, c.url, json !== undefined ? { json } : { form: c.row.form ?? {} });
            checked++;
            const verdict = judge(res, c.expected, c.row.url.startsWith('/api/'));
            if (verdict) problems.push(`${c.row.route} as ${actor} (${c.context}) ${c.url}: expected ${c.expected}, got ${verdict}`);
          }
        }),
      );
    }
    const skipped = [...unavailable.values()].reduce((a, b) => a + b, 0);
    console.log(`authorisation matrix: ${rows.length} routes, ${checked} combinations checked, ${skipped} not available in the test world`);
    if (skipped) console.log(`  not available (no such record in that context): ${[...unavailable.keys()].join('; ')}`);
    expect(problems).toEqual([]);
  }, 240_000);
});

/** undefined when the response matches the outcome; otherwise what was seen. */
function judge(res: LightMyRequestResponse, expected: Outcome, api: boolean): string | undefined {
  const status = res.statusCode;
  const location = String(res.headers.location ?? '');
  const seen = status >= 300 && status < 400 ? `${status} → ${location}` : String(status);
  const toSignIn = status >= 300 && status < 400 && location.startsWith('/sign-in');
  if (expected === 'sign-in') return (api ? status === 401 : toSignIn) ? undefined : seen;
  if (expected === 'reached') {
    const ok = (status >= 200 && status < 400 && !toSignIn) || [400, 409, 422, 503].includes(status);
    return ok ? undefined : seen;
  }
  return status === expected ? undefined : seen;
}
