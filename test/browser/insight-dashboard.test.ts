import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, todayInEngland } from '../../src/platform/calendar/index.ts';
import { seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The insight journeys in a real browser, axe on every page: a SEND manager reads the council's
 * dashboard, writes a narrative and sees it beside the figure; a national analyst sees every
 * council with small numbers suppressed. Screenshots go to SCREENSHOT_DIR when it is set.
 */
const SHOTS = process.env.SCREENSHOT_DIR;

describe('insight dashboards (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const today = formatIsoDate(todayInEngland(new Date()));
    // Barnsley: a calibrated demo council (a few seconds); Rutland, small enough for suppression.
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: '370', today });
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', today });
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('a SEND manager sees the indicators beside England, writes a narrative and sees it with the figure', async () => {
    const manager = await addUser(t, 'send-manager', '370');
    const v = await Visitor.start(browser, base);
    // The first visit counts the council's records (seconds on a busy test machine).
    v.page.setDefaultTimeout(60_000);
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.clickLink('How the local area is doing');
    expect(await v.heading()).toBe('How the local area is doing');
    await expect(v.page.locator('svg[role="img"]').first()).toBeDefined();
    expect(await v.page.locator('section', { hasText: 'EHC plans in place' }).first().innerText()).toContain('England');
    if (SHOTS) {
      await v.screenshot(`${SHOTS}/insight-dashboard.png`);
      await v.page.screenshot({ path: `${SHOTS}/insight-dashboard-top.png` });
    }
    expect(await v.page.getByRole('link', { name: /Time series, definition and narrative.*Decisions whether to assess/ }).getAttribute('href')).toBe('/insight/decisions-within-6-weeks');
    await v.open('/insight/decisions-within-6-weeks?granularity=month');
    expect(await v.heading()).toBe('Decisions whether to assess made within 6 weeks');
    expect(await v.page.getByLabel('Month').isChecked()).toBe(true);
    await v.fill('What lies behind this figure, and what is being done', 'Two educational psychologists joined in March; decisions are now made at a weekly panel.');
    await v.clickButton('Save narrative');
    expect(await v.page.locator('#narrative').innerText()).toContain('Two educational psychologists joined in March');
    await v.open('/insight');
    const section = v.page.locator('section', { hasText: 'Decisions whether to assess made within 6 weeks' }).first();
    expect(await section.innerText()).toContain('Two educational psychologists joined in March');
    expect(await section.innerText()).toMatch(/Written by Test send-manager \(SEND manager\) on \d{1,2} \w+ \d{4}/);
    if (SHOTS) {
      await section.scrollIntoViewIfNeeded();
      await v.page.screenshot({ path: `${SHOTS}/insight-dashboard-narrative.png` });
    }
    await v.close();
  }, 180_000);

  it('a national analyst sees every council, aggregates only, small numbers shown as [c]', async () => {
    const analyst = await addUser(t, 'national-analyst', null);
    const v = await Visitor.start(browser, base, { javaScript: false });
    v.page.setDefaultTimeout(60_000);
    await v.signIn(analyst.email, TEST_PASSWORD);
    await v.clickLink('EHC plans in every council');
    expect(await v.heading()).toBe('EHC plans in every council');
    const table = await v.page.locator('table').innerText();
    expect(table).toContain('Barnsley');
    expect(table).toContain('Rutland');
    expect(table).toContain('[c]');
    if (SHOTS) await v.page.screenshot({ path: `${SHOTS}/insight-national.png` });
    await v.close();
  }, 120_000);
});
