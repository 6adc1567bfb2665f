import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatLongDate, todayInEngland, toYearMonthDay, type LocalDate } from '../../src/platform/calendar/index.ts';
import { caseCalendar } from '../../src/modules/cases/index.ts';
import { computeDeadline } from '../../src/modules/statutory/index.ts';
import { buildDisputeWorld, CASE2, ORG_A } from '../../src/modules/disputes/dispute-test-world.ts';
import { appendDisputeEvent, openDispute } from '../../src/modules/disputes/infrastructure/dispute-events.repository.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const today = todayInEngland(new Date());
const iso = (d: LocalDate) => {
  const { year, month, day } = toYearMonthDay(d);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('disputes (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let users: Awaited<ReturnType<typeof buildDisputeWorld>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    users = await buildDisputeWorld(t, today);
    // EHC-2's refusal to assess is already in mediation with Riverside, so the mediator has a case.
    await t.adminDb.transaction().execute(async (tx) => {
      const d = await openDispute(tx, { laCode: '370', caseId: CASE2, caseReference: 'EHC-2', openedOn: iso(addDays(today, -8)), data: { decisionKind: 'refuse-assess', noticeSentOn: iso(addDays(today, -10)), sections: [] }, actorUserId: null });
      await appendDisputeEvent(tx, { laCode: '370', disputeId: d.id, type: 'mediation-adviser-contacted', occurredOn: iso(addDays(today, -6)), data: { choice: 'mediation' }, actorUserId: null });
      await appendDisputeEvent(tx, { laCode: '370', disputeId: d.id, type: 'mediation-arranged', occurredOn: iso(addDays(today, -5)), data: { organisationId: ORG_A, partners: [], meetingOn: iso(addDays(today, 9)) }, actorUserId: null });
    });
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  const fillDate = async (v: Visitor, prefix: string, d: LocalDate) => {
    const { year, month, day } = toYearMonthDay(d);
    await v.page.fill(`#${prefix}-day`, String(day));
    await v.page.fill(`#${prefix}-month`, String(month));
    await v.page.fill(`#${prefix}-year`, String(year));
  };

  it('caseworker records a disagreement about Sections F and I, a certificate and an appeal', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(users.coordinator.email, TEST_PASSWORD);
    await v.open('/disputes');
    await v.clickButton('Record a disagreement'); // a link styled, and announced, as a button
    await v.fill('Case reference', 'EHC-1');
    await v.clickButton('Continue');
    expect(await v.heading()).toBe('Record a disagreement with a decision');
    await v.page.getByLabel(/Plan content \(issued or amended\)/).check();
    await v.page.getByLabel('Section F', { exact: true }).check();
    await v.page.getByLabel('Section I', { exact: true }).check();
    await v.clickButton('Record disagreement');
    expect(await v.heading()).toBe('Dispute EHC-1-D1');
    const contact = computeDeadline({ ruleId: 'mediation-contact', from: addDays(today, -20) }, caseCalendar());
    expect(await v.page.locator('main').innerText()).toContain(contact.explanation);

    await v.clickLink('Record contact with the mediation adviser');
    await v.clickButton('Save contact');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Select whether the family wants mediation');
    await v.page.getByLabel('A certificate only (no mediation)').check();
    await fillDate(v, 'date', addDays(today, -3));
    await v.clickButton('Save contact');
    await v.clickLink('Record the mediation certificate');
    await fillDate(v, 'date', addDays(today, -2));
    await v.clickButton('Save certificate');
    const appeal = computeDeadline({ ruleId: 'tribunal-appeal', from: addDays(today, -20), certificate: addDays(today, -2) }, caseCalendar());
    expect(await v.page.locator('main').innerText()).toContain(appeal.explanation);
    await v.clickLink('Register an appeal to the SEND Tribunal');
    await v.fill('Tribunal reference', 'EH370/26/00042');
    await v.page.getByLabel('Section I', { exact: true }).check();
    await v.fill('What the family asks for: Section I (optional)', 'Name Riverside Special School');
    await fillDate(v, 'date', today);
    await v.clickButton('Save appeal');
    expect(await v.page.locator('main').innerText()).toContain('SEND Tribunal appeal EH370/26/00042');
    await v.open('/disputes');
    expect(await v.page.locator('table').innerText()).toContain('EHC-1-D1');
    await v.screenshot('/tmp/disputes-list.png');
    await v.close();
  });

  it('family sees what they can do and by when', async () => {
    const v = await Visitor.start(browser, base, { javaScript: false });
    await v.signIn(users.otherParent.email, TEST_PASSWORD);
    await v.open('/family/disputes');
    await v.clickLink(/Ben Other: you disagree with/);
    const due = computeDeadline({ ruleId: 'tribunal-appeal', from: addDays(today, -10) }, caseCalendar()).due;
    const text = await v.page.locator('main').innerText();
    expect(text).toContain(`You can appeal to the SEND Tribunal until ${formatLongDate(due)}.`);
    expect(text).toContain(`The mediation meeting is on ${formatLongDate(addDays(today, 9))}.`);
    await v.close();
  });

  it('mediator sees the assigned mediation with the dates to meet', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(users.mediatorA.email, TEST_PASSWORD);
    await v.clickLink('Mediation cases');
    const held = computeDeadline({ ruleId: 'mediation-meeting', from: addDays(today, -5) }, caseCalendar()).due;
    const row = await v.page.locator('table').innerText();
    expect(row).toContain('EHC-2-D1');
    expect(row).toContain(formatLongDate(addDays(today, 9)));
    expect(row).toContain(formatLongDate(held));
    await v.close();
  });

  it('manager reads the analysis beside the published appeal rates', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(users.manager.email, TEST_PASSWORD);
    await v.clickLink('Disputes');
    await v.clickLink('Disputes analysis');
    expect(await v.page.locator('main').innerText()).toContain('England, 2024 (published)');
    await v.screenshot('/tmp/disputes-analysis.png');
    await v.close();
  });
});
