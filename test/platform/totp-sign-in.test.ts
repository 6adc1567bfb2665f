import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/platform/identity/two-factor/totp.ts';
import { addCouncils, addUser, Agent, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Two-factor sign-in for local accounts, through the app: enrolment in the account area, the code
 * step at sign-in, replay, recovery codes, attempt limits and the REQUIRE_STAFF_2FA switch.
 */
const STEP_MS = 30_000;

function secretFrom(page: string): string {
  const m = /<code id="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(page);
  if (!m) throw new Error('no secret on the page');
  return m[1]!.replace(/ /g, '');
}

function recoveryCodesFrom(page: string): string[] {
  return [...page.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
}

/** Signs in with a password and enrols; returns the secret and the recovery codes shown. */
async function enrol(agent: Agent, email: string): Promise<{ secret: string; codes: string[]; usedCode: string }> {
  await agent.signIn(email);
  const setup = await agent.get('/account/two-factor');
  expect(setup.statusCode).toBe(200);
  expect(setup.body).toContain('<svg');
  const secret = secretFrom(setup.body);
  const csrf = await agent.csrf('/account/two-factor');
  const usedCode = totpAt(secret, new Date());
  const done = await agent.post('/account/two-factor', { code: usedCode }, { csrf });
  expect(done.statusCode).toBe(200);
  const codes = recoveryCodesFrom(done.body);
  expect(codes).toHaveLength(10);
  await agent.post('/sign-out', {}, { csrf: await agent.csrf('/account') });
  return { secret, codes, usedCode };
}

// Generous per-test time: the shared CI machine is often heavily loaded.
describe('two-factor sign-in (TOTP) for local accounts', { timeout: 90_000 }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    app = await createTestApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('leaves password sign-in unchanged for people who have not set it up', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const res = await new Agent(app).signIn(user.email);
    expect(res.headers.location).toBe('/');
  });

  it('enrols with a QR code and text key, refusing a wrong first code, and stores only ciphertext and hashes', async () => {
    const user = await addUser(t, 'send-manager', '370');
    const agent = new Agent(app);
    await agent.signIn(user.email);
    const setup = await agent.get('/account/two-factor');
    const secret = secretFrom(setup.body);
    expect(setup.body).toContain('role="img" aria-label="QR code');
    // The page shows the same secret on reload, so a QR code already scanned stays valid.
    expect(secretFrom((await agent.get('/account/two-factor')).body)).toBe(secret);
    const csrf = await agent.csrf('/account/two-factor');
    const wrong = await agent.post('/account/two-factor', { code: '000000' === totpAt(secret, new Date()) ? '111111' : '000000' }, { csrf });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    const notDigits = await agent.post('/account/two-factor', { code: 'abc' }, { csrf });
    expect(notDigits.statusCode).toBe(400);
    const ok = await agent.post('/account/two-factor', { code: totpAt(secret, new Date()) }, { csrf });
    expect(ok.statusCode).toBe(200);
    const codes = recoveryCodesFrom(ok.body);
    expect(codes).toHaveLength(10);
    const row = await t.adminDb.selectFrom('totp_enrolments').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.confirmed_at).not.toBeNull();
    expect(row.secret_encrypted).not.toContain(secret);
    const hashes = await t.adminDb.selectFrom('totp_recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(codes).not.toContain(h.code_hash);
    // Shown once: the status page later does not list them.
    const status = await agent.get('/account/two-factor');
    expect(status.body).toContain('You have 10 unused recovery codes');
    expect(recoveryCodesFrom(status.body)).toEqual([]);
  });

  it('asks enrolled people for a code after the password, with no session until it is right, and refuses a used code', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const { secret, usedCode } = await enrol(new Agent(app), user.email);
    const agent = new Agent(app);
    const pw = await agent.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(pw.statusCode).toBe(303);
    expect(pw.headers.location).toBe('/sign-in/two-factor');
    expect(agent.cookies.has('opensend_session')).toBe(false);
    expect((await agent.get('/account')).statusCode).toBe(303);
    const page = await agent.get('/sign-in/two-factor');
    expect(page.statusCode).toBe(200);
    const csrf = await agent.csrf('/sign-in/two-factor');
    // The code used to confirm enrolment (this time step) is spent.
    const replay = await agent.post('/sign-in/two-factor', { code: usedCode }, { csrf });
    expect(replay.statusCode).toBe(401);
    expect(replay.body).toContain('already been used');
    const next = totpAt(secret, new Date(Date.now() + STEP_MS));
    const ok = await agent.post('/sign-in/two-factor', { code: next }, { csrf });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/');
    expect((await agent.get('/account')).statusCode).toBe(200);
    // The same code again, in a new sign-in: refused.
    const again = new Agent(app);
    await again.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    const second = await again.post('/sign-in/two-factor', { code: next }, { csrf: await again.csrf('/sign-in/two-factor') });
    expect(second.statusCode).toBe(401);
    expect(again.cookies.has('opensend_session')).toBe(false);
  });

  it('accepts a recovery code once', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const { codes } = await enrol(new Agent(app), user.email);
    for (const expected of [303, 401]) {
      const agent = new Agent(app);
      await agent.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
      const res = await agent.post('/sign-in/two-factor', { code: codes[0]!.toUpperCase() }, { csrf: await agent.csrf('/sign-in/two-factor') });
      expect(res.statusCode).toBe(expected);
      if (expected === 303) {
        expect(res.headers.location).toBe('/account/two-factor');
        expect((await agent.get('/account/two-factor')).body).toContain('You have 9 unused recovery codes');
      }
    }
  });

  it('ends the sign-in after five wrong codes', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const { secret } = await enrol(new Agent(app), user.email);
    const agent = new Agent(app);
    await agent.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    const csrf = await agent.csrf('/sign-in/two-factor');
    const good = totpAt(secret, new Date(Date.now() + STEP_MS));
    const bad = good === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await agent.post('/sign-in/two-factor', { code: bad }, { csrf })).statusCode).toBe(401);
    const locked = await agent.post('/sign-in/two-factor', { code: good }, { csrf });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('too many attempts');
    const after = await agent.post('/sign-in/two-factor', { code: good }, { csrf });
    expect(after.statusCode).toBe(401);
    expect(after.body).toContain('timed out');
  });

  it('refuses the code step without a password step, and empty or huge input, without a 500', async () => {
    const agent = new Agent(app);
    expect((await agent.get('/sign-in/two-factor')).statusCode).toBe(303);
    const none = await agent.post('/sign-in/two-factor', { code: '123456' });
    expect(none.statusCode).toBe(401);
    const user = await addUser(t, 'ehc-coordinator', '370');
    await enrol(new Agent(app), user.email);
    await agent.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    const csrf = await agent.csrf('/sign-in/two-factor');
    const empty = await agent.post('/sign-in/two-factor', { code: '' }, { csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the security code');
    expect((await agent.post('/sign-in/two-factor', { code: 'x'.repeat(10_000) }, { csrf })).statusCode).toBe(401);
  });

  it('turns off only with a valid code, refusing an empty, spent or wrong one', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const { secret, codes, usedCode } = await enrol(new Agent(app), user.email);
    const agent = new Agent(app);
    await agent.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    await agent.post('/sign-in/two-factor', { code: totpAt(secret, new Date(Date.now() + STEP_MS)) }, { csrf: await agent.csrf('/sign-in/two-factor') });
    const csrf = await agent.csrf('/account/two-factor');
    for (const code of ['', usedCode, 'wrong-wrong']) {
      const refused = await agent.post('/account/two-factor/turn-off', { code }, { csrf });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('govuk-error-summary');
    }
    const off = await agent.post('/account/two-factor/turn-off', { code: codes[3]! }, { csrf });
    expect(off.statusCode).toBe(303);
    expect(await t.adminDb.selectFrom('totp_enrolments').select('user_id').where('user_id', '=', user.id).executeTakeFirst()).toBeUndefined();
    expect((await new Agent(app).signIn(user.email)).headers.location).toBe('/');
  });
});

describe('REQUIRE_STAFF_2FA', { timeout: 90_000 }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    app = await createTestApp(t, { REQUIRE_STAFF_2FA: 'true' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('sends staff who have not enrolled to set it up before anything else', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const agent = new Agent(app);
    const res = await agent.signIn(user.email);
    expect(res.headers.location).toBe('/account/two-factor');
    // Routes mounted before the sign-in routes (insight) and after them (account) alike.
    for (const path of ['/account', '/insight']) {
      const elsewhere = await agent.get(path);
      expect(elsewhere.statusCode, path).toBe(303);
      expect(elsewhere.headers.location).toBe('/account/two-factor');
    }
    const setup = await agent.get('/account/two-factor');
    expect(setup.body).toContain('Your council requires staff to use two-factor authentication');
    const secret = secretFrom(setup.body);
    const done = await agent.post('/account/two-factor', { code: totpAt(secret, new Date()) }, { csrf: await agent.csrf('/account/two-factor') });
    expect(done.statusCode).toBe(200);
    expect((await agent.get('/account')).statusCode).toBe(200);
  });

  it('does not force families, who use One Login or their own choice', async () => {
    const user = await addUser(t, 'parent-carer', '370');
    const res = await new Agent(app).signIn(user.email);
    expect(res.headers.location).toBe('/');
  });
});
