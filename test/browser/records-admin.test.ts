import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addCouncils, addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const OLD = '00000000-0000-0000-0000-0000000000a1';
const NEW = '00000000-0000-0000-0000-0000000000a2';

describe('records administration (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let manager: { email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    manager = await addUser(t, 'send-manager', '370');
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values
      ('370', ${OLD}, 'Olwen', 'Elder', '1990-03-01'), ('370', ${NEW}, 'Nia', 'Younger', '2015-03-01')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values
      ('370', gen_random_uuid(), ${OLD}, 'EHC-OLD', '2005-01-01'), ('370', gen_random_uuid(), ${NEW}, 'EHC-NEW', '2024-01-01')`.execute(t.adminDb);
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  it('a SEND manager sees what is due, places and lifts a legal hold, sets a period, and finds a subject access export (no JavaScript)', async () => {
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(manager.email, TEST_PASSWORD);
    await v.clickLink('Retention and subject access');
    expect(await v.heading()).toBe('Retention, legal holds and subject access');
    const due = v.page.locator('table').nth(0);
    expect(await due.innerText()).toContain('Olwen Elder');
    expect(await due.innerText()).not.toContain('Nia Younger');

    // A hold needs a case reference and a reason: the GOV.UK error summary, input kept.
    await v.fill('Why the record must be kept', 'Tribunal appeal pending');
    await v.clickButton('Place legal hold');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter the case reference of the child');
    expect(await v.page.getByLabel('Why the record must be kept').inputValue()).toBe('Tribunal appeal pending');
    await v.fill('Case reference for the legal hold', 'EHC-NOPE');
    await v.clickButton('Place legal hold');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('There is no case with that reference');
    await v.fill('Case reference for the legal hold', 'EHC-OLD');
    await v.clickButton('Place legal hold');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('The legal hold has been placed');
    expect(await v.page.locator('table').nth(0).innerText()).toContain('Nothing is due for deletion');
    expect(await v.page.locator('body').innerText()).toContain('1 more record is due but kept under a legal hold');
    expect(await v.page.locator('table').nth(1).innerText()).toContain('Tribunal appeal pending');

    // Retention period: a wrong value is explained; a right one is saved.
    await v.fill(/Uploaded documents/, 'twenty');
    await v.clickButton('Save period: documents');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('whole number');
    await v.fill(/Uploaded documents/, '25');
    await v.clickButton('Save period: documents');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('The retention period has been saved');

    // Lifting needs a reason.
    await v.clickButton('Lift hold');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Enter why the hold is being lifted');
    await v.fill('Why lift the hold on Olwen Elder', 'Appeal withdrawn');
    await v.clickButton('Lift hold');
    expect(await v.page.locator('.govuk-notification-banner').innerText()).toContain('The legal hold has been lifted');
    expect(await v.page.locator('table').nth(0).innerText()).toContain('Olwen Elder');

    // Subject access: an unknown reference is explained.
    await v.fill('Case reference for the subject access request', 'EHC-NOPE');
    await v.clickButton('Download subject access export');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('There is no case with that reference');
    const link = await v.page.getByRole('link', { name: 'Download everything held about Olwen Elder' }).getAttribute('href');
    expect(link).toBe(`/admin/subject-access/${OLD}`);
    await v.close();
  }, 240_000);
});
