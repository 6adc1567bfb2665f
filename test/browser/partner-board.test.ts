import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, todayInEngland } from '../../src/platform/calendar/index.ts';
import { seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo-area/domain/demo-accounts.ts';
import { seedPartnership, type SeedPartnershipResult } from '../../src/modules/partners/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const SHOTS = process.env.SCREENSHOT_DIR;

// Rutland (857) is the smallest council with every figure published, so the seed stays quick.
describe('the local SEND partnership in the demo council (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let account: (role: string) => string;
  let seeded: SeedPartnershipResult;
  let seedMs: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    const today = formatIsoDate(todayInEngland(new Date()));
    const area = await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', today });
    const started = Date.now();
    seeded = await seedPartnership(t.adminUrl, '857', today);
    seedMs = Date.now() - started;
    account = (role) => area.demoAccounts.find((a) => a.role === role)!.email;
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('seeds partners, late duties climbing the ladder, commitments and notices, once', async () => {
    expect(seeded.officers).toBeGreaterThan(5);
    expect(seeded.commitments).toBeGreaterThan(5);
    expect(seeded.escalations).toBeGreaterThan(0);
    expect(seeded.notices).toBe(2);
    expect(await seedPartnership(t.adminUrl, '857', formatIsoDate(todayInEngland(new Date())))).toEqual({ officers: 0, requests: 0, commitments: 0, escalations: 0, notices: 0 });
    expect(seedMs).toBeLessThan(60_000);
    console.info(`seedPartnership 857: ${seedMs} ms, ${JSON.stringify(seeded)}`);
  });

  it('the board sees who is late, by how much, what was done and what is not delivered; issues a notice; prints the pack', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(account('send-manager'), DEMO_PASSWORD);
    await v.clickLink('Local SEND partnership');
    expect(await v.heading()).toBe('Local SEND partnership');
    if (SHOTS) await v.screenshot(`${SHOTS}/20-partnership-board-1024.png`);
    const scorecard = v.page.locator('table.app-scorecard');
    expect(await scorecard.innerText()).toContain('All partners');
    expect(await scorecard.innerText()).toMatch(/Integrated Care Board/);
    expect(await v.page.locator('svg[role="img"] title').first().textContent()).toContain('advice sent within 6 weeks');
    const late = v.page.locator('section[aria-labelledby="late-heading"]');
    expect(await late.innerText()).toMatch(/Days late/);
    expect(await late.innerText()).toMatch(/(Designated officer told|senior manager told|Reported to the partnership board)/);
    const notDelivered = v.page.locator('section[aria-labelledby="not-delivered-heading"]');
    expect(await notDelivered.innerText()).toMatch(/(Not delivered|Family reports not delivered)/);

    // Another quarter, without JavaScript needed: a plain GET form.
    await v.page.getByLabel('Quarter', { exact: true }).selectOption({ index: 1 });
    await v.clickButton('Show quarter');
    expect(v.page.url()).toMatch(/period=\d{4}-Q[1-4]/);

    await v.page.locator('table.app-scorecard a', { hasText: 'Integrated Care Board' }).first().click();
    await v.page.waitForLoadState('load');
    await v.open(new URL(v.page.url()).pathname);
    expect(await v.heading()).toMatch(/Integrated Care Board/);
    expect(await v.page.locator('body').innerText()).toContain('Designated Clinical Officer');
    await v.clickButton('Issue notice');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter what the notice is about');
    await v.fill('What the notice is about', 'Health advice for assessments is late');
    await v.fill('Notice', 'Three requests for health advice are more than 4 weeks late. Please set out a recovery plan.');
    await v.clickButton('Issue notice');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toMatch(/Formal notice PN-857-\d{4} has been issued/);

    await v.open('/partnership');
    await v.clickLink(/Board pack for/);
    expect(await v.heading()).toMatch(/^Local SEND partnership: /);
    expect(await v.page.locator('link[href="/partnership/print.css"]').count()).toBe(1);
    await v.page.emulateMedia({ media: 'print' });
    expect(await v.page.locator('.govuk-header').isVisible()).toBe(false);
    await v.page.emulateMedia({ media: 'screen' });
    if (SHOTS) await v.screenshot(`${SHOTS}/21-board-pack-1024.png`);
    const csv = await v.page.request.get(`${base}/partnership/scorecard.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toContain('advice_on_time_percent');
    await v.open('/partnership/duties');
    expect(await v.page.locator('body').innerText()).toContain('reg 8(1)');
    await v.close();
  }, 240_000);

  it('a health partner sees notices and the provision it committed to, and reports where it stands', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(account('health-partner'), DEMO_PASSWORD);
    await v.clickLink('Advice requests');
    expect(await v.page.locator('#notices').innerText()).toContain('Formal notices from the council');
    expect(await v.page.locator('#provision').innerText()).toContain('Provision you committed to in plans');
    const card = v.page.locator('.govuk-summary-card').filter({ has: v.page.getByRole('button', { name: /Save update for/ }) }).first();
    await card.getByLabel('Delivered as specified').check();
    await Promise.all([v.page.waitForNavigation(), card.getByRole('button', { name: /Save update for/ }).click()]);
    await v.open('/work-tray?updated=provision');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('Your update has been saved');
    if (SHOTS) await v.screenshot(`${SHOTS}/22-partner-tray-1024.png`);
    // Per user: take the first piece of advice, then show only my work.
    const first = v.page.locator('table').first().locator('tbody tr').first();
    const child = await first.locator('a').first().innerText();
    await Promise.all([v.page.waitForNavigation(), first.getByRole('button', { name: /^Take/ }).click()]);
    await v.clickLink('Show only the work you have taken');
    expect(await v.page.locator('table').first().innerText()).toContain(child);
    expect(await v.page.locator('table').first().innerText()).toContain('You');
    await v.close();
  }, 180_000);

  it('a social care partner answers the formal notice from the council, without JavaScript', async () => {
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(account('social-care-partner'), DEMO_PASSWORD);
    await v.open('/work-tray');
    await v.clickLink(/Short breaks in Section H1 are not being delivered/);
    await v.clickButton('Send response');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter your response');
    await v.fill('Your response', 'Eleven children are affected. A new short breaks provider starts on 1 March.');
    await v.clickButton('Send response');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('Your update has been saved');
    await v.close();
  }, 180_000);

  it('a young person tells us provision in their plan is not happening, and the board sees it', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(account('young-person'), DEMO_PASSWORD);
    await v.clickLink('Health and social care in the plan');
    expect(await v.heading()).toBe('Health and social care in the plan');
    await v.fill('Tell us it is not happening', 'My therapy sessions stopped in October.');
    await v.clickButton('Report that this is not being delivered');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('Your report is recorded');
    await v.close();
    const board = await Visitor.start(browser, base);
    await board.signIn(account('send-manager'), DEMO_PASSWORD);
    await board.open('/partnership');
    expect(await board.page.locator('section[aria-labelledby="not-delivered-heading"]').innerText()).toContain('Family reports not delivered');
    await board.close();
  }, 180_000);
});
