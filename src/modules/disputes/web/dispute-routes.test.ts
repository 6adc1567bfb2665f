import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatLongDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { caseCalendar } from '../../cases/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import { Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { buildDisputeWorld, CASE, dateFields, ORG_A } from '../dispute-test-world.ts';

const today = todayInEngland(new Date());
const notice = addDays(today, -20);
const version = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

describe('dispute pages', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let users: Awaited<ReturnType<typeof buildDisputeWorld>>;
  let disputeId = '';
  /** Agent.post takes one value per name; checkboxes need several, so this posts pairs. */
  const postPairs = (agent: Agent, url: string, pairs: Array<[string, string]>) =>
    app.inject({ method: 'POST', url, payload: new URLSearchParams(pairs).toString(), headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' } });
  const as = async (user: { email: string }) => {
    const agent = new Agent(app);
    await agent.signIn(user.email);
    return agent;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    users = await buildDisputeWorld(t, today);
    app = await createTestApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('starts a dispute from the case decision, refusing an incomplete form and keeping what was typed', async () => {
    const agent = await as(users.coordinator);
    const form = await agent.get(`/cases/${CASE}/disputes/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`Plan content (issued or amended): notice sent ${formatLongDate(notice)}`);
    const csrf = await agent.csrf(`/cases/${CASE}/disputes/new`);
    const bad = await agent.post(`/cases/${CASE}/disputes/new`, { decision: 'notice-3', summary: 'Wants more therapy' }, { csrf });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the sections of the plan the family disagrees with');
    expect(bad.body).toContain('Wants more therapy');
    const ok = await postPairs(agent, `/cases/${CASE}/disputes/new`, [['_csrf', csrf], ['decision', 'notice-3'], ['sections', 'F'], ['sections', 'G'], ['summary', 'Wants more therapy']]);
    expect(ok.statusCode).toBe(303);
    disputeId = /\/disputes\/([0-9a-f-]{36})/.exec(ok.headers.location as string)![1]!;
    const page = await agent.get(`/disputes/${disputeId}`);
    expect(page.statusCode).toBe(200);
    const contact = computeDeadline({ ruleId: 'mediation-contact', from: notice }, caseCalendar());
    expect(page.body).toContain(contact.explanation.replace(/'/g, '&#39;'));
    expect(page.body).toContain('EHC-1-D1');
    const list = await agent.get('/disputes');
    expect(list.body).toContain('EHC-1-D1');
    expect(list.body).toContain('F, G');
  });

  it('finds a case by reference and says when there is none', async () => {
    const agent = await as(users.coordinator);
    expect((await agent.get('/disputes/new?reference=EHC-2')).headers.location).toMatch(/\/cases\/.+\/disputes\/new$/);
    const none = await agent.get('/disputes/new?reference=NOPE');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('No case has that reference');
  });

  it('shows the family what they can do and by when, and no one else’s family', async () => {
    const contact = computeDeadline({ ruleId: 'mediation-contact', from: notice }, caseCalendar());
    const family = await as(users.parent);
    const page = await family.get(`/family/disputes/${disputeId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`You must contact the mediation adviser by ${formatLongDate(contact.due)} if you want to appeal.`);
    expect((await (await as(users.otherParent)).get(`/family/disputes/${disputeId}`)).statusCode).toBe(404);
  });

  it('validates each step, refuses a stale form and requires health in mediation when Section G is in dispute', async () => {
    const agent = await as(users.coordinator);
    const url = `/disputes/${disputeId}/steps/contact`;
    const form = await agent.get(url);
    const csrf = await agent.csrf(url);
    const v = version(form.body);
    const missing = await agent.post(url, { version: v, ...dateFields(addDays(today, 1)) }, { csrf });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select whether the family wants mediation or a certificate only');
    expect(missing.body).toContain('must be today or in the past');
    const early = await agent.post(url, { version: v, choice: 'mediation', ...dateFields(addDays(notice, -1)) }, { csrf });
    expect(early.body).toContain('must be on or after the decision notice');
    expect((await agent.post(url, { version: v, choice: 'mediation', ...dateFields(addDays(today, -5)) }, { csrf })).statusCode).toBe(303);
    const arrange = `/disputes/${disputeId}/steps/arrange-mediation`;
    const stale = await agent.post(arrange, { version: v, organisationId: ORG_A, partners: 'health', ...dateFields(today) }, { csrf });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else updated this dispute');
    const v2 = version((await agent.get(arrange)).body);
    const noHealth = await agent.post(arrange, { version: v2, organisationId: ORG_A, ...dateFields(today) }, { csrf });
    expect(noHealth.statusCode).toBe(400);
    expect(noHealth.body).toContain('Select health: health needs or provision (Section C or G) are in dispute');
    expect((await agent.post(arrange, { version: v2, organisationId: ORG_A, partners: 'health', ...dateFields(today), ...dateFields(addDays(today, 7), 'meeting') }, { csrf })).statusCode).toBe(303);
    const page = await agent.get(`/disputes/${disputeId}`);
    expect(page.body).toContain(computeDeadline({ ruleId: 'mediation-meeting', from: today }, caseCalendar()).explanation);
    // A step that does not apply at this stage is not there.
    expect((await agent.get(`/disputes/${disputeId}/steps/tribunal-decision`)).statusCode).toBe(404);
  });

  it('shows a mediator only the mediations assigned to their organisation', async () => {
    const a = await (await as(users.mediatorA)).get('/mediation');
    expect(a.statusCode).toBe(200);
    expect(a.body).toContain('EHC-1-D1');
    expect(a.body).toContain(formatLongDate(addDays(today, 7)));
    const b = await (await as(users.mediatorB)).get('/mediation');
    expect(b.statusCode).toBe(200);
    expect(b.body).not.toContain('EHC-1-D1');
    expect((await (await as(users.mediatorA)).get(`/disputes/${disputeId}`)).statusCode).toBe(403);
  });

  it('hides a dispute from another council as not found', async () => {
    const kent = await as(users.kentCoordinator);
    expect((await kent.get(`/disputes/${disputeId}`)).statusCode).toBe(404);
    expect((await kent.get(`/disputes/${disputeId}/steps/close`)).statusCode).toBe(404);
    expect((await kent.get('/disputes')).body).not.toContain('EHC-1-D1');
    expect((await kent.get('/disputes/not-a-uuid')).statusCode).toBe(404);
  });

  it('shows the analysis to managers only, with the published rates', async () => {
    const page = await (await as(users.manager)).get('/disputes/analysis');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Appeals per 100 appealable decisions');
    expect(page.body).toContain('England, 2024 (published)');
    expect((await (await as(users.coordinator)).get('/disputes/analysis')).statusCode).toBe(403);
  });
});
