import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import type { PlanDocument } from '../domain/plan-document.ts';
import { exampleDraft } from '../domain/plan-test-fixtures.ts';
import { createPlanWorld, type PlanWorld } from '../plan-test-world.ts';
import { ApiAgent, formFields, formTokens } from './plan-test-agent.ts';

describe('plan pages and API', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let w: PlanWorld;
  let staff: ApiAgent;
  let plan: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    w = await createPlanWorld(t);
    app = await createTestApp(t);
    staff = new ApiAgent(app);
    await staff.signIn(w.coordinator.email);
    plan = `/cases/${w.caseId}/plan`;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('offers to start a draft, insists on a primary need, then shows the sections as a task list', async () => {
    const start = await staff.get(plan);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Start a draft plan');
    const refused = await staff.post(plan, { primaryNeed: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select the primary need');
    expect((await staff.post(plan, { primaryNeed: 'SLCN' })).statusCode).toBe(303);
    const overview = await staff.get(plan);
    expect(overview.body).toContain('Section A: Views, interests and aspirations');
    expect(overview.body).toContain('Not started');
    expect(overview.body).toContain('Must be fixed before the plan can be issued');
  });

  it('shows an edit page for every section', async () => {
    for (const key of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K']) {
      const res = await staff.get(`${plan}/sections/${key}`);
      expect(res.statusCode, `${key}: ${res.body.slice(0, 300)}`).toBe(200);
    }
    expect((await staff.get(`${plan}/sections/I`)).body).toContain('id="placementKind-2"');
    expect((await staff.get(`${plan}/sections/Z`)).statusCode).toBe(404);
  });

  it('validates a section with the GOV.UK error pattern, keeps what was typed and adds items without JavaScript', async () => {
    const page = await staff.get(`${plan}/sections/B`);
    const tokens = formTokens(page.body);
    const added = await staff.post(`${plan}/sections/B`, { ...tokens, itemCount: '0', action: 'add' });
    expect(added.statusCode).toBe(200);
    const id = /name="item-0-id" value="([^"]+)"/.exec(added.body)![1]!;
    const bad = await staff.post(`${plan}/sections/B`, { ...tokens, itemCount: '1', 'item-0-id': id, 'item-0-area': 'cognition-and-learning', 'item-0-statement': '', action: 'save' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#item-0-statement"');
    expect(bad.body).toContain('Need 1: need must not be empty');
    const numbers = await staff.post(`${plan}/sections/F`, { ...formTokens((await staff.get(`${plan}/sections/F`)).body), itemCount: '1', 'item-0-id': 'p1', 'item-0-what': 'Reading', 'item-0-times': 'two', 'item-0-per': 'week', 'item-0-fundedBy': 'setting', action: 'save' });
    expect(numbers.statusCode).toBe(400);
    expect(numbers.body).toContain('how many sessions must be a whole number');
    expect(numbers.body).toContain('value="two"');
  });

  it('refuses the second of two saves from the same copy and shows both versions to reconcile', async () => {
    const mine = new Agent(app);
    await mine.signIn(w.secondCoordinator.email);
    const theirs = formTokens((await staff.get(`${plan}/sections/A`)).body);
    const ours = formTokens((await mine.get(`${plan}/sections/A`)).body);
    const a = { writtenBy: 'child', aspirations: 'I want to be a vet', interests: '', whatPeopleLikeAndAdmire: '', whatIsImportant: '', howBestToSupport: '', parentsViews: '', itemCount: '0', action: 'save' };
    expect((await staff.post(`${plan}/sections/A`, { ...theirs, ...a })).statusCode).toBe(303);
    const conflict = await mine.post(`${plan}/sections/A`, { ...ours, ...a, aspirations: 'I want to be a pilot' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Your changes have not been saved');
    expect(conflict.body).toContain('I want to be a vet');
    expect(conflict.body).toContain('I want to be a pilot');
    expect(conflict.body).toContain('my aspirations changed from “I want to be a vet” to “I want to be a pilot”');
    // Saving again from the conflict page is a deliberate choice: it goes through.
    expect((await mine.post(`${plan}/sections/A`, { ...formTokens(conflict.body), ...a, aspirations: 'I want to be a vet or a pilot' })).statusCode).toBe(303);
    const json = JSON.parse((await staff.get(`/api/cases/${w.caseId}/plan`)).body) as PlanDocument;
    expect(json.sections.A.aboutMe.aspirations).toBe('I want to be a vet or a pilot');
  });

  it('blocks issue while the checklist fails, with each reason linked to its section', async () => {
    const res = await staff.post(`${plan}/issue`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toMatch(/Section C is empty and nobody has confirmed that no needs were identified/);
    expect(res.body).toContain(`href="/cases/${w.caseId}/plan/sections/C"`);
  });

  it('serves the schema publicly and cacheably', async () => {
    const res = await app.inject('/schemas/ehcp/v1.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/schema\+json/);
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(res.json()).toMatchObject({ $id: 'https://opensend.org.uk/schemas/ehcp/v1.json' });
  });

  it('imports through the API with the schema\'s errors, If-Match concurrency and an identical round trip', async () => {
    const api = `/api/cases/${w.caseId}/plan`;
    const got = await staff.get(api);
    const etag = String(got.headers.etag);
    const current = JSON.parse(got.body) as PlanDocument;
    const full: PlanDocument = { ...exampleDraft(), planId: current.planId, version: current.version, la: current.la, child: current.child };
    // Outcomes must still lie ahead on the day the plan is issued (today, whenever the test runs).
    for (const o of full.sections.E.outcomes) o.byWhen = '2099-07-31';

    const bad = structuredClone(full) as unknown as { sections: { F: { provision: Array<{ frequency: unknown }> } } };
    bad.sections.F.provision[0]!.frequency = { times: 0, per: 'fortnight' };
    const invalid = await staff.put(api, bad, { 'if-match': etag });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'sections.F.provision[0].frequency.times' }), expect.objectContaining({ path: 'sections.F.provision[0].frequency.per' })]));

    expect((await staff.put(api, full)).statusCode).toBe(428);
    const ok = await staff.put(api, full, { 'if-match': etag });
    expect(ok.statusCode).toBe(200);
    expect((await staff.put(api, full, { 'if-match': etag })).statusCode).toBe(409);

    const exported = await staff.get(api);
    const again = await staff.put(api, exported.body, { 'if-match': String(exported.headers.etag) });
    expect(again.statusCode).toBe(200);
    expect((await staff.get(api)).body).toBe(exported.body);
  });

  it('issues the plan once the checklist passes, records the case event and shows it as an accessible page and a PDF', async () => {
    const res = await staff.post(`${plan}/issue`, {});
    expect(res.statusCode, /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(res.body)?.[1]).toBe(303);
    expect(res.headers.location).toBe(`${plan}?issued=1`);
    const page = await staff.get(`${plan}/versions/1`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="col" class="govuk-table__header">How much and who</th>');
    expect(page.body).toContain('2 sessions of 30 minutes a week, 1:1, by a speech and language therapist (HCPC registered)');
    const event = await t.adminDb.selectFrom('case_events').select(['type', 'data']).where('case_id', '=', w.caseId).where('type', '=', 'final-plan-issued').executeTakeFirst();
    expect(event?.data).toMatchObject({ planVersion: 1, primaryNeed: 'SLCN' });
    expect((await staff.put(`/api/cases/${w.caseId}/plan`, {}, { 'if-match': '"1.1"' })).statusCode).toBe(422);
    const pdf = await staff.get(`${plan}/versions/1/plan.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes('StructTreeRoot')).toBe(true);
    const audited = await t.adminDb.selectFrom('audit_events').select(['action', 'child_id']).where('record_type', '=', 'plan').where('actor_user_id', '=', w.coordinator.id).execute();
    expect(audited.filter((a) => a.action === 'download')).toHaveLength(1);
    expect(audited.every((a) => a.child_id === w.childId)).toBe(true);
  });

  it('answers 503 with a clear page, not an error, when Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const noBrowser = await createTestApp(t);
    try {
      const agent = new Agent(noBrowser);
      await agent.signIn(w.coordinator.email);
      const res = await agent.get(`${plan}/versions/1/plan.pdf`);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('300');
      expect(res.body).toContain('The PDF cannot be made at the moment');
      expect(res.body).toContain(`href="${plan}/versions/1"`);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      await noBrowser.close();
    }
  });

  it('starts a new version to amend, and compares any two versions item by item', async () => {
    expect((await staff.post(`${plan}/next-version`, {})).statusCode).toBe(303);
    const f = await staff.get(`${plan}/sections/F`);
    const fields = formFields(f.body, `${plan}/sections/F`).filter(([name]) => name !== 'action');
    const edited = fields.map(([name, value]): [string, string] => [name, name === 'item-0-times' ? '3' : value]);
    const saved = await staff.postFields(`${plan}/sections/F`, [...edited, ['action', 'save']]);
    expect(saved.statusCode, saved.body.slice(0, 3000)).toBe(303);
    const compare = await staff.get(`${plan}/compare?from=1&to=2`);
    expect(compare.body, compare.body.replace(/[\s\S]*<main[^>]*>/, '').replace(/<\/main>[\s\S]*/, '')).toContain('speech and language therapy changed from 2 × 30 minutes a week to 3 × 30 minutes a week');
  });

  it('lets the family write Section A and comment, the caseworker answer, and hides other children\'s plans', async () => {
    const family = new Agent(app);
    await family.signIn(w.parent.email);
    expect((await family.get(`/family/cases/${w.otherCaseId}/plan`)).statusCode).toBe(404);
    expect((await family.get(`/family/cases/${w.foreignCaseId}/plan/section-a`)).statusCode).toBe(404);
    expect((await family.get(`/cases/${w.caseId}/plan`)).statusCode).toBe(403);
    const form = await family.get(`/family/cases/${w.caseId}/plan/section-a`);
    expect(form.body).not.toContain('value="professional"');
    const a = { ...formTokens(form.body), writtenBy: 'child', aspirations: 'I want to look after animals', interests: 'Drawing comics', whatPeopleLikeAndAdmire: 'I am kind', whatIsImportant: 'My rabbits', howBestToSupport: 'Give me time', parentsViews: 'We are proud of him', itemCount: '0' };
    expect((await family.post(`/family/cases/${w.caseId}/plan/section-a`, a)).statusCode).toBe(303);
    expect((await family.post(`/family/cases/${w.caseId}/plan/comments`, { section: 'F', body: '' })).statusCode).toBe(400);
    expect((await family.post(`/family/cases/${w.caseId}/plan/comments`, { section: 'F', body: 'Can therapy be in the morning?' })).statusCode).toBe(303);
    const thread = await t.adminDb.selectFrom('plan_comments').select(['id', 'version']).where('body', '=', 'Can therapy be in the morning?').executeTakeFirstOrThrow();
    expect(thread.version).toBe(2);
    expect((await staff.post(`/cases/${w.caseId}/plan/comments`, { section: 'F', parentId: thread.id, body: 'Yes, we will ask the school.' })).statusCode).toBe(303);
    const page = await family.get(`/family/cases/${w.caseId}/plan`);
    expect(page.body).toContain('I want to look after animals');
    expect(page.body).toContain('Yes, we will ask the school.');
    const changes = await family.get(`/family/cases/${w.caseId}/plan/changes`);
    expect(changes.body).toContain('What changed in the plan');
  });
});
