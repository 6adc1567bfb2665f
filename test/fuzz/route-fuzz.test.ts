import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/platform/identity/session-store.ts';
import { ROLES } from '../../src/platform/identity/roles.ts';
import { declaredRoutes } from '../../src/platform/web/access-control.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { MatrixClient } from '../authorisation/matrix-client.ts';
import { expectedOutcome, loadMatrix, type Actor, type LoadedRow } from '../authorisation/matrix-format.ts';
import { buildWorld, contextsOf, emailOf, enrichWorld, OTHER_LA, resolvePath, type World } from '../authorisation/world.ts';
import { COMMON_FIELDS, hostileForm, hostileJson, hostileParam, MARKER, oddBody } from './hostile-input.ts';

/**
 * Property-based fuzzing of every write route and every API route, enumerated from declaredRoutes so
 * a new route is fuzzed without anyone remembering to add it. Each route is hit as a role allowed to
 * use it (from the authorisation matrix), with a valid CSRF token, so the hostile input reaches the
 * handler rather than bouncing off access control. For every response:
 *   - no 5xx (bad input is a 4xx with a reason);
 *   - an HTML page never contains the hostile marker unescaped;
 *   - Object.prototype and Array.prototype are untouched (no prototype pollution);
 * and when every request to a route was refused (4xx), no table's row count changed.
 */

const WRITE_RUNS = Number(process.env.FUZZ_WRITE_RUNS ?? 12);
const PARAM_RUNS = Number(process.env.FUZZ_PARAM_RUNS ?? 3);
const QUERY_RUNS = Number(process.env.FUZZ_QUERY_RUNS ?? 6);
const PREFERENCE: Actor[] = ['send-manager', 'ehc-coordinator', ...ROLES, 'signed-out'];
/** Tables whose rows change on reads too (audit, sessions, sign-in attempts, outbox): not state. */
const VOLATILE = /^(audit_|sessions$|sign_in_attempts$|outbox$|insight_|kysely_|schema_migrations)/;

/**
 * Failures found in a module that its owner is fixing: reported (printed) rather than failing the
 * build. Remove an entry once its fix lands; the fuzzer then guards it.
 */
const KNOWN: Record<string, string> = {};

/** Rows a refusing route may still write, by design, and why. */
const STATE_EXEMPT: Record<string, { tables: string[]; why: string }> = {
  'POST /account/two-factor': {
    tables: ['totp_enrolments'],
    why: 'the re-rendered set-up page creates the pending (unconfirmed) secret its QR code shows, exactly as the GET does; nothing is switched on',
  },
};

let t: TestDatabase;
let app: FastifyInstance;
let world: World;
let rows: Map<string, LoadedRow>;
let nextAddress = 1;
const allFailures: string[] = [];
const knownSeen: string[] = [];
const stats = { routes: 0, requests: 0, byStatus: new Map<number, number>() };
const protoBefore = { object: Object.getOwnPropertyNames(Object.prototype).sort().join(), array: Object.getOwnPropertyNames(Array.prototype).sort().join() };

async function clientFor(actor: Actor): Promise<MatrixClient> {
  const n = nextAddress++;
  const client = new MatrixClient(app, `10.9.${Math.floor(n / 250)}.${(n % 250) + 1}`);
  if (actor === 'signed-out') return client;
  const user = await t.adminDb.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').select(['u.id', 'r.role']).where('u.email', '=', emailOf(actor)).executeTakeFirstOrThrow();
  client.useSession((await createSession(t.db, user.id, { activeRole: user.role })).token);
  return client;
}

/** The first role the matrix says may use the route on its own record, so input reaches the handler. */
function actorFor(row: LoadedRow | undefined): Actor {
  if (!row) return 'ehc-coordinator';
  const context = contextsOf(world, row.params)[0]!;
  for (const actor of PREFERENCE) {
    const o = expectedOutcome(row.expect[actor], context);
    if (o === 'reached' || (typeof o === 'number' && o < 400)) return actor;
  }
  return 'signed-out';
}

function pathFor(url: string, row: LoadedRow | undefined): string {
  const context = row ? contextsOf(world, row.params)[0]! : 'any';
  const resolved = row ? resolvePath(world, url, row.params, context) : undefined;
  return resolved ?? url.replace(/:([A-Za-z0-9_]+)/g, '00000000-0000-4000-8000-000000000000');
}

async function tableCounts(): Promise<Map<string, number>> {
  const result = await sql<{ t: string; n: number }>`
    select table_name as t,
           (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from public.%I', table_name), false, true, '')))[1]::text::int as n
      from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.adminDb);
  return new Map(result.rows.filter((r) => !VOLATILE.test(r.t)).map((r) => [r.t, r.n]));
}

function check(route: string, what: string, res: LightMyRequestResponse): void {
  stats.requests++;
  stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
  const where = `${route} ${what}`.slice(0, 300);
  const failures = KNOWN[route] ? knownSeen : allFailures;
  const pdfBusy = res.statusCode === 503 && route.endsWith('.pdf');
  if (res.statusCode >= 500 && !pdfBusy) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  if (String(res.headers['content-type'] ?? '').includes('text/html') && res.body.includes(MARKER)) failures.push(`${where}: the page echoes the input unescaped`);
  const now = { object: Object.getOwnPropertyNames(Object.prototype).sort().join(), array: Object.getOwnPropertyNames(Array.prototype).sort().join() };
  if (now.object !== protoBefore.object || now.array !== protoBefore.array || ({} as Record<string, unknown>).polluted !== undefined) {
    failures.push(`${where}: Object.prototype or Array.prototype was changed`);
  }
}

/** Percent-encodes any string, lone surrogates included (as UTF-8 would carry them: U+FFFD). */
const enc = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const show = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 60 ? `${x.slice(0, 60)}…(${x.length})` : x));

beforeAll(async () => {
  rows = new Map(loadMatrix().map((r) => [r.route, r]));
  t = await createTestDatabase();
  world = await buildWorld(t.adminUrl);
  app = await createTestApp(t);
  const staff = await clientFor('ehc-coordinator');
  const other = new MatrixClient(app, '10.8.0.1');
  const otherUser = await t.adminDb.selectFrom('users').select('id').where('email', '=', emailOf('ehc-coordinator', OTHER_LA)).executeTakeFirstOrThrow();
  other.useSession((await createSession(t.db, otherUser.id, { activeRole: 'ehc-coordinator' })).token);
  await enrichWorld(world, (ctx) => (ctx === 'other-council' ? other : staff), await clientFor('setting-senco'), new MatrixClient(app, '10.8.0.2'));
}, 180_000);

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('hostile input on every route', () => {
  it('never answers 5xx, never echoes unescaped, never pollutes prototypes, changes nothing when refusing', async () => {
    const started = performance.now();
    const routes = declaredRoutes.filter((r) => !r.url.startsWith('/assets/'));
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const row = rows.get(name);
      const actor = actorFor(row);
      const path = pathFor(route.url, row);
      const isApi = route.url.startsWith('/api/');
      const isWrite = route.method !== 'GET';
      if (!isWrite && !isApi && !route.url.includes(':')) continue;
      stats.routes++;
      // A fresh session per route: a route that signs out or switches role must not spoil the next.
      const client = await clientFor(actor);
      const token = await client.csrf();
      const before = isWrite ? await tableCounts() : undefined;
      let refusedAll = true;
      const send = async (what: string, opts: InjectOptions) => {
        const res = await app.inject(opts);
        if (res.statusCode < 400) refusedAll = false;
        check(name, what, res);
      };
      const cookie = client.cookieHeader();
      const remoteAddress = `10.7.${Math.floor(stats.routes / 250)}.${(stats.routes % 250) + 1}`;

      if (isWrite) {
        // Always, before the random cases: every usual field repeated (arrives as an array), and as
        // JSON numbers and objects. A handler that calls a string method on a field must check it.
        const repeated = new URLSearchParams(COMMON_FIELDS.flatMap((f): Array<[string, string]> => [[f, `${MARKER}1`], [f, `${MARKER}2`]]));
        repeated.set('_csrf', token);
        await send('form with every usual field repeated', { method: route.method as 'POST', url: path, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: repeated.toString(), remoteAddress });
        for (const value of [7, { nested: MARKER }, [MARKER], null, true]) {
          const json = Object.fromEntries(COMMON_FIELDS.map((f) => [f, value]));
          await send(`json with every usual field ${show(value)}`, { method: route.method as 'POST', url: path, headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' }, payload: JSON.stringify(json), remoteAddress });
        }
        await fc.assert(
          fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: hostileForm.map((f) => ({ kind: 'form' as const, f })) }, { weight: 1, arbitrary: hostileJson.map((j) => ({ kind: 'json' as const, j })) }, { weight: 1, arbitrary: oddBody.map((o) => ({ kind: 'odd' as const, o })) }), async (input) => {
            const headers: Record<string, string> = { cookie, 'x-csrf-token': token };
            if (input.kind === 'form') {
              const body = new URLSearchParams(input.f);
              body.set('_csrf', token);
              await send(`form ${show(input.f)}`, { method: route.method as 'POST', url: path, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString(), remoteAddress });
            } else if (input.kind === 'json') {
              await send(`json ${show(input.j)}`, { method: route.method as 'POST', url: path, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(input.j) ?? 'null', remoteAddress });
            } else {
              await send(`${input.o.contentType} ${show(input.o.payload.toString('latin1'))}`, { method: route.method as 'POST', url: path, headers: { ...headers, ...(input.o.contentType ? { 'content-type': input.o.contentType } : {}) }, payload: input.o.payload, remoteAddress });
            }
            return true;
          }),
          { numRuns: WRITE_RUNS, seed: 13 },
        );
      }
      if (isApi && !isWrite) {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('from', 'to', 'period', 'breakdown', 'page', 'limit', 'indicator', '__proto__', 'q'), hostileParam), { maxLength: 4 }), async (pairs) => {
            const query = pairs.map(([k, v]) => `${k}=${v.raw ? v.value : enc(v.value)}`).join('&');
            await send(`?${show(query)}`, { method: 'GET', url: `${path}?${query}`, headers: { cookie }, remoteAddress });
            return true;
          }),
          { numRuns: QUERY_RUNS, seed: 13 },
        );
      }
      if (route.url.includes(':')) {
        await fc.assert(
          fc.asyncProperty(hostileParam, async (p) => {
            const value = p.raw ? p.value : enc(p.value);
            // Replace the last parameter: the earlier ones stay valid, so deeper code is reached.
            const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
            const last = names.at(-1)!;
            const partial = pathFor(route.url.replace(`:${last}`, '__FUZZ__'), row ? { ...row, params: { ...row.params, [last]: '__FUZZ__' } } : undefined).replace('__FUZZ__', value);
            const body = isWrite ? new URLSearchParams({ _csrf: token }).toString() : undefined;
            await send(`param ${show(p)}`, { method: route.method as 'GET', url: partial, headers: { cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, ...(body ? { payload: body } : {}), remoteAddress });
            return true;
          }),
          { numRuns: PARAM_RUNS, seed: 13 },
        );
      }
      if (before && refusedAll) {
        const after = await tableCounts();
        const exempt = STATE_EXEMPT[name]?.tables ?? [];
        for (const [table, n] of before) if (after.get(table) !== n && !exempt.includes(table)) allFailures.push(`${name}: every request was refused, yet ${table} went from ${n} to ${after.get(table)} rows`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const statuses = [...stats.byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`route fuzz: ${stats.routes} routes, ${stats.requests} hostile requests (writes ${WRITE_RUNS} runs, API queries ${QUERY_RUNS}, path params ${PARAM_RUNS} per route) in ${seconds} s; statuses ${statuses}`);
    if (knownSeen.length) console.log(`known issues still present (not failing the build):\n  ${[...new Set(knownSeen.map((f) => f.split(' ').slice(0, 2).join(' ')))].map((r) => `${r}: ${KNOWN[r]}`).join('\n  ')}`);
    expect(allFailures).toEqual([]);
  }, 600_000);
});
