import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_NAMES } from '../../src/platform/identity/roles.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addCouncils, addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe('signing in as each role (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('shows the start page and sign-in page accessibly, also without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const v = await Visitor.start(browser, base, { javaScript });
      await v.open('/');
      expect(await v.heading()).toContain('Education, health and care');
      await v.clickButton('Sign in'); // the start button is a link styled (and announced) as a button
      expect(await v.heading()).toBe('Sign in');
      await v.clickButton('Sign in');
      expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter your email address');
      if (javaScript) {
        // The footer's links lead somewhere real.
        await v.clickLink('Accessibility statement');
        expect(await v.heading()).toBe('Accessibility statement');
        await v.clickLink('Privacy');
        expect(await v.heading()).toBe('Privacy notice');
      }
      await v.close();
    }
  });

  for (const role of ROLES) {
    it(`signs in as ${ROLE_NAMES[role]} and sees a home page for that role`, async () => {
      const national = role === 'national-analyst' || role === 'system-admin';
      const user = await addUser(t, role, national ? null : '370');
      const v = await Visitor.start(browser, base, { javaScript: false });
      await v.signIn(user.email, TEST_PASSWORD);
      expect(await v.heading()).toBe(`Welcome, Test ${role}`);
      expect(await v.page.locator('.govuk-caption-l').innerText()).toContain(ROLE_NAMES[role]);
      await v.clickButton('Sign out');
      expect(await v.heading()).toBe('You have signed out');
      await v.close();
    });
  }
});
