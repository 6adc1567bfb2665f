import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, formatLongDate, todayInEngland, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { caseCalendar } from '../../cases/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import { nextTransferYear } from '../domain/school-year.ts';

const today = todayInEngland(new Date());
const iso = (d: LocalDate) => formatIsoDate(d);
const dateFields = (d: LocalDate, name = 'date') => {
  const { year, month, day } = toYearMonthDay(d);
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
};
const CASE = '00000000-0000-0000-0000-0000000000c1';
const CASE_B = '00000000-0000-0000-0000-0000000000c2';
const ORG = '00000000-0000-0000-0000-0000000000f1';
const ORG_886 = '00000000-0000-0000-0000-0000000000f2';

describe('reviews routes', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let coordinator: { id: string; email: string };
  let other: { id: string; email: string };
  let parent: { id: string; email: string };
  let senco: { id: string; email: string };
  const issuedOn = addDays(today, -400); // the first review is overdue

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    coordinator = await addUser(t, 'ehc-coordinator', '370');
    other = await addUser(t, 'ehc-coordinator', '886');
    parent = await addUser(t, 'parent-carer', '370');
    // The school is known to each council that places children there: one organisation row per council, same URN.
    await sql`insert into organisations (la_code, id, kind, name, urn) values ('370', ${ORG}, 'school', 'Oak Primary', '123456'), ('886', ${ORG_886}, 'school', 'Oak Primary', '123456')`.execute(t.adminDb);
    senco = await addUser(t, 'setting-senco', '370', { organisationId: ORG });
    await t.adminDb.insertInto('user_roles').values({ user_id: senco.id, role: 'setting-senco', la_code: '886', organisation_id: ORG_886, team: null }).execute();
    await sql`insert into settings (la_code, id, name, urn, gias_type_code, kind, phase, age_from, age_to) values
      ('370', '00000000-0000-0000-0000-0000000000e1', 'Oak Primary', '123456', '01', 'mainstream', 'Primary', 4, 11),
      ('370', '00000000-0000-0000-0000-0000000000e2', 'Hill Secondary', '654321', '01', 'mainstream', 'Secondary', 11, 16),
      ('886', '00000000-0000-0000-0000-0000000000e3', 'Oak Primary', '123456', '01', 'mainstream', 'Primary', 4, 11)`.execute(t.adminDb);
    // Ada (council 370) and Ben (council 886) both attend Oak Primary.
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values
      ('370','00000000-0000-0000-0000-0000000000a1','Ada','Lovelace','2016-05-01'),
      ('886','00000000-0000-0000-0000-0000000000a2','Ben','Kentish','2017-05-01')`.execute(t.adminDb);
    await sql`insert into placements (la_code, child_id, setting_id, starts_on) values
      ('370','00000000-0000-0000-0000-0000000000a1','00000000-0000-0000-0000-0000000000e1','2021-09-01'),
      ('886','00000000-0000-0000-0000-0000000000a2','00000000-0000-0000-0000-0000000000e3','2022-09-01')`.execute(t.adminDb);
    await sql`insert into family_members values ('370','00000000-0000-0000-0000-0000000000a1',${parent.id},'parent')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values
      ('370', ${CASE}, '00000000-0000-0000-0000-0000000000a1', 'EHC-1', '2024-01-01'),
      ('886', ${CASE_B}, '00000000-0000-0000-0000-0000000000a2', 'KNT-1', '2024-01-01')`.execute(t.adminDb);
    await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values
      ('370', ${CASE}, 1, 'final-plan-issued', ${iso(issuedOn)}, '{}'),
      ('886', ${CASE_B}, 1, 'final-plan-issued', ${iso(addDays(today, -100))}, '{}')`.execute(t.adminDb);
    app = await createTestApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const signedIn = async (user: { email: string }) => {
    const agent = new Agent(app);
    await agent.signIn(user.email);
    return agent;
  };
  const version = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
  const step = async (agent: Agent, name: string, form: Record<string, string>) => {
    const page = await agent.get(`/cases/${CASE}/reviews/steps/${name}`);
    return agent.post(`/cases/${CASE}/reviews/steps/${name}`, { version: version(page.body), ...form }, { csrf: await agent.csrf(`/cases/${CASE}/reviews/steps/${name}`) });
  };

  it('lists the council’s plans with the overdue review dated by the clock', async () => {
    const agent = await signedIn(coordinator);
    const res = await agent.get('/reviews?show=overdue');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ada Lovelace');
    expect(res.body).not.toContain('Ben Kentish');
    const due = computeDeadline({ ruleId: 'annual-review', from: issuedOn }, caseCalendar()).due;
    expect(res.body).toContain(formatLongDate(due));
  });

  it('hides another council’s case (404) and refuses a SENCO the caseworker pages', async () => {
    expect((await (await signedIn(other)).get(`/cases/${CASE}/reviews`)).statusCode).toBe(404);
    expect((await (await signedIn(senco)).get('/reviews')).statusCode).toBe(403);
  });

  it('records a review through to proposed amendments, keeping typed values on an error and refusing a stale form', async () => {
    const agent = await signedIn(coordinator);
    const meeting = addDays(today, 21);
    expect((await step(agent, 'arrange', { arrangedBy: 'setting', ...dateFields(meeting) })).statusCode).toBe(303);
    const bad = await step(agent, 'meeting', { attendees: 'Parent\nSENCO', progress: 'Reading age up a year', ...dateFields(today) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the views of the child, young person and family');
    expect(bad.body).toContain('Reading age up a year');
    expect((await step(agent, 'meeting', { attendees: 'Parent\nSENCO', views: 'Ada likes maths', progress: 'Reading age up a year', ...dateFields(today) })).statusCode).toBe(303);
    const page = await agent.get(`/cases/${CASE}/reviews`);
    expect(page.body).toContain(formatLongDate(computeDeadline({ ruleId: 'review-decision', from: today }, caseCalendar()).due));
    // A form drawn before someone else's change is refused and nothing is written.
    const stale = await agent.post(`/cases/${CASE}/reviews/steps/report`, { version: '1', ...dateFields(today) }, { csrf: await agent.csrf(`/cases/${CASE}/reviews/steps/report`) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Nothing has been saved');
    expect((await step(agent, 'decision', { decision: 'amend', ...dateFields(today) })).statusCode).toBe(303);
    expect((await step(agent, 'propose-amendments', { changes: 'Add 1 hour a week of speech and language therapy', ...dateFields(today) })).statusCode).toBe(303);
    const family = await (await signedIn(parent)).get(`/family/cases/${CASE}/reviews`);
    expect(family.statusCode).toBe(200);
    expect(family.body).toContain('Add 1 hour a week of speech and language therapy');
    const reps = computeDeadline({ ruleId: 'amendment-representations', from: today }, caseCalendar()).due;
    expect(family.body).toContain(formatLongDate(reps));
  });

  it('tracks the phase-transfer cohort with its deadline from the clock', async () => {
    const agent = await signedIn(coordinator);
    const res = await agent.get('/phase-transfers');
    expect(res.statusCode).toBe(200);
    const year = nextTransferYear(today);
    expect(res.body).toContain(formatLongDate(computeDeadline({ ruleId: 'phase-transfer', year, route: 'other' }, caseCalendar()).due));
    // Ada (born 1 May 2016) is 11 on 31 August 2027: she moves to secondary school in September 2027.
    if (year === 2027) expect(res.body).toMatch(/Primary to secondary school \(Year 7\)<\/h2>\s*<p class="govuk-body"><strong>Name the setting by 15 February 2027.<\/strong> 1 child;/);
  });

  it('shows a SENCO the plans of pupils at their school across both councils', async () => {
    const res = await (await signedIn(senco)).get('/setting/pupils');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ada Lovelace');
    expect(res.body).toContain('Ben Kentish');
    expect(res.body).toContain('Council 886');
  });

  it('opens a move in the new council’s own tenancy without showing it the old case', async () => {
    const agent = await signedIn(coordinator);
    const res = await step(agent, 'move', { toLaCode: '886', ...dateFields(addDays(today, 30), 'moved'), ...dateFields(today) });
    expect(res.statusCode).toBe(303);
    const kent = await signedIn(other);
    const incoming = await kent.get('/transfers');
    expect(incoming.body).toContain('Ada Lovelace');
    expect(incoming.body).toContain('EHC-1');
    expect((await kent.get(`/cases/${CASE}/reviews`)).statusCode).toBe(404);
    const rows = await t.adminDb.selectFrom('plan_transfers').select(['la_code', 'direction']).orderBy('la_code').execute();
    expect(rows).toEqual([{ la_code: '370', direction: 'out' }, { la_code: '886', direction: 'in' }]);
    // The case has moved away: no further steps.
    const blocked = await agent.get(`/cases/${CASE}/reviews/steps/arrange`);
    expect(blocked.body).toContain('The plan is no longer maintained by this council.');
  });
});
