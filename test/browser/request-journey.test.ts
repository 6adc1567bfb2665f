import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PDF } from '../../src/modules/documents/web/multipart-test-support.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { addCouncils, addUser, createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Screenshots for review land here (phone and desktop widths). */
const SHOTS = process.env.SCREENSHOT_DIR;

describe('asking for an EHC needs assessment (browser)', () => {
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

  for (const width of [390, 1024]) {
    it(`a parent asks without an account and without JavaScript, then creates an account and sees the case (width ${width})`, async () => {
      const email = `parent-${width}@example.com`;
      const v = await Visitor.start(browser, base, { javaScript: false, width });
      const shot = async (name: string) => { if (SHOTS) await v.screenshot(`${SHOTS}/${name}-${width}.png`); };
      await v.open('/request');
      expect(await v.heading()).toBe('Ask for an EHC needs assessment');
      await shot('01-start');
      await v.clickButton('Start now');
      expect(await v.heading()).toBe('Who is asking for the assessment?');
      await v.clickButton('Continue');
      expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Select who is asking for the assessment');
      await shot('02-who-error');
      await v.page.getByLabel('I am a parent or carer of the child or young person').check();
      await v.clickButton('Continue');
      expect(await v.heading()).toBe('Which council is responsible?');
      await v.page.getByLabel('Which council is responsible?').selectOption('370');
      await v.clickButton('Continue');
      await v.fill('First name', 'Sam');
      await v.fill('Last name', 'Browser');
      await v.clickButton('Continue');
      expect(await v.heading()).toBe("What is the child's date of birth?");
      await v.fill('Day', '4');
      await v.fill('Year', '2016');
      await v.clickButton('Continue');
      expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Date of birth must include a month');
      expect(await v.page.getByLabel('Day').inputValue()).toBe('4');
      expect(await v.page.getByLabel('Year').inputValue()).toBe('2016');
      await shot('03-date-error');
      await v.fill('Month', '7');
      await v.clickButton('Continue');
      await v.fill("What is the postcode of the child's home?", 'S1 2HH');
      await v.clickButton('Continue');
      await v.fill('Or enter its name if it is not listed', 'Riverside Primary');
      await v.clickButton('Continue');
      await v.fill('Why are you asking for an assessment?', 'Sam cannot read yet and the support at school has not helped.');
      await shot('04-reasons');
      await v.clickButton('Continue');
      await v.fill('What is your name?', 'Alex Browser');
      await v.clickButton('Continue');
      await v.fill('What is your email address?', email);
      await v.clickButton('Continue');
      await v.clickButton('Continue'); // phone is optional
      await v.page.getByLabel(/I confirm that the information I have given is correct/).check();
      await v.clickButton('Continue');
      expect(await v.heading()).toBe('Check your answers before sending your request');
      await shot('05-check-answers');
      await v.clickLink(/Change\s+postcode/);
      await v.fill("What is the postcode of the child's home?", 'S2 3AB');
      await v.clickButton('Continue');
      expect(await v.page.locator('.govuk-summary-list').innerText()).toContain('S2 3AB');
      await v.clickButton('Send request');
      expect(await v.page.locator('.govuk-panel__title').innerText()).toBe('Request sent');
      const reference = await v.page.locator('.govuk-panel__body strong').innerText();
      expect(reference).toMatch(/^REQ-370-[2-9A-Z]{6}$/);
      expect(await v.page.locator('main').innerText()).toMatch(/The council must tell you by \d{1,2} \w+ \d{4} whether it will assess Sam's needs/);
      await shot('06-confirmation');

      await v.clickButton('Create an account');
      expect(await v.page.getByLabel('Email address').inputValue()).toBe(email);
      await v.clickButton('Send me a link');
      expect(await v.heading()).toBe('Check your email');
      await v.clickLink('development mailbox');
      const link = await v.page.getByRole('link', { name: /\/create-account\// }).first().getAttribute('href');
      expect(await v.page.locator('main').innerText()).toContain(`We have received your request for an EHC needs assessment for Sam. Your reference is ${reference}.`);
      await shot('07-mailbox');
      await v.open(new URL(link!).pathname);
      expect(await v.heading()).toBe('Choose a password');
      await v.fill('Password', 'Family-password-2026');
      await v.fill('Confirm password', 'Family-password-2026');
      await v.clickButton('Create account');
      expect(await v.page.locator('.govuk-panel__title').innerText()).toBe('Account created');
      await v.signIn(email, 'Family-password-2026');
      await v.open('/family');
      expect(await v.page.locator('main').innerText()).toContain('Sam');
      expect(await v.page.locator('main').innerText()).toMatch(/EHC-370-\d{6}/);
      await v.close();
    }, 180_000);
  }

  it('a SENCO asks for a pupil with the evidence uploaded', async () => {
    const org = await t.adminDb.insertInto('organisations').values({ la_code: '370', kind: 'school', name: 'Hillside Academy' }).returning('id').executeTakeFirstOrThrow();
    const senco = await addUser(t, 'setting-senco', '370', { organisationId: org.id });
    const v = await Visitor.start(browser, base);
    await v.signIn(senco.email, TEST_PASSWORD);
    await v.clickLink('Ask for an EHC needs assessment');
    await v.clickButton('Start now');
    await v.page.getByLabel(/I confirm the child's parents have agreed/).check();
    await v.clickButton('Continue');
    await v.fill('Day', '2');
    await v.fill('Month', '11');
    await v.fill('Year', '2026');
    await v.clickButton('Continue');
    await v.fill('First name', 'Riley');
    await v.fill('Last name', 'Pupil');
    await v.clickButton('Continue');
    await v.fill('Day', '9');
    await v.fill('Month', '3');
    await v.fill('Year', '2017');
    await v.clickButton('Continue');
    await v.fill("What is the postcode of the child's home?", 'S10 2TN');
    await v.clickButton('Continue');
    await v.fill('Why is the setting asking for an assessment?', 'No progress after two terms of SEN support.');
    await v.clickButton('Continue');
    expect(await v.heading()).toBe('What the setting has already provided');
    await v.fill('Describe the support the setting has provided', 'Daily phonics in a small group.');
    await v.page.getByLabel('Upload a file').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a pdf') });
    await v.clickButton('Upload file');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('The selected file must be a PDF, Word document, JPG or PNG');
    expect(await v.page.getByLabel('Describe the support the setting has provided').inputValue()).toBe('Daily phonics in a small group.');
    if (SHOTS) await v.screenshot(`${SHOTS}/08-evidence-error-1024.png`);
    await v.page.getByLabel('Upload a file').setInputFiles({ name: 'Support plan.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await v.clickButton('Upload file');
    expect(await v.page.locator('main').innerText()).toContain('Support plan.pdf');
    await v.clickButton('Continue');
    await v.fill('Full name', 'Jo Pupil');
    await v.fill('Email address', 'jo.pupil@example.com');
    await v.clickButton('Continue');
    expect(await v.page.locator('.govuk-summary-list').innerText()).toContain('Support plan.pdf');
    await v.clickButton('Send request');
    expect(await v.page.locator('.govuk-panel__title').innerText()).toBe('Request sent');
    const docs = await t.adminDb.selectFrom('documents').select(['file_name', 'case_id']).where('file_name', '=', 'Support plan.pdf').execute();
    expect(docs).toHaveLength(1);
    expect(docs[0]!.case_id).not.toBeNull();
    await v.close();
  }, 180_000);
});
