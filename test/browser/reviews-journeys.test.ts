import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, todayInEngland, toYearMonthDay } from '../../src/platform/calendar/index.ts';
import { DEMO_PASSWORD, demoEmail, seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const today = todayInEngland(new Date());
const { year, month, day } = toYearMonthDay(today);

async function fillDate(v: Visitor, legend: RegExp, parts = { day, month, year }): Promise<void> {
  const group = v.page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(parts.day));
  await group.getByLabel('Month').fill(String(parts.month));
  await group.getByLabel('Year').fill(String(parts.year));
}

describe('reviews journeys in the demo council (browser, axe on every page)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const coordinator = demoEmail('coordinator', '370');

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: '370', seed: 7, today: formatIsoDate(today) });
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  const signedIn = async (email: string) => {
    const v = await Visitor.start(browser, base);
    await v.signIn(email, DEMO_PASSWORD);
    return v;
  };

  it('a review that leads to an amendment: arrange, hold, decide to amend, send the changes', async () => {
    const v = await signedIn(coordinator);
    await v.open('/reviews?show=overdue');
    expect(await v.heading()).toBe('Annual reviews');
    await v.screenshot('/tmp/reviews-list.png');
    await v.page.locator('table a.govuk-link').first().click();
    await v.page.waitForLoadState();
    expect(await v.heading()).toBe('Reviews and changes to the plan');
    await v.clickLink('Arrange the annual review meeting');
    await v.page.getByLabel('The school, college or early years setting').check();
    await fillDate(v, /Date of the meeting/);
    await v.clickButton('Save the meeting date');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('Review meeting arranged');
    await v.clickLink('Record the meeting');
    await v.fill('Who attended', 'Parent\nSENCO\nCaseworker');
    await v.fill('Views of the child or young person and their family', 'Wants more help with speech');
    await v.fill('Progress towards the outcomes in the plan', 'Good progress in reading');
    await fillDate(v, /Date of the meeting/);
    await v.clickButton('Save the meeting record');
    await v.clickLink('Record the decision');
    await v.page.getByLabel('Amend the plan').check();
    await fillDate(v, /Date of the decision/);
    await v.clickButton('Save the decision');
    await v.clickLink('Send proposed amendments');
    await v.fill('The proposed amendments', 'Section F: add 1 hour a week of speech and language therapy');
    await fillDate(v, /Date the proposed amendments were sent/);
    await v.clickButton('Save');
    expect(await v.page.locator('main').innerText()).toContain('Section F: add 1 hour a week of speech and language therapy');
    expect(await v.page.getByRole('table', { name: 'Amendment deadlines' }).innerText()).toContain('Issue the amended plan');
    await v.close();
  }, 90_000);

  it('a phase transfer cohort meets its deadline: the next school is named', async () => {
    const v = await signedIn(coordinator);
    await v.open('/phase-transfers');
    expect(await v.heading()).toBe('Phase transfers');
    await v.screenshot('/tmp/phase-transfers.png');
    const section = v.page.locator('h2', { hasText: 'Primary to secondary school (Year 7)' });
    await expect(section.count()).resolves.toBe(1);
    const row = v.page.locator('table', { has: v.page.locator('caption', { hasText: 'Primary to secondary' }) }).locator('tbody tr', { hasText: 'Not yet' }).first();
    const child = (await row.locator('a').innerText()).trim();
    await Promise.all([v.page.waitForNavigation(), row.locator('a').click()]);
    await v.clickLink('Name the next school or college (phase transfer)');
    await v.page.getByRole('group', { name: /When does the child move/ }).getByRole('radio').first().check();
    await v.page.getByLabel('School or college named in the plan').selectOption({ index: 1 });
    await fillDate(v, /Date the plan was amended to name it/);
    await v.clickButton('Save');
    await v.open('/phase-transfers?route=primary-to-secondary');
    const named = v.page.locator('tbody tr', { hasText: child }).first();
    expect(await named.innerText()).toContain('Named');
    await v.close();
  }, 90_000);

  it('a cease decision with its notice, and the SENCO tray', async () => {
    const v = await signedIn(coordinator);
    await v.open('/reviews');
    await v.page.locator('table a.govuk-link').nth(3).click();
    await v.page.waitForLoadState();
    await v.clickLink('Cease the plan');
    await v.page.getByLabel('Reason for ceasing the plan').selectOption('3');
    await v.fill('Reasons given to the family', 'The young person has moved on to higher education');
    await fillDate(v, /Date of the decision/);
    await v.clickButton('Cease the plan');
    expect(await v.heading()).toBe('Decision to stop the EHC plan');
    const text = await v.page.locator('main').innerText();
    expect(text).toContain('Moved on to higher education');
    expect(text).toContain('contact a mediation adviser by');
    expect(text).toContain('You can appeal until');
    await v.close();

    const s = await signedIn(demoEmail('senco', '370'));
    await s.open('/setting/pupils');
    expect(await s.heading()).toBe('Pupils with EHC plans');
    await s.screenshot('/tmp/senco-tray.png');
    await s.close();
  }, 90_000);
});
