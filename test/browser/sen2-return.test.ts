import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe('the SEN2 return page (browser, axe on every page)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let manager: { email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', seed: 5, today: '2026-02-01' });
    manager = await addUser(t, 'send-manager', '857');
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('a SEND manager picks the reference date, sees the check by child with links to cases, and downloads the file', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.open('/returns/sen2');
    expect(await v.heading()).toBe('SEN2 return');
    await v.clickButton('Run the check');
    await v.fill('Day', '15');
    await v.fill('Month', '1');
    await v.fill('Year', '2026');
    await v.clickButton('Run the check');
    expect(await v.page.locator('h2').first().innerText()).toBe('Check for the 2026 return');
    expect(await v.page.locator('a[href^="/cases/"]').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('link', { name: 'Download the SEN2 file (XML)' }).click()]);
    expect(download.suggestedFilename()).toBe('SEN2_857_2026-01-15.xml');
    const file = await download.path();
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<LEA>857<\/LEA>[\s\S]*<\/Message>\n$/);
    await v.close();
  }, 60_000);

  it('tells a visitor without JavaScript what is wrong with a date outside January', async () => {
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.open('/returns/sen2?day=1&month=6&year=2026');
    expect(await v.page.locator('.govuk-error-message').innerText()).toContain('Enter a real date in January');
    await v.close();
  }, 60_000);
});
