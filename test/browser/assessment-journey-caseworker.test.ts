import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, formatLongDate, loadEnglandAndWalesCalendar, parseLocalDate, todayInEngland, toYearMonthDay } from '../../src/platform/calendar/index.ts';
import { PROJECT_ROOT } from '../../src/main.ts';
import { computeDeadline } from '../../src/modules/statutory/index.ts';
import { DEMO_PASSWORD, demoEmail, seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const LA = '370';
const today = todayInEngland(new Date());
const calendar = loadEnglandAndWalesCalendar(PROJECT_ROOT);
const longDue = (ruleId: string, from: string) => formatLongDate(computeDeadline({ ruleId, from: parseLocalDate(from) }, calendar).due);

describe('the assessment journey, caseworker and family (browser, axe on every page)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: LA, today: formatIsoDate(today) });
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  const fillToday = async (v: Visitor) => {
    const { year, month, day } = toYearMonthDay(today);
    await v.fill('Day', String(day));
    await v.fill('Month', String(month));
    await v.fill('Year', String(year));
  };
  const requestedOn = async (caseId: string) =>
    (await sql<{ d: string }>`select occurred_on::text as d from case_events where case_id = ${caseId} and type = 'request-received' order by seq desc limit 1`.execute(t.adminDb)).rows[0]!.d;
  const awaitingDecision = async (v: Visitor): Promise<string[]> => {
    await v.open('/caseload?scope=mine&stage=awaiting-decision&sort=reference');
    const hrefs = await v.page.locator('tbody a.govuk-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.map((h) => h.replace('/cases/', ''));
  };

  it('a caseworker takes a case from the request to the final plan, with every date from the clock', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(demoEmail('coordinator', LA), DEMO_PASSWORD);
    await v.clickLink('Caseload');
    expect(await v.heading()).toBe('My cases');
    await v.screenshot('/tmp/caseload.png');
    const [caseId] = await awaitingDecision(v);
    expect(caseId).toBeTruthy();
    const requested = await requestedOn(caseId!);
    await v.open(`/cases/${caseId}`);
    // Demo cases awaiting a decision may be overdue: the line then starts "Overdue: decide…".
    expect((await v.page.locator('main').innerText()).toLowerCase()).toContain(`decide whether to assess by ${longDue('decision-to-assess', requested)}`.toLowerCase());

    await v.clickLink('Record the decision whether to assess');
    await v.clickButton('Record the decision');
    expect(await v.page.locator('.govuk-error-summary').innerText()).toContain('Select whether the council will carry out an assessment');
    await v.page.getByLabel('Yes, assess').check();
    await fillToday(v);
    await v.clickButton('Record the decision');
    const main = () => v.page.locator('main').innerText();
    expect(await main()).toContain('Decision whether to assess recorded');
    expect(await main()).toContain(longDue('final-plan', requested));

    for (const kind of ['Educational psychology', 'Health']) {
      await v.clickLink('Request advice');
      await v.page.getByLabel(kind, { exact: true }).check();
      await fillToday(v);
      await v.clickButton('Record the request for advice');
    }
    expect(await main()).toContain(`Due ${longDue('advice', formatIsoDate(today))}: 6 weeks from`);

    await v.clickLink('Record advice received');
    await v.page.getByLabel(`Educational psychology, requested ${formatLongDate(today)}`).check();
    await fillToday(v);
    await v.clickButton('Record the advice');
    await v.clickLink('Record the draft plan sent to the family');
    await fillToday(v);
    await v.clickButton('Record the draft plan');
    expect(await main()).toContain(longDue('draft-representations', formatIsoDate(today)));
    await v.screenshot('/tmp/case-page.png');

    await v.clickLink('Record the final plan issued');
    await v.page.getByLabel('School or college named in the plan').selectOption({ index: 1 });
    await v.page.getByLabel('Primary need').selectOption('SLCN');
    await fillToday(v);
    await v.clickButton('Record the final plan');
    expect(await v.heading()).toBe('Final EHC plan issued');
    expect(await main()).toContain(`You can appeal to the SEND Tribunal until ${longDue('tribunal-appeal', formatIsoDate(today))}`);
    await v.close();
  }, 120_000);

  it('a refusal produces a decision notice with the reasons and the rights, and the family sees next steps', async () => {
    const v = await Visitor.start(browser, base);
    await v.signIn(demoEmail('coordinator', LA), DEMO_PASSWORD);
    const cases = await awaitingDecision(v);
    await v.open(`/cases/${cases[0]}/steps/decision`);
    await v.page.getByLabel('No, do not assess').check();
    await v.fill('Reasons (needed if not assessing)', 'The school can meet these needs from its own resources');
    await fillToday(v);
    await v.clickButton('Record the decision');
    expect(await v.heading()).toBe('Decision not to carry out an EHC needs assessment');
    const notice = await v.page.locator('main').innerText();
    expect(notice).toContain('The school can meet these needs from its own resources');
    expect(notice).toContain(`If you want to appeal, you must contact the mediation adviser by ${longDue('mediation-contact', formatIsoDate(today))}`);
    expect(notice).toContain('Riverside Mediation Partnership (demo)');
    await v.screenshot('/tmp/notice.png');
    await v.close();

    const family = await Visitor.start(browser, base);
    await family.signIn(demoEmail('parent', LA), DEMO_PASSWORD);
    await family.clickLink('Your children');
    await family.clickLink('see where it is and what happens next');
    expect(await family.heading()).toContain('EHC needs assessment');
    const text = await family.page.locator('main').innerText();
    expect(text).toContain('What happens next');
    expect(text).toMatch(/by \d{1,2} [A-Z][a-z]+ 20\d\d/);
    await family.screenshot('/tmp/family-case.png');
    await family.close();
  }, 120_000);
});
