import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { ensureDemoArea } from '../../src/cli/commands/demo-area-on-start.ts';
import { PROJECT_ROOT } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const LA = '857';
const shots = process.env.PROVISION_SCREENSHOTS; // a directory: set it to keep a screenshot of every page

describe('provision pages in a browser (axe on every page)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let manager: { email: string };
  let coordinator: { email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    // The demo council exactly as a first start makes it: seedLocalArea, then seedProvision and seedLocalOffer.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_LA: LA, SEED_ON_START: 'true' }, PROJECT_ROOT);
    const said: string[] = [];
    const demo = await ensureDemoArea(t.adminUrl, config, { stdin: Readable.from([]), stdout: (x) => said.push(x), stderr: (x) => said.push(x), cwd: PROJECT_ROOT, env: {} });
    expect(demo?.seededNow).toBe(true);
    manager = await addUser(t, 'send-manager', LA);
    coordinator = await addUser(t, 'ehc-coordinator', LA);
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

  it('a manager sees places, occupancy, a setting, AP outcomes and the cost of plans', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.clickLink('Provision');
    expect(await v.heading()).toBe('Settings directory');
    expect(await v.page.locator('main').innerText()).toMatch(/\d+ settings\. \d+ pupils placed in \d+ commissioned places\./);
    await shot(v, 'settings-list');
    await v.page.getByLabel('Kind').selectOption('special');
    await v.clickButton('Filter settings');
    expect(await v.page.locator('tbody tr').count()).toBeGreaterThan(0);
    await v.page.locator('tbody a.govuk-link').first().click();
    await v.page.waitForLoadState('load');
    await v.open(new URL(v.page.url()).pathname);
    expect(await v.page.locator('.govuk-caption-l').innerText()).toContain('Special school');
    await shot(v, 'setting-detail');
    await v.clickLink('Change setting details');
    await v.fill('Commissioned places', 'many');
    await v.clickButton(/Save/);
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('There is a problem');
    await shot(v, 'setting-edit-error');

    const [ap] = (await sql<{ id: string }>`select setting_id id from ap_placements where la_code = ${LA} group by setting_id order by count(*) desc limit 1`.execute(t.adminDb)).rows;
    await v.open(`/provision/settings/${ap!.id}`);
    expect(await v.page.locator('main').innerText()).toMatch(/Alternative provision outcomes\s+\d+ placements, \d+ ended/);
    await shot(v, 'setting-ap');

    await v.open('/provision/ap');
    expect(await v.heading()).toBe('Alternative provision');
    expect(await v.page.getByRole('row', { name: /All tiers/ }).innerText()).toMatch(/\d+%/);
    await shot(v, 'ap');
    await v.clickButton('Record placement');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter the child’s record number');
    await shot(v, 'ap-errors');

    await v.open('/provision/costs');
    expect(await v.heading()).toBe('Cost of plans');
    expect(await v.page.locator('main').innerText()).toMatch(/Each plan \(1 to 50 of \d+\)/);
    expect(await v.page.locator('main').innerText()).toMatch(/Total: £[\d,]+\.\d\d for \d+ plans\./);
    await shot(v, 'costs');
    await v.clickLink('Next');
    expect(await v.page.locator('main').innerText()).toMatch(/Each plan \(51 to \d+ of \d+\)/);
    const [offer] = (await sql<{ n: number }>`select count(*)::int n from oruk_services where la_code = ${LA}`.execute(t.adminDb)).rows;
    expect(offer!.n).toBe(8);

    await v.open('/provision/settings/import');
    await v.fill('Or paste the CSV', 'name,urn\nBroken,1');
    await v.clickButton('Import settings');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Nothing was imported');
    await shot(v, 'import-errors');
    await v.close();
  }, 180_000);

  it('a caseworker sees the tailored list for a case and a child’s placements', async () => {
    const [c] = (await sql<{ id: string; child_id: string }>`select c.id, c.child_id from cases c join case_events e on e.la_code = c.la_code and e.case_id = c.id
      join placements p on p.la_code = c.la_code and p.child_id = c.child_id where c.la_code = ${LA} and e.type = 'final-plan-issued' order by c.id limit 1`.execute(t.adminDb)).rows;
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(coordinator.email, TEST_PASSWORD);
    await v.open(`/provision/children/${c!.child_id}/placements`);
    expect(await v.page.getByRole('table').first().innerText()).toContain('Placement history');
    await shot(v, 'child-placements');
    await v.clickLink(/Suitable settings/);
    expect(await v.heading()).toMatch(/^Suitable settings for /);
    expect(await v.page.locator('ol.govuk-list--number > li').count()).toBeGreaterThan(0);
    await shot(v, 'tailored-list');
    await v.page.getByLabel('Show settings for another need').selectOption('HI');
    await v.clickButton('Show settings');
    expect(await v.page.locator('main').innerText()).toContain('Primary need: HI');
    await v.close();
  }, 120_000);
});
