import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDemoArea } from '../../src/cli/commands/demo-area-on-start.ts';
import { PROJECT_ROOT } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const LA = '857';
const shots = process.env.FINANCE_SCREENSHOTS; // a directory: set it to keep a screenshot of every page

describe('finance in a browser: the SEND manager of the demo council (axe on every page)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let manager: { email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    // The demo council exactly as a first start makes it, seedFinance included.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_LA: LA, SEED_ON_START: 'true' }, PROJECT_ROOT);
    await ensureDemoArea(t.adminUrl, config, { stdin: Readable.from([]), stdout: () => {}, stderr: () => {}, cwd: PROJECT_ROOT, env: {} });
    manager = await addUser(t, 'send-manager', LA);
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  const shot = async (v: Visitor, name: string) => { if (shots) await v.screenshot(`${shots}/${name}.png`); };

  it('sees the budget, the five-year forecast with its error, three scenarios side by side and the place gap', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.clickLink('High-needs budget and forecast');
    expect(await v.heading()).toMatch(/^High-needs budget \d{4}-\d{2}$/);
    const main = await v.page.locator('main').innerText();
    expect(main).toMatch(/Cumulative DSG position at 31 March\s+−£[\d,]+\s+deficit/);
    expect(await v.page.getByRole('row', { name: /^Total/ }).innerText()).toMatch(/£[\d,]+/);
    expect(await v.page.locator('svg[role="img"] title').first().textContent()).toContain('Budget and forecast outturn');
    await shot(v, 'budget');

    await v.clickLink('Forecast');
    expect(await v.heading()).toBe('Five-year forecast');
    expect(await v.page.locator('main').innerText()).toMatch(/Forecast error \(back-test\)\s+\d+\.\d% mean absolute percentage error/);
    expect(await v.page.locator('caption', { hasText: 'Baseline forecast' }).locator('xpath=..').locator('tbody tr').count()).toBe(5);
    await shot(v, 'forecast');

    await v.clickLink('Scenarios');
    expect(await v.heading()).toBe('Scenarios');
    const header = await v.page.locator('caption', { hasText: 'side by side' }).locator('xpath=..').locator('thead').innerText();
    for (const name of ['Baseline', 'Inclusion in mainstream', 'Fewer independent placements', 'New special school opens', 'Target']) expect(header).toContain(name);
    expect(await v.page.locator('main').innerText()).toMatch(/meets target|misses target/);
    await shot(v, 'scenarios');

    await v.clickLink('Place planning');
    expect(await v.heading()).toBe('Place planning');
    expect(await v.page.locator('main').innerText()).toContain('Demonstration Park special school (autism)');
    expect(await v.page.getByRole('row', { name: /^All phases/ }).count()).toBe(5);
    await shot(v, 'places');
    await v.close();
  }, 180_000);

  it('adds a scenario (errors first), changes the budget and imports a ledger file without JavaScript', async () => {
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.open('/finance/scenarios');
    await v.clickButton('Add scenario');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter a name for the scenario');
    await shot(v, 'scenario-errors');
    await v.fill('Name', 'Shorter stays in AP');
    await v.page.getByLabel('Faster returns from alternative provision').check();
    await v.fill('How much shorter stays in alternative provision are', '30');
    await v.clickButton('Add scenario');
    expect(await v.page.locator('h2', { hasText: 'Shorter stays in AP' }).count()).toBe(1);

    await v.open('/finance');
    await v.clickLink('Change the budget');
    await v.fill('Cost inflation a year', 'lots');
    await v.clickButton('Save budget');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter inflation as a percentage');
    await shot(v, 'budget-errors');
    await v.fill('Cost inflation a year', '4');
    await v.clickButton('Save budget');
    expect(await v.heading()).toMatch(/^High-needs budget/);

    await v.clickLink('Import the ledger');
    const dir = await mkdtemp(path.join(tmpdir(), 'ledger-'));
    const file = path.join(dir, 'ledger.csv');
    await writeFile(file, 'date,line,amount,reference\n2026-01-31,post-16,100,BR1\n31/01/2026,nonsense,100,BR2\n');
    await v.page.getByLabel('Upload a CSV file').setInputFiles(file);
    await v.clickButton('Import ledger');
    expect(await v.page.locator('main').innerText()).toContain('Line 3: Line "nonsense" is not a budget line');
    await shot(v, 'ledger-errors');
    await writeFile(file, 'date,line,amount,reference\n2026-01-31,post-16,100,BR1\n');
    await v.page.getByLabel('Upload a CSV file').setInputFiles(file);
    await v.clickButton('Import ledger');
    expect(await v.page.locator('.govuk-panel').innerText()).toContain('1 payments added');
    await v.close();
  }, 180_000);
});
