import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/platform/identity/two-factor/totp.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../platform/oidc-test-provider.ts';
import { launchBrowser, Visitor } from '../support/browser.ts';
import { addCouncils, addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * In a real browser: setting up two-factor authentication and signing in with a code (with and
 * without JavaScript), and signing in through the council's OpenID provider running in this
 * process. Every page OpenSEND shows on the way is scanned with axe.
 */
/** Visitor.signIn clicks the first "Sign in…" button; with SSO on, the password one needs naming exactly. */
async function signInWithPassword(v: Visitor, email: string): Promise<void> {
  await v.open('/sign-in');
  await v.fill('Email address', email);
  await v.fill('Password', TEST_PASSWORD);
  await v.clickButton(/^Sign in$/);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

describe('single sign-on and two-factor sign-in (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let idp: TestOidcProvider;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    // The provider must know OpenSEND's callback address before either starts, so fix the port first.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startTestOidcProvider(base);
    app = await createTestApp(t, idp.env);
    await app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
    await t?.drop();
  });

  it('sets up an authenticator app, then signs in with a code (the code step without JavaScript)', async () => {
    const user = await addUser(t, 'ehc-coordinator', '370');
    const v = await Visitor.start(browser, base);
    await signInWithPassword(v, user.email);
    await v.open('/account');
    await v.clickLink('Two-factor authentication');
    expect(await v.heading()).toBe('Set up two-factor authentication');
    expect(await v.page.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    const secret = (await v.page.locator('#totp-secret').innerText()).replace(/\s/g, '');
    await v.fill('6-digit code', '000000' === totpAt(secret, new Date()) ? '111111' : '000000');
    await v.clickButton('Turn on two-factor authentication');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('The code is not right');
    await v.fill('6-digit code', totpAt(secret, new Date()));
    await v.clickButton('Turn on two-factor authentication');
    expect(await v.heading()).toBe('Two-factor authentication is on');
    expect(await v.page.locator('#recovery-codes li').count()).toBe(10);
    await v.clickButton('Sign out');
    await v.close();

    const w = await Visitor.start(browser, base, { javaScript: false });
    await signInWithPassword(w, user.email);
    expect(await w.heading()).toBe('Enter your security code');
    await w.fill('Enter your security code', totpAt(secret, new Date(Date.now() + 30_000)));
    await w.clickButton('Continue');
    expect(await w.heading()).toBe('Welcome, Test ehc-coordinator');
    await w.close();
  }, 120_000);

  it('signs a member of staff in with their council account through the OpenID provider', async () => {
    const user = await addUser(t, 'send-manager', '370', { email: 'manager.browser@council.example' });
    idp.accounts.set('browser-staff', { email: user.email });
    idp.nextAccount = 'browser-staff';
    const v = await Visitor.start(browser, base);
    await v.open('/sign-in');
    await v.clickButton('Sign in with your council account');
    expect(await v.heading()).toBe('Welcome, Test send-manager');
    await v.open('/account');
    expect(await v.page.locator('.govuk-summary-list').innerText()).toContain('Your council account');
    await v.close();
  }, 60_000);

  it('shows a clear, accessible page to someone the council has not given an account', async () => {
    idp.accounts.set('browser-stranger', { email: 'stranger@nowhere.example' });
    idp.nextAccount = 'browser-stranger';
    const v = await Visitor.start(browser, base);
    await v.open('/sign-in');
    await v.clickButton('Sign in with GOV.UK One Login');
    expect(await v.heading()).toBe('You could not be signed in');
    await v.clickLink('Go back to the sign-in page');
    expect(await v.heading()).toBe('Sign in');
    await v.close();
  }, 60_000);
});
