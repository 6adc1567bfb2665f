import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, todayInEngland } from '../../src/platform/calendar/index.ts';
import { seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo-area/domain/demo-accounts.ts';
import { sql } from 'kysely';
import { SAMPLE_PDF } from '../../src/modules/documents/web/multipart-test-support.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const SHOTS = process.env.SCREENSHOT_DIR;

// Rutland (857) is the smallest council with every figure published, so the seed stays quick. Its
// health demo user belongs to the ICB, which the seed asks for health advice on assessed cases.
describe('a health partner answers an advice request in the demo council (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let health: { email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    const seeded = await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', today: formatIsoDate(todayInEngland(new Date())) });
    health = seeded.demoAccounts.find((a) => a.role === 'health-partner')!;
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('sees what is asked of the ICB with due dates, and sends advice with a report', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(health.email, DEMO_PASSWORD);
    await v.clickLink('Advice requests');
    expect(await v.heading()).toBe('Advice requests');
    if (SHOTS) await v.screenshot(`${SHOTS}/09-work-tray-1024.png`);
    const todo = v.page.locator('table').first();
    const first = todo.locator('tbody tr').first();
    const childName = await first.locator('a').innerText();
    expect(await first.innerText()).toMatch(/\d{1,2} \w+ \d{4}/);
    await v.clickLink(childName);
    expect(await v.heading()).toContain(`advice for ${childName}`);
    await v.clickButton('Send advice');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter your advice');
    await v.fill('Your advice', 'Needs weekly speech and language therapy for a year.');
    await v.page.getByLabel('Attach a report (optional)').setInputFiles({ name: 'SALT report.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    if (SHOTS) await v.screenshot(`${SHOTS}/10-advice-form-1024.png`);
    await v.clickButton('Send advice');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toMatch(/Your advice for EHC-857-\d{6} has been sent to the council/);
    const sent = v.page.locator('table').last();
    expect(await sent.innerText()).toContain(childName);
    const event = await t.adminDb.selectFrom('case_events').select(['data']).where('la_code', '=', '857').where('type', '=', 'advice-received')
      .where(sql<boolean>`data->>'summary' = 'Needs weekly speech and language therapy for a year.'`).executeTakeFirst();
    expect(event).toBeDefined();
    await v.close();
  }, 180_000);
});
