import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils, addUser, Agent, createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { followProvider, startTestOidcProvider, type IdTokenTamper, type TestOidcProvider } from './oidc-test-provider.ts';

/**
 * Staff and family sign-in through OpenID Connect against a real provider running in this process:
 * the full redirect flow through the app, and every way a response can be wrong.
 */
const APP_URL = 'http://localhost:3000';

// Generous per-test time: the shared CI machine is often heavily loaded.
describe('single sign-on through OpenID Connect', { timeout: 90_000 }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let idp: TestOidcProvider;
  let staffEmail: string;
  let familyEmail: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    idp = await startTestOidcProvider(APP_URL);
    app = await createTestApp(t, idp.env);
    staffEmail = (await addUser(t, 'ehc-coordinator', '370', { email: 'coordinator.sso@council.example' })).email;
    familyEmail = (await addUser(t, 'parent-carer', '370', { email: 'parent.sso@family.example' })).email;
    idp.accounts.set('staff-sub-1', { email: staffEmail });
    idp.accounts.set('family-sub-1', { email: familyEmail });
    idp.accounts.set('stranger-sub', { email: 'nobody@nowhere.example' });
    idp.accounts.set('unverified-sub', { email: 'coordinator.sso@council.example', emailVerified: false });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await t?.drop();
  });

  /** Starts at the app, goes round the provider as `account`, and returns the callback URL. */
  async function roundTrip(agent: Agent, kind: 'staff' | 'family', account: string): Promise<URL> {
    idp.nextAccount = account;
    const start = await agent.get(`/sign-in/${kind}`);
    expect(start.statusCode).toBe(303);
    const location = String(start.headers.location);
    expect(location.startsWith(idp.issuer)).toBe(true);
    const auth = new URL(location);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    return followProvider(location, APP_URL);
  }

  async function callback(agent: Agent, url: URL) {
    return agent.get(url.pathname + url.search);
  }

  function expectRefusedPage(res: { statusCode: number; body: string; cookies: Array<{ name: string }> }, status: number) {
    expect(res.statusCode).toBe(status);
    expect(res.body).toContain('You could not be signed in');
    expect(res.body).not.toMatch(/at .*\.ts:\d+|Error:|stack/i);
    expect(res.cookies.some((c) => c.name === 'opensend_session')).toBe(false);
  }

  it('offers both single sign-on buttons on the sign-in page when configured', async () => {
    const page = await new Agent(app).get('/sign-in');
    expect(page.body).toContain('Sign in with your council account');
    expect(page.body).toContain('Sign in with GOV.UK One Login');
  });

  it('signs a member of staff in through the council provider, links the identity and starts a fresh session', async () => {
    const agent = new Agent(app);
    const url = await roundTrip(agent, 'staff', 'staff-sub-1');
    const res = await callback(agent, url);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const account = await agent.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(staffEmail);
    const link = await t.adminDb.selectFrom('user_identity_links').selectAll().where('subject', '=', 'staff-sub-1').executeTakeFirstOrThrow();
    expect(link).toMatchObject({ issuer: idp.issuer, provider: 'staff' });
    // The application role may add links but never re-point or remove one.
    await expect(sql`update user_identity_links set subject = 'other'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from user_identity_links`.execute(t.db)).rejects.toThrow(/permission denied/);
  });

  it('signs a parent in through One Login (private_key_jwt, email from userinfo) and returns them where they were going', async () => {
    const agent = new Agent(app);
    idp.nextAccount = 'family-sub-1';
    const start = await agent.get('/sign-in/family?returnTo=%2Faccount');
    expect(new URL(String(start.headers.location)).searchParams.get('vtr')).toBe('["Cl.Cm"]');
    const res = await callback(agent, await followProvider(String(start.headers.location), APP_URL));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account');
    expect((await agent.get('/account')).body).toContain(familyEmail);
  });

  it('recognises a linked identity by (issuer, subject) even after the email at the provider changes', async () => {
    idp.accounts.set('staff-sub-1', { email: 'renamed@council.example' });
    try {
      const agent = new Agent(app);
      const res = await callback(agent, await roundTrip(agent, 'staff', 'staff-sub-1'));
      expect(res.statusCode).toBe(303);
      expect((await agent.get('/account')).body).toContain(staffEmail);
    } finally {
      idp.accounts.set('staff-sub-1', { email: staffEmail });
    }
  });

  it('refuses someone with no OpenSEND account with a clear page, and creates nothing', async () => {
    const agent = new Agent(app);
    const res = await callback(agent, await roundTrip(agent, 'staff', 'stranger-sub'));
    expectRefusedPage(res, 403);
    expect(res.body).toContain('There is no OpenSEND account for you yet');
    const users = await t.adminDb.selectFrom('users').select('id').where('email', '=', 'nobody@nowhere.example').execute();
    expect(users).toEqual([]);
  });

  it('refuses an email the provider has not verified', async () => {
    const agent = new Agent(app);
    const res = await callback(agent, await roundTrip(agent, 'staff', 'unverified-sub'));
    expectRefusedPage(res, 403);
    expect(res.body).toContain('has not been confirmed');
  });

  it('refuses a second identity at the same provider claiming an already linked account', async () => {
    idp.accounts.set('second-sub', { email: staffEmail });
    const agent = new Agent(app);
    const res = await callback(agent, await roundTrip(agent, 'staff', 'second-sub'));
    expectRefusedPage(res, 403);
    expect(res.body).toContain('already linked to a different sign-in');
  });

  it('refuses a family account through the staff provider (roles decide, not the provider)', async () => {
    idp.accounts.set('family-at-staff', { email: familyEmail });
    const agent = new Agent(app);
    const res = await callback(agent, await roundTrip(agent, 'staff', 'family-at-staff'));
    expectRefusedPage(res, 403);
    expect(res.body).toContain('cannot be used with this way of signing in');
  });

  it('refuses a callback whose state was changed', async () => {
    const agent = new Agent(app);
    const url = await roundTrip(agent, 'staff', 'staff-sub-1');
    url.searchParams.set('state', 'forged-state');
    expectRefusedPage(await callback(agent, url), 401);
  });

  it('refuses a callback in a browser that did not start the sign-in (no flow cookie)', async () => {
    const url = await roundTrip(new Agent(app), 'staff', 'staff-sub-1');
    expectRefusedPage(await callback(new Agent(app), url), 400);
  });

  it('refuses a replayed authorisation code', async () => {
    const agent = new Agent(app);
    const url = await roundTrip(agent, 'staff', 'staff-sub-1');
    const stolenCookies = new Map(agent.cookies);
    expect((await callback(agent, url)).statusCode).toBe(303);
    const attacker = new Agent(app);
    attacker.cookies = stolenCookies;
    expectRefusedPage(await callback(attacker, url), 401);
  });

  const tampered: Array<[string, IdTokenTamper]> = [
    ['a wrong nonce', (p) => ({ payload: { ...p, nonce: 'not-the-nonce-we-sent' } })],
    ['a missing nonce', (p) => ({ payload: Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'nonce')) })],
    ['an expired ID token', (p) => ({ payload: { ...p, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 } })],
    ['an ID token signed with the wrong key', (p) => ({ payload: p, signWith: 'stranger' })],
    ['an ID token for another audience', (p) => ({ payload: { ...p, aud: 'someone-else' } })],
    ['an ID token from another issuer', (p) => ({ payload: { ...p, iss: 'https://evil.example' } })],
  ];
  for (const [what, tamper] of tampered) {
    it(`refuses ${what}`, async () => {
      idp.tamper = tamper;
      try {
        for (const kind of ['staff', 'family'] as const) {
          const agent = new Agent(app);
          const res = await callback(agent, await roundTrip(agent, kind, kind === 'staff' ? 'staff-sub-1' : 'family-sub-1'));
          expectRefusedPage(res, 401);
          expect((await agent.get('/account')).statusCode).toBe(303); // still signed out
        }
      } finally {
        idp.tamper = undefined;
      }
    });
  }

  it('says so, without a 500, when the person cancels at the provider', async () => {
    const agent = new Agent(app);
    await agent.get('/sign-in/staff');
    expectRefusedPage(await agent.get('/sign-in/staff/callback?error=access_denied&state=x'), 401);
  });
});
