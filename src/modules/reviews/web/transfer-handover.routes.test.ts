import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, formatLongDate, parseLocalDate, todayInEngland, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { caseCalendar } from '../../cases/index.ts';
import type { PlanDocument } from '../../plans/index.ts';
import { computeDeadline } from '../../statutory/index.ts';

/**
 * Moving between councils (reg 15), the hand-over: the old council sends the plan with its views,
 * the new council sees only its own record of the move, shares its views back, and opens its own
 * case from it — the plan as its plan, the annual review running on from the last one, audited.
 */
const today = todayInEngland(new Date());
const iso = (d: LocalDate) => formatIsoDate(d);
const dateFields = (d: LocalDate, name = 'date') => {
  const { year, month, day } = toYearMonthDay(d);
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
};
const ADA = '00000000-0000-0000-0000-0000000000a1';
const BEA = '00000000-0000-0000-0000-0000000000a2';
const CASE_ADA = '00000000-0000-0000-0000-0000000000c1';
const CASE_BEA = '00000000-0000-0000-0000-0000000000c2';
const PLAN_ADA = '00000000-0000-0000-0000-0000000000d1';

describe('moving between councils: the hand-over', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let barnsley: { id: string; email: string };
  let kent: { id: string; email: string };
  const issuedOn = addDays(today, -500);
  const lastReview = addDays(today, -120);

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    barnsley = await addUser(t, 'ehc-coordinator', '370');
    kent = await addUser(t, 'ehc-coordinator', '886');
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values
      ('370', ${ADA}, 'Ada', 'Lovelace', '2014-05-01'), ('370', ${BEA}, 'Bea', 'Brontë', '2015-02-11')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values
      ('370', ${CASE_ADA}, ${ADA}, 'EHC-ADA', '2023-01-01'), ('370', ${CASE_BEA}, ${BEA}, 'EHC-BEA', '2023-01-01')`.execute(t.adminDb);
    await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values
      ('370', ${CASE_ADA}, 1, 'final-plan-issued', ${iso(issuedOn)}, '{"primaryNeed":"SLCN"}'),
      ('370', ${CASE_ADA}, 2, 'annual-review-held', ${iso(lastReview)}, '{}'),
      ('370', ${CASE_BEA}, 1, 'final-plan-issued', ${iso(issuedOn)}, '{}')`.execute(t.adminDb);
    // Ada's plan is held as a document too: the example plan, made hers.
    const example = JSON.parse(readFileSync(new URL('../../plans/schema/examples/ehcp-example.json', import.meta.url), 'utf8')) as PlanDocument;
    const doc: PlanDocument = { ...example, planId: PLAN_ADA, version: 1, status: 'final', issuedOn: iso(issuedOn), child: { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '2014-05-01' }, la: { code: '370', name: 'Barnsley' } };
    await t.adminDb.insertInto('plans').values({ la_code: '370', id: PLAN_ADA, case_id: CASE_ADA, child_id: ADA }).execute();
    await t.adminDb.insertInto('plan_versions').values({ la_code: '370', plan_id: PLAN_ADA, version: 1, status: 'final', document: JSON.stringify(doc), issued_on: iso(issuedOn), issued_by: null }).execute();
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
  const move = async (agent: Agent, caseId: string, form: Record<string, string>) => {
    const page = await agent.get(`/cases/${caseId}/reviews/steps/move`);
    return agent.post(`/cases/${caseId}/reviews/steps/move`, { version: version(page.body), toLaCode: '886', ...form }, { csrf: await agent.csrf(`/cases/${caseId}/reviews/steps/move`) });
  };
  const transferId = async (childGiven: string) =>
    (await t.adminDb.selectFrom('plan_transfers').select('id').where('la_code', '=', '886').where('child_given_name', '=', childGiven).executeTakeFirstOrThrow()).id;

  it('the old council sends the plan with its views; the new council sees its 6 weeks and the views', async () => {
    const old = await signedIn(barnsley);
    const res = await move(old, CASE_ADA, { ...dateFields(addDays(today, 40), 'moved'), ...dateFields(today, 'transferred'), ...dateFields(today), views: 'A review meeting was planned for next term.' });
    expect(res.statusCode).toBe(303);
    const page = await (await signedIn(kent)).get('/transfers');
    expect(page.body).toContain('Ada Lovelace');
    expect(page.body).toContain('A review meeting was planned for next term.');
    // reg 15(4): 6 weeks from the day the plan was transferred, by the clock and by hand (+42 days).
    const inform = computeDeadline({ ruleId: 'transfer-inform', from: today }, caseCalendar()).due;
    expect(iso(inform)).toBe(iso(addDays(today, 42)));
    expect(page.body).toContain(`Tell the family by ${formatLongDate(inform)}`);
    expect(page.body).toContain('Open Ada Lovelace&#39;s case from the transfer');
  });

  it('late notice: the new council is told the plan is due within 15 working days', async () => {
    const res = await move(await signedIn(barnsley), CASE_BEA, { ...dateFields(addDays(today, 3), 'moved'), ...dateFields(today) });
    expect(res.statusCode).toBe(303);
    const due = computeDeadline({ ruleId: 'transfer-plan', from: today }, caseCalendar()).due;
    const page = await (await signedIn(kent)).get('/transfers');
    expect(page.body).toContain(`must send it by ${formatLongDate(due)} (it learnt of the move late, so it has 15 working days)`);
    // It cannot be opened before the plan arrives: a reason, not a 500.
    const agent = await signedIn(kent);
    const early = await agent.post(`/transfers/${await transferId('Bea')}/open`, {}, { csrf: await agent.csrf('/transfers') });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Record the date the plan was received before opening the case');
  });

  it('each council shares its views with the other, and only through its own record', async () => {
    const agent = await signedIn(kent);
    const id = await transferId('Ada');
    const empty = await agent.post(`/transfers/${id}/views`, { views: '' }, { csrf: await agent.csrf('/transfers') });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the council&#39;s views on the move');
    expect((await agent.post(`/transfers/${id}/views`, { views: 'We will hold the review within the 12 months.' }, { csrf: await agent.csrf('/transfers') })).statusCode).toBe(303);
    const back = await (await signedIn(barnsley)).get('/transfers');
    expect(back.body).toContain('We will hold the review within the 12 months.');
    const rows = await t.adminDb.selectFrom('plan_transfers').select(['la_code', 'views', 'counterpart_views']).where('id', '=', id).orderBy('la_code').execute();
    expect(rows).toEqual([
      { la_code: '370', views: 'A review meeting was planned for next term.', counterpart_views: 'We will hold the review within the 12 months.' },
      { la_code: '886', views: 'We will hold the review within the 12 months.', counterpart_views: 'A review meeting was planned for next term.' },
    ]);
  });

  it('the new council opens its own case: the plan as its plan, the review clock running on, audited, once', async () => {
    const agent = await signedIn(kent);
    const id = await transferId('Ada');
    const opened = await agent.post(`/transfers/${id}/open`, {}, { csrf: await agent.csrf('/transfers') });
    expect(opened.statusCode).toBe(303);
    const caseId = /\/cases\/([0-9a-f-]{36})\/reviews/.exec(String(opened.headers.location))![1]!;
    expect(caseId).not.toBe(CASE_ADA);
    const reviews = await agent.get(`/cases/${caseId}/reviews`);
    expect(reviews.statusCode).toBe(200);
    // s44: the next review is 12 months from the last one held by the old council (by hand: same day next year).
    const { year, month, day } = toYearMonthDay(lastReview);
    const byHand = parseLocalDate(`${year + 1}-${String(month).padStart(2, '0')}-${String(day === 29 && month === 2 ? 28 : day).padStart(2, '0')}`);
    expect(iso(computeDeadline({ ruleId: 'annual-review', from: lastReview }, caseCalendar()).due)).toBe(iso(byHand));
    expect(reviews.body).toContain(formatLongDate(byHand));
    // The plan document is the new council's version 1, issued on the original date, in its name.
    const plan = await t.adminDb.selectFrom('plans as p').innerJoin('plan_versions as v', (j) => j.onRef('v.la_code', '=', 'p.la_code').onRef('v.plan_id', '=', 'p.id'))
      .select(['p.la_code', 'v.version', 'v.status', 'v.issued_on', 'v.document']).where('p.case_id', '=', caseId).execute();
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ la_code: '886', version: 1, status: 'final', issued_on: iso(issuedOn) });
    expect(plan[0]!.document.la.code).toBe('886');
    expect((await agent.get(`/cases/${caseId}/plan`)).statusCode).toBe(200);
    const audit = await t.adminDb.selectFrom('audit_events').select(['la_code', 'action', 'record_type', 'detail']).where('record_id', '=', caseId).where('action', '=', 'create').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ la_code: '886', record_type: 'case' });
    expect(audit[0]!.detail).toMatchObject({ via: 'plan-transfer', transferId: id, fromLaCode: '370' });
    // Opening again finds the same case; the old council cannot see the new one.
    const again = await agent.post(`/transfers/${id}/open`, {}, { csrf: await agent.csrf('/transfers') });
    expect(again.headers.location).toBe(`/cases/${caseId}/reviews`);
    expect((await t.adminDb.selectFrom('children').select('id').where('la_code', '=', '886').execute())).toHaveLength(1);
    expect((await (await signedIn(barnsley)).get(`/cases/${caseId}/reviews`)).statusCode).toBe(404);
    expect((await agent.get('/transfers')).body).toContain('We opened the case on');
  });

  it('refuses another council’s transfer id and a malformed one with 404', async () => {
    const agent = await signedIn(barnsley);
    const id = await transferId('Ada'); // Kent's 'in' row: Barnsley holds only the 'out' row
    expect((await agent.post(`/transfers/${id}/open`, {}, { csrf: await agent.csrf('/transfers') })).statusCode).toBe(404);
    expect((await agent.post('/transfers/not-a-uuid/open', {}, { csrf: await agent.csrf('/transfers') })).statusCode).toBe(404);
  });
});
