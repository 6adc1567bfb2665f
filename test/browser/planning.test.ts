import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPlanningWorld, LA, TODAY } from '../../src/modules/planning/application/planning-world.fixture.ts';
import { seedPlanning } from '../../src/modules/planning/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const shots = process.env.PLANNING_SCREENSHOTS; // a directory: set it to keep a screenshot of every page

describe('planning pages in a browser (axe on every page)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let manager: { email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertPlanningWorld(t);
    manager = await addUser(t, 'send-manager', LA);
    await seedPlanning(t.adminUrl, LA, TODAY);
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  const shot = async (v: Visitor, name: string) => { if (shots) await v.screenshot(`${shots}/${name}.png`); };

  it('a SEND manager reads the inclusion plan and the evidence pack, with captions on every table', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.clickLink('Inclusion plan and inspection evidence');
    expect(await v.heading()).toBe('Inclusion plan and inspection evidence');
    await shot(v, 'planning-overview');
    await v.clickLink(/^Local inclusion plan$/);
    expect(await v.heading()).toBe('Local inclusion plan: Council 370');
    const tables = v.page.locator('main table');
    expect(await tables.count()).toBeGreaterThan(4);
    expect(await v.page.locator('main table caption').count()).toBe(await tables.count());
    expect(await v.page.getByRole('heading', { level: 3, name: /^Priority 1:/ }).count()).toBe(1);
    expect(await v.page.locator('main').innerText()).toContain('Finance data is not yet available');
    await shot(v, 'planning-inclusion-plan');
    await v.open('/planning/evidence-pack');
    expect(await v.page.getByRole('heading', { level: 2, name: 'Self-evaluation' }).count()).toBe(1);
    expect(await v.page.getByRole('row', { name: /Requests refused/ }).innerText()).toMatch(/\bc\b/);
    await shot(v, 'planning-evidence-pack');
    await v.close();
  }, 180_000);

  it('without JavaScript, the manager changes an action, is told what is wrong, and saves', async () => {
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.open('/planning');
    await v.page.getByRole('link', { name: /Change action: Publish the ordinarily available provision guide/ }).click();
    await v.page.waitForLoadState('load');
    await v.open(new URL(v.page.url()).pathname);
    expect(await v.heading()).toBe('Change an action');
    await v.fill('Who leads it', '');
    await v.page.locator('#due-day').fill('32');
    await v.clickButton('Save action');
    const summary = await v.page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Enter who leads the action');
    expect(summary).toContain('The date it is due by must be a real date');
    await shot(v, 'planning-action-errors');
    await v.fill('Who leads it', 'SENCO network');
    await v.page.locator('#due-day').fill('30');
    await v.page.getByLabel('At risk').check();
    await v.clickButton('Save action');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('Action saved');
    expect(await v.page.getByRole('row', { name: /SENCO network/ }).innerText()).toContain('At risk');
    await v.close();
  }, 180_000);

  it('the manager writes the self-evaluation for a heading; a colleague’s stale edit is refused and shown', async () => {
    const a = await Visitor.start(browser, base);
    const b = await Visitor.start(browser, base);
    await a.signIn(manager.email, TEST_PASSWORD);
    await b.signIn(manager.email, TEST_PASSWORD);
    await a.open('/planning/self-evaluation/leadership-and-improvement');
    await b.open('/planning/self-evaluation/leadership-and-improvement');
    await a.fill('The partnership’s evaluation', 'Saved first.');
    await a.clickButton('Save self-evaluation');
    await b.fill('The partnership’s evaluation', 'Saved second.');
    await b.clickButton('Save self-evaluation');
    expect(await b.page.locator('.govuk-error-summary').innerText()).toContain('Nothing has been saved');
    expect(await b.page.locator('#their-version').innerText()).toContain('Saved first.');
    expect(await b.page.getByLabel('The partnership’s evaluation').inputValue()).toBe('Saved second.');
    await shot(b, 'planning-conflict');
    await a.close();
    await b.close();
  }, 180_000);
});
