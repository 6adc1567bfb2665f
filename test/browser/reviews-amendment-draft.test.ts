import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, todayInEngland, toYearMonthDay } from '../../src/platform/calendar/index.ts';
import { DEMO_PASSWORD, demoEmail, seedLocalArea } from '../../src/modules/demo-area/index.ts';
import type { PlanDocument } from '../../src/modules/plans/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const today = todayInEngland(new Date());
const { year, month, day } = toYearMonthDay(today);
const NEW_ASPIRATION = 'I want to train as a veterinary nurse at the college in town.';

async function fillDate(v: Visitor, legend: RegExp): Promise<void> {
  const group = v.page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(day));
  await group.getByLabel('Month').fill(String(month));
  await group.getByLabel('Year').fill(String(year));
}

/**
 * The demo council's cases hold the plan as events (issued on a date), not as a stored document.
 * For the amendment to be a real draft version the young person's case needs its issued plan
 * stored: the published example plan, made theirs, as version 1.
 */
async function storeIssuedPlan(t: TestDatabase, laCode: string, email: string): Promise<{ caseId: string; givenName: string }> {
  const row = await t.adminDb
    .selectFrom('users as u')
    .innerJoin('family_members as f', 'f.user_id', 'u.id')
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'f.la_code').onRef('ch.id', '=', 'f.child_id'))
    .innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'ch.la_code').onRef('c.child_id', '=', 'ch.id'))
    .select(['c.id as caseId', 'ch.id as childId', 'ch.given_name', 'ch.family_name', 'ch.date_of_birth'])
    .where('u.email', '=', email)
    .where('f.la_code', '=', laCode)
    .executeTakeFirstOrThrow();
  const example = JSON.parse(readFileSync(new URL('../../src/modules/plans/schema/examples/ehcp-example.json', import.meta.url), 'utf8')) as PlanDocument;
  const planId = randomUUID();
  const issuedOn = '2024-03-01';
  const document: PlanDocument = {
    ...example, planId, version: 1, status: 'final', issuedOn,
    child: { givenName: row.given_name, familyName: row.family_name, dateOfBirth: String(row.date_of_birth) },
    la: { code: laCode, name: 'Barnsley' },
  };
  await t.adminDb.insertInto('plans').values({ la_code: laCode, id: planId, case_id: row.caseId, child_id: row.childId }).execute();
  await t.adminDb.insertInto('plan_versions').values({ la_code: laCode, plan_id: planId, version: 1, status: 'final', document: JSON.stringify(document), issued_on: issuedOn, issued_by: null }).execute();
  return { caseId: row.caseId, givenName: row.given_name };
}

describe('a review that amends the plan: the draft version is served and the family sees what changes (browser, axe)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let caseId: string;
  const coordinator = demoEmail('coordinator', '370');
  const youngPerson = demoEmail('young-person', '370');

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: '370', seed: 11, today: formatIsoDate(today) });
    ({ caseId } = await storeIssuedPlan(t, '370', youngPerson));
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 180_000);
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

  it('decide to amend → draft version 2 → change Section A → send → the family sees old and new, the deadlines run', async () => {
    const v = await signedIn(coordinator);
    await v.open(`/cases/${caseId}/reviews`);
    expect(await v.heading()).toBe('Reviews and changes to the plan');
    await v.clickLink('Arrange the annual review meeting');
    await v.page.getByLabel('The council').check();
    await fillDate(v, /Date of the meeting/);
    await v.clickButton('Save the meeting date');
    await v.clickLink('Record the meeting');
    await v.fill('Who attended', 'Young person\nParent\nCaseworker');
    await v.fill('Views of the child or young person and their family', 'Wants to study animal care');
    await v.fill('Progress towards the outcomes in the plan', 'Outcomes in Section E met');
    await fillDate(v, /Date of the meeting/);
    await v.clickButton('Save the meeting record');
    await v.clickLink('Record the decision');
    await v.page.getByLabel('Amend the plan').check();
    await fillDate(v, /Date of the decision/);
    await v.clickButton('Save the decision');

    // The decision opened version 2 as a draft; sending it with no change is refused, with the reason.
    await v.clickLink('Send proposed amendments');
    expect(await v.page.locator('main').innerText()).toContain('The proposed amendments are version 2 of the plan, a draft.');
    await fillDate(v, /Date the proposed amendments were sent/);
    await v.clickButton('Save');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Change the draft plan (version 2) or enter the proposed amendments');

    // The amendment is written into the plan itself, on the plan's own section page.
    await v.open(`/cases/${caseId}/plan/sections/A`);
    await v.fill('My aspirations and hopes for the future', NEW_ASPIRATION);
    await v.clickButton(/Save/);
    await v.open(`/cases/${caseId}/reviews/steps/propose-amendments`);
    const changesTable = v.page.getByRole('table', { name: 'Section A' });
    expect(await changesTable.innerText()).toContain(NEW_ASPIRATION);
    await fillDate(v, /Date the proposed amendments were sent/);
    await v.clickButton('Save');
    // The caseworker's page shows what was sent, as the family sees it.
    expect(await v.page.getByRole('table', { name: 'Section A' }).innerText()).toContain(NEW_ASPIRATION);
    const deadlines = await v.page.getByRole('table', { name: 'Amendment deadlines' }).innerText();
    expect(deadlines).toContain("Family's comments on the proposed amendments");
    expect(deadlines).toContain('Issue the amended plan');

    // The amended plan is that version issued: recording it before it is issued is refused.
    await v.clickLink('Issue the amended plan');
    await fillDate(v, /Date the amended plan was issued/);
    await v.clickButton('Issue the amended plan');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Issue version 2 of the plan from the plan page first.');
    await v.close();

    const family = await signedIn(youngPerson);
    await family.open(`/family/cases/${caseId}/reviews`);
    const main = await family.page.locator('main').innerText();
    expect(main).toContain('a draft of the amended plan (version 2)');
    expect(main).toMatch(/Tell us what you think of them, and which school or college you would like named, by \d+ \w+ \d{4}/);
    const table = family.page.getByRole('table', { name: 'Section A' });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['What changes', 'Was (version 1)', 'Proposed (version 2)']);
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells[0]).toContain('I want to work with animals when I leave school');
    expect(cells[1]).toBe(NEW_ASPIRATION);
    await family.screenshot('/tmp/family-amendment-diff.png');
    await family.close();
  }, 150_000);
});
