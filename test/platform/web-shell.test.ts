import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/platform/identity/session-store.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe('the web shell', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let coordinator370: { id: string; email: string };
  let case886: string;
  let case370: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    app = await createTestApp(t);
    coordinator370 = await addUser(t, 'ehc-coordinator', '370');
    for (const la of ['370', '886']) {
      const child = await t.adminDb.insertInto('children').values({ la_code: la, given_name: 'Synthetic', family_name: `Child${la}`, date_of_birth: '2016-03-01' }).returning('id').executeTakeFirstOrThrow();
      const c = await t.adminDb.insertInto('cases').values({ la_code: la, child_id: child.id, reference: `EHC-${la}-000001`, opened_on: '2025-01-06', caseworker_user_id: la === '370' ? coordinator370.id : null }).returning('id').executeTakeFirstOrThrow();
      if (la === '886') case886 = c.id;
      else case370 = c.id;
    }
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('answers /health with the database state', async () => {
    const res = await app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const url of ['/', '/sign-in', '/no-such-page', '/cases/x/record']) {
      const res = await app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp, url).toMatch(/base-uri 'none'/);
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('sends the whole header set, with fresh nonces on every response (security-headers.ts)', async () => {
    const [a, b] = [await app.inject('/sign-in'), await app.inject('/sign-in')];
    expect(a.headers['content-security-policy']).toMatch(
      /^default-src 'self';script-src 'self' 'nonce-[0-9a-f]{32}';style-src 'self' 'nonce-[0-9a-f]{32}';img-src 'self' data:;font-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none';object-src 'none'$/,
    );
    expect(a.headers['content-security-policy']).not.toBe(b.headers['content-security-policy']);
    expect({
      coop: a.headers['cross-origin-opener-policy'], corp: a.headers['cross-origin-resource-policy'], oac: a.headers['origin-agent-cluster'],
      referrer: a.headers['referrer-policy'], dns: a.headers['x-dns-prefetch-control'], download: a.headers['x-download-options'],
      frame: a.headers['x-frame-options'], xdomain: a.headers['x-permitted-cross-domain-policies'], xss: a.headers['x-xss-protection'],
    }).toEqual({
      coop: 'same-origin', corp: 'same-origin', oac: '?1', referrer: 'no-referrer', dns: 'off', download: 'noopen', frame: 'SAMEORIGIN', xdomain: 'none', xss: '0',
    });
  });

  it('puts the CSP nonce on the page scripts', async () => {
    const res = await app.inject('/sign-in');
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))![1];
    expect(res.body).toContain(`nonce="${nonce}"`);
    expect(res.body).not.toMatch(/<script(?![^>]*nonce=)[^>]*>/);
  });

  it('renders a GOV.UK 404 page without internals', async () => {
    const res = await app.inject('/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a forged POST without a CSRF token', async () => {
    const agent = new Agent(app);
    const res = await agent.post('/sign-in', { email: coordinator370.email, password: 'x' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired or was not sent from this service');
  });

  it('shows GOV.UK errors on a bad sign-in and keeps what was typed', async () => {
    const agent = new Agent(app);
    const empty = await agent.post('/sign-in', { email: 'not-an-email', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('href="#email"');
    expect(empty.body).toContain('value="not-an-email"');
    expect(empty.body).toContain('<title>Error: Sign in');
    const wrong = await agent.post('/sign-in', { email: coordinator370.email, password: 'wrong-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Enter a correct email address and password');
  });

  it('signs in with a fresh session id and an HttpOnly SameSite=Lax cookie', async () => {
    const agent = new Agent(app);
    agent.cookies.set('opensend_session', 'planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaa');
    const res = await agent.signIn(coordinator370.email);
    const cookie = res.cookies.find((c) => c.name === 'opensend_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value).not.toContain('planted');
    const home = await agent.get('/');
    expect(home.body).toContain('Welcome, Test ehc-coordinator');
  });

  it('marks the session cookie Secure outside development', async () => {
    const prodLike = await createTestApp(t, { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://u:p@127.0.0.1/db', DATABASE_APP_PASSWORD: 'p'.repeat(12), PUBLIC_URL: 'https://opensend.example' });
    try {
      const res = await new Agent(prodLike).post('/sign-in', { email: coordinator370.email, password: 'Correct-horse-battery-1' });
      expect(res.cookies.find((c) => c.name === 'opensend_session')?.secure).toBe(true);
    } finally {
      await prodLike.close();
    }
  });

  it('ends a session after 30 minutes idle and after 12 hours in all', async () => {
    for (const [idleMinutes, ageHours] of [[31, 1], [5, 13]] as const) {
      const agent = new Agent(app);
      await agent.signIn(coordinator370.email);
      const key = sessionKey(agent.cookies.get('opensend_session')!);
      await sql`update sessions set last_seen_at = now() - ${`${idleMinutes} minutes`}::interval,
        created_at = now() - ${`${ageHours} hours`}::interval where id = ${key}`.execute(t.adminDb);
      const res = await agent.get('/cases/' + case370 + '/record');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/sign-in/);
    }
  });

  it('keeps a session alive that is used within 30 minutes', async () => {
    const agent = new Agent(app);
    await agent.signIn(coordinator370.email);
    const key = sessionKey(agent.cookies.get('opensend_session')!);
    await sql`update sessions set last_seen_at = now() - interval '29 minutes', created_at = now() - interval '11 hours' where id = ${key}`.execute(t.adminDb);
    expect((await agent.get(`/cases/${case370}/record`)).statusCode).toBe(200);
  });

  it('gives 404 for another council\'s record, in pages and the API, as the application role', async () => {
    const agent = new Agent(app);
    await agent.signIn(coordinator370.email);
    expect((await agent.get(`/cases/${case370}/record`)).statusCode).toBe(200);
    expect((await agent.get(`/cases/${case886}/record`)).statusCode).toBe(404);
    expect((await agent.get(`/api/cases/${case886}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/cases/${case370}`)).json().reference).toBe('EHC-370-000001');
  });

  it('audits every view of a child\'s record', async () => {
    const agent = new Agent(app);
    await agent.signIn(coordinator370.email);
    const before = await t.adminDb.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('record_id', '=', case370).executeTakeFirstOrThrow();
    await agent.get(`/cases/${case370}/record`);
    const after = await t.adminDb.selectFrom('audit_events').selectAll().where('record_id', '=', case370).orderBy('id', 'desc').execute();
    expect(after.length).toBe(Number(before.n) + 1);
    expect(after[0]).toMatchObject({ la_code: '370', action: 'view', record_type: 'case', actor_user_id: coordinator370.id, actor_role: 'ehc-coordinator' });
  });

  it('sends people who are not signed in to sign in, and refuses roles without the permission', async () => {
    const anon = await app.inject(`/cases/${case370}/record`);
    expect(anon.statusCode).toBe(303);
    expect((await app.inject({ url: `/api/cases/${case370}` })).statusCode).toBe(401);
    const parent = await addUser(t, 'parent-carer', '370');
    const agent = new Agent(app);
    await agent.signIn(parent.email);
    expect((await agent.get(`/cases/${case370}/record`)).statusCode).toBe(403);
  });

  it('does not let a forged X-Forwarded-For reset the sign-in rate limit', async () => {
    const agent = new Agent(app);
    const token = await agent.csrf();
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await agent.post('/sign-in', { email: `nobody${i}@example.com`, password: 'x' }, { csrf: token, headers: { 'x-forwarded-for': `10.0.0.${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes).toContain(429);
  });

  it('refuses to start a route that does not declare its access', async () => {
    const { createApp } = await import('../../src/platform/web/app.ts');
    const { loadConfig } = await import('../../src/platform/config/config.ts');
    const { createLogger } = await import('../../src/platform/logging/logger.ts');
    const { PROJECT_ROOT } = await import('../../src/main.ts');
    const bad = createApp({
      config: loadConfig({ NODE_ENV: 'test' }, PROJECT_ROOT),
      db: t.db,
      logger: createLogger('silent'),
      root: PROJECT_ROOT,
      modules: [(a) => void a.get('/undeclared', async () => 'x')],
    });
    await expect(bad).rejects.toThrow(/does not declare its access/);
  });
});
