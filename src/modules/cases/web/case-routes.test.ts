import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, formatLongDate, parseLocalDate, todayInEngland, toYearMonthDay } from '../../../platform/calendar/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { caseCalendar } from '../infrastructure/clock-calendar.ts';

const today = todayInEngland(new Date());
const requestDay = addDays(today, -20);
const iso = (d: number) => formatIsoDate(d as never);
const dateFields = (d: number, name = 'date') => {
  const { year, month, day } = toYearMonthDay(d as never);
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
};

describe('case pages and steps', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let coordinator: { id: string; email: string };
  let parent: { id: string; email: string };
  let otherParent: { id: string; email: string };
  let kentCoordinator: { id: string; email: string };
  const CASE = '00000000-0000-0000-0000-0000000000c1';
  const CASE2 = '00000000-0000-0000-0000-0000000000c2';
  const SETTING = '00000000-0000-0000-0000-0000000000e1';
  const ORG = '00000000-0000-0000-0000-0000000000f1';

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    coordinator = await addUser(t, 'ehc-coordinator', '370');
    kentCoordinator = await addUser(t, 'ehc-coordinator', '886');
    parent = await addUser(t, 'parent-carer', '370');
    otherParent = await addUser(t, 'parent-carer', '370');
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values
      ('370','00000000-0000-0000-0000-0000000000a1','Ada','Lovelace','2016-05-01'),
      ('370','00000000-0000-0000-0000-0000000000a2','Ben','Other','2016-05-01')`.execute(t.adminDb);
    await sql`insert into family_members values ('370','00000000-0000-0000-0000-0000000000a1',${parent.id},'parent'),
      ('370','00000000-0000-0000-0000-0000000000a2',${otherParent.id},'parent')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on, caseworker_user_id) values
      ('370', ${CASE}, '00000000-0000-0000-0000-0000000000a1', 'EHC-1', ${iso(requestDay)}, ${coordinator.id}),
      ('370', ${CASE2}, '00000000-0000-0000-0000-0000000000a2', 'EHC-2', ${iso(requestDay)}, ${coordinator.id})`.execute(t.adminDb);
    await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values
      ('370', ${CASE}, 1, 'request-received', ${iso(requestDay)}, '{"source":"parent"}'),
      ('370', ${CASE2}, 1, 'request-received', ${iso(requestDay)}, '{"source":"parent"}')`.execute(t.adminDb);
    await sql`insert into organisations (la_code, id, kind, name) values ('370', ${ORG}, 'educational-psychology', 'EP Service'), ('370', gen_random_uuid(), 'mediation-service', 'Riverside Mediation')`.execute(t.adminDb);
    await sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to) values ('370', ${SETTING}, 'Oak Primary', '01', 'mainstream', 'primary', 4, 11)`.execute(t.adminDb);
    app = await createTestApp(t);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const signedIn = async (user: { email: string }) => {
    const agent = new Agent(app);
    await agent.signIn(user.email);
    return agent;
  };
  const version = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

  it('shows the caseload with the next deadline from the clock', async () => {
    const agent = await signedIn(coordinator);
    const res = await agent.get('/caseload');
    expect(res.statusCode).toBe(200);
    const due = computeDeadline({ ruleId: 'decision-to-assess', from: requestDay }, caseCalendar()).due;
    expect(res.body).toContain('EHC-1');
    expect(res.body).toContain(formatLongDate(due));
    expect(res.body).toContain('Due within 2 weeks');
    const filtered = await agent.get('/caseload?state=overdue');
    expect(filtered.body).not.toContain('EHC-1');
  });

  it('records the decision to assess, audited, with validation first', async () => {
    const agent = await signedIn(coordinator);
    const form = await agent.get(`/cases/${CASE}/steps/decision`);
    expect(form.statusCode).toBe(200);
    const bad = await agent.post(`/cases/${CASE}/steps/decision`, { version: version(form.body), decision: 'not-assess', 'date-day': '31', 'date-month': '2', 'date-year': '2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Enter the reasons for deciding not to assess');
    expect(bad.body).toContain('Date of the decision must be a real date');
    expect(bad.body).toContain('value="31"');
    const future = await agent.post(`/cases/${CASE}/steps/decision`, { version: version(form.body), decision: 'assess', ...dateFields(addDays(today, 3)) });
    expect(future.body).toContain('Date of the decision must be today or in the past');
    const ok = await agent.post(`/cases/${CASE}/steps/decision`, { version: version(form.body), decision: 'assess', ...dateFields(today) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/cases/${CASE}?recorded=decision`);
    const audit = await t.adminDb.selectFrom('audit_events').select(['action', 'detail']).where('record_id', '=', CASE).where('action', '=', 'update').execute();
    expect(audit.map((a) => a.detail)).toEqual([{ event: 'decision-to-assess', seq: 2 }]);
    const page = await agent.get(`/cases/${CASE}?recorded=decision`);
    expect(page.body).toContain('Decision whether to assess recorded');
    expect(page.body).toContain('Assessing');
  });

  it('refuses a stale form and keeps what was typed', async () => {
    const agent = await signedIn(coordinator);
    const form = await agent.get(`/cases/${CASE}/steps/request-advice`);
    const v = version(form.body);
    const first = await agent.post(`/cases/${CASE}/steps/request-advice`, { version: v, adviceKind: 'educational-psychology', organisationId: ORG, ...dateFields(today) });
    expect(first.statusCode).toBe(303);
    const stale = await agent.post(`/cases/${CASE}/steps/request-advice`, { version: v, adviceKind: 'health', ...dateFields(today) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else updated this case while you were working on it');
    expect(stale.body).toMatch(/value="health" checked/);
    expect(Number(version(stale.body))).toBe(Number(v) + 1);
  });

  it('records every later step and the case page shows the advice clock', async () => {
    const agent = await signedIn(coordinator);
    const step = async (id: string, form: Record<string, string>) => {
      const page = await agent.get(`/cases/${CASE}/steps/${id}`);
      const res = await agent.post(`/cases/${CASE}/steps/${id}`, { version: version(page.body), ...dateFields(today), ...form });
      expect(res.statusCode, `${id}: ${res.body.slice(0, 2000)}`).toBe(303);
      return res;
    };
    const page = await agent.get(`/cases/${CASE}`);
    const adviceDue = computeDeadline({ ruleId: 'advice', from: today }, caseCalendar()).due;
    expect(page.body).toContain(formatLongDate(adviceDue));
    const adviceId = /name="adviceId"[^>]*value="([^"]+)"/.exec((await agent.get(`/cases/${CASE}/steps/advice-received`)).body)?.[1] ?? '';
    await step('advice-received', { adviceId, summary: 'Needs support with reading' });
    await step('exception', { reason: 'exceptional-personal-circumstances' });
    await step('draft-served', {});
    await step('representations', { settingId: SETTING, comments: 'We would like Oak Primary' });
    await step('consult-setting', { settingId: SETTING });
    const consultationId = /name="consultationId"[^>]*value="([^"]+)"/.exec((await agent.get(`/cases/${CASE}/steps/consultation-response`)).body)?.[1] ?? '';
    await step('consultation-response', { consultationId, response: 'can-meet-needs' });
    const final = await step('final-plan', { settingId: SETTING, primaryNeed: 'SLCN' });
    expect(final.headers.location).toMatch(new RegExp(`/cases/${CASE}/notices/\\d+$`));
    const notice = await agent.get(final.headers.location as string);
    expect(notice.body).toContain('Final EHC plan issued');
    expect(notice.body).toContain('Oak Primary');
    const caseworkerPage = await agent.get(`/cases/${CASE}`);
    expect(caseworkerPage.body).toContain('Final plan issued');
    expect(caseworkerPage.body).toContain('The 20-week limit does not apply');
  });

  it('refusal produces a decision notice with reasons, rights and their dates', async () => {
    const agent = await signedIn(coordinator);
    const form = await agent.get(`/cases/${CASE2}/steps/decision`);
    const res = await agent.post(`/cases/${CASE2}/steps/decision`, { version: version(form.body), decision: 'not-assess', reasons: 'Needs met from ordinarily available provision\nNo evidence of a graduated approach', ...dateFields(today) });
    expect(res.statusCode).toBe(303);
    const notice = await agent.get(res.headers.location as string);
    const mediation = computeDeadline({ ruleId: 'mediation-contact', from: today }, caseCalendar());
    const appeal = computeDeadline({ ruleId: 'tribunal-appeal', from: today }, caseCalendar());
    expect(notice.body).toContain('Needs met from ordinarily available provision');
    expect(notice.body).toContain(`If you want to appeal, you must contact the mediation adviser by ${formatLongDate(mediation.due)}`);
    expect(notice.body).toContain(`You can appeal to the SEND Tribunal until ${formatLongDate(appeal.due)}`);
    expect(notice.body).toContain('Riverside Mediation');
  });

  it('the family sees where the case is, in plain English, and only their own', async () => {
    const agent = await signedIn(otherParent);
    const list = await agent.get('/family');
    expect(list.body).toContain(`/family/cases/${CASE2}`);
    const page = await agent.get(`/family/cases/${CASE2}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We decided not to carry out an EHC needs assessment.');
    expect(page.body).toContain('Test ehc-coordinator');
    expect((await agent.get(`/family/cases/${CASE}`)).statusCode).toBe(404);
    const audit = await t.adminDb.selectFrom('audit_events').select('detail').where('record_id', '=', CASE2).where('actor_user_id', '=', otherParent.id).execute();
    expect(audit.map((a) => a.detail)).toContainEqual({ via: 'family' });
    const mine = await signedIn(parent);
    const mineFinal = await mine.get(`/family/cases/${CASE}`);
    expect(mineFinal.body).toContain('The final EHC plan has been issued.');
  });

  it('is not found across councils', async () => {
    const agent = await signedIn(kentCoordinator);
    expect((await agent.get(`/cases/${CASE}`)).statusCode).toBe(404);
    expect((await agent.get(`/cases/${CASE}/steps/decision`)).statusCode).toBe(404);
    const res = await agent.post(`/cases/${CASE}/steps/exception`, { version: '1', reason: 'absent-from-area', ...dateFields(today) });
    expect(res.statusCode).toBe(404);
    expect((await agent.get('/caseload')).body).not.toContain('EHC-1');
  });

  it('shows timeliness for the council, with the period validated', async () => {
    const agent = await signedIn(coordinator);
    const res = await agent.get('/timeliness');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Requests received\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*2\s*</);
    expect(res.body).toMatch(/Plans issued\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1\s*</);
    const bad = await agent.get('/timeliness?from-day=1&from-month=13&from-year=2025&to-day=1&to-month=1&to-year=2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Start date must be a real date');
    expect(parseLocalDate(iso(today))).toBe(today);
  });
});
