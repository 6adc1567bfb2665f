import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanWorld, type PlanWorld } from '../../src/modules/plans/plan-test-world.ts';
import { launchBrowser, listen, Visitor } from '../support/browser.ts';
import { createTestApp, TEST_PASSWORD } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Screenshots of the main plan pages go to SCREENSHOT_DIR when it is set (for design review). */
const SHOTS = process.env.SCREENSHOT_DIR;

describe('co-producing and issuing a plan (browser)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let w: PlanWorld;

  beforeAll(async () => {
    t = await createTestDatabase();
    w = await createPlanWorld(t);
    app = await createTestApp(t);
    base = await listen(app);
    browser = await launchBrowser();
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  const shot = async (v: Visitor, name: string): Promise<void> => {
    if (SHOTS) await v.screenshot(`${SHOTS}/${name}.png`);
  };

  it('drafts with the family (without JavaScript), resolves a conflict, passes the checklist and issues the plan', { timeout: Number(process.env.PLAN_JOURNEY_TIMEOUT ?? 300_000) }, async () => {
    const plan = `/cases/${w.caseId}/plan`;
    // The caseworker's browser runs JavaScript (axe scans in place); the family's does not.
    const cw = await Visitor.start(browser, base);
    const p = cw.page;
    await cw.signIn(w.coordinator.email, TEST_PASSWORD);
    await cw.open(plan);
    await p.selectOption('#primaryNeed', 'SLCN');
    await cw.clickButton('Start a draft plan');
    expect(await cw.heading()).toBe('EHC plan for Amara Synthetic');

    // Section K first: needs cite the advice they come from.
    await cw.clickLink('Section K: Advice and information');
    await cw.clickButton('Add an advice document');
    await p.fill('#item-0-title', 'Educational psychology advice');
    await p.selectOption('#item-0-source', 'educational-psychology');
    await p.fill('#item-0-authorRole', 'Educational psychologist');
    await p.fill('#item-0-date-day', '12');
    await p.fill('#item-0-date-month', '3');
    await p.fill('#item-0-date-year', '2025');
    await cw.clickButton('Save section');

    await cw.clickLink('Section B: Special educational needs');
    await cw.clickButton('Add a need');
    await p.selectOption('#item-0-area', 'communication-and-interaction');
    await p.fill('#item-0-statement', 'Amara finds it hard to follow long spoken instructions.');
    await p.check('#item-0-evidence');
    await shot(cw, 'section-edit');
    await cw.clickButton('Save section');

    await cw.clickLink('Section E: Outcomes');
    await cw.clickButton('Add an outcome');
    await p.fill('#item-0-text', 'I will follow a three-step instruction in class.');
    await p.fill('#item-0-successLooksLike', 'Seen in three lessons in a half term.');
    await p.fill('#item-0-byWhen-day', '31');
    await p.fill('#item-0-byWhen-month', '7');
    await p.fill('#item-0-byWhen-year', '2099');
    await p.check('#item-0-needIds');
    await cw.clickButton('Save section');

    await cw.clickLink('Section F: Special educational provision');
    await cw.clickButton('Add a provision item');
    await p.fill('#item-0-what', 'Speech and language therapy');
    await p.fill('#item-0-role', 'speech and language therapist');
    await p.fill('#item-0-qualification', 'HCPC registered');
    await p.fill('#item-0-times', '2');
    await p.selectOption('#item-0-per', 'week');
    await p.fill('#item-0-durationMinutes', '30');
    await p.fill('#item-0-groupSize', '1');
    await p.selectOption('#item-0-fundedBy', 'local-authority-education');
    await p.check('#item-0-needIds');
    await p.check('#item-0-outcomeIds');
    await cw.clickButton('Save section');

    for (const key of ['C: Health needs', 'D: Social care needs', 'G: Health provision', 'H1: Social care provision', 'H2: Other social care provision']) {
      await cw.clickLink(new RegExp(`^Section ${key}`));
      await p.check('#noNeeds');
      await p.fill('#noNeedsConfirmedBy', 'Dr Okafor');
      await p.fill('#noNeedsRole', 'Designated clinical officer');
      await p.fill('#noNeedsDate-day', '1');
      await p.fill('#noNeedsDate-month', '9');
      await p.fill('#noNeedsDate-year', '2025');
      await cw.clickButton('Save section');
    }
    await cw.clickLink('Section I: Placement');
    await p.check('#placementKind-2');
    await p.fill('#settingName', 'Oakfield Primary School');
    await p.fill('#urn', '123456');
    await p.selectOption('#settingType', 'mainstream-school');
    await cw.clickButton('Save section');

    // The family writes "all about me" and comments on the provision.
    const fam = await Visitor.start(browser, base, { javaScript: false });
    await fam.signIn(w.parent.email, TEST_PASSWORD);
    await fam.open(`/family/cases/${w.caseId}/plan`);
    await fam.clickLink('Write or change “all about me” (Section A)');
    await fam.page.check('#writtenBy');
    await fam.page.fill('#aspirations', 'I want to work with animals.');
    await fam.page.fill('#interests', 'I love drawing comics.');
    await fam.page.fill('#whatPeopleLikeAndAdmire', 'My teacher says I never give up.');
    await fam.page.fill('#whatIsImportant', 'My rabbits and my family.');
    await fam.page.fill('#howBestToSupport', 'Give me time to answer.');
    await fam.clickButton('Save all about me');
    await fam.page.fill('#comment-F', 'Could therapy be in the morning, when she is less tired?');
    await Promise.all([fam.page.waitForNavigation(), fam.page.locator('form:has(#comment-F) button').click()]);

    // The caseworker answers the thread on the section page.
    await cw.open(`${plan}/sections/F`);
    expect(await p.locator('.app-comment-thread').first().innerText()).toContain('Could therapy be in the morning');
    await p.locator('.app-comment-thread textarea').first().fill('Yes: the therapist will come on Tuesday mornings.');
    await cw.clickButton('Send reply');

    // Two people edit Section A at once: the caseworker's save from the older copy is refused.
    await cw.open(`${plan}/sections/A`);
    await fam.open(`/family/cases/${w.caseId}/plan/section-a`);
    await fam.page.fill('#interests', 'I love drawing comics and football.');
    await fam.clickButton('Save all about me');
    await p.fill('#parentsViews', 'We want Amara to feel confident.');
    await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Save section' }).last().click()]);
    expect(await cw.heading()).toBe('Section A: Views, interests and aspirations was changed by someone else');
    await shot(cw, 'conflict');
    const theirs = await p.locator('.app-conflict-theirs').innerText();
    expect(theirs).toContain('I love drawing comics and football.');
    await p.fill('#interests', 'I love drawing comics and football.');
    await cw.clickButton('Save my version');
    expect(await cw.heading()).toBe('EHC plan for Amara Synthetic');

    expect(await p.locator('#checklist ~ p').first().innerText()).toBe('Nothing blocks issuing the plan.');
    await shot(cw, 'overview');
    await cw.clickButton('Issue the final plan');
    await cw.clickLink('View the issued plan');
    expect(await cw.heading()).toBe('Education, health and care plan');
    expect(await p.locator('#section-F-heading + table').innerText()).toContain('2 sessions of 30 minutes a week, 1:1');
    await shot(cw, 'issued');

    // The family reads the issued plan with its answered thread.
    await fam.open(`/family/cases/${w.caseId}/plan`);
    expect(await fam.page.locator('main').innerText()).toContain('Yes: the therapist will come on Tuesday mornings.');
    await cw.close();
    await fam.close();
  });
});
