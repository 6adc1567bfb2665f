import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { insertPlanningWorld, LA, OTHER_LA } from '../application/planning-world.fixture.ts';

const decode = (html: string): string => html.replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('planning pages: documents, the editor, its validation and concurrent edits', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let manager: Agent;
  let colleague: Agent;
  let coordinator: Agent;
  let otherManager: Agent;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertPlanningWorld(t);
    app = await createTestApp(t);
    const signIn = async (role: 'send-manager' | 'ehc-coordinator', la: string) => {
      const user = await addUser(t, role, la);
      const agent = new Agent(app);
      await agent.signIn(user.email);
      return agent;
    };
    manager = await signIn('send-manager', LA);
    colleague = await signIn('send-manager', LA);
    coordinator = await signIn('ehc-coordinator', LA);
    otherManager = await signIn('send-manager', OTHER_LA);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const priorityForm = { position: '1', title: 'Inclusion in mainstream', description: 'Why it matters.' };

  it('serves both documents as pages and as PDFs to the SEND manager, and refuses a coordinator', async () => {
    const page = await manager.get('/planning/evidence-pack');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-xl">Area SEND inspection evidence pack: Council 370</h1>');
    expect(page.body).toContain('<caption class="govuk-table__caption govuk-table__caption--s">Timeliness of EHC plans, 2025</caption>');
    const pdf = await manager.get('/planning/inclusion-plan.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="local-inclusion-plan-370-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await coordinator.get('/planning')).statusCode).toBe(403);
    expect((await coordinator.get('/planning/inclusion-plan.pdf')).statusCode).toBe(403);
  });

  it('refuses a priority without a title, with the GOV.UK error summary and what was typed kept', async () => {
    const res = await manager.post('/planning/priorities/new', { position: '100', title: '', description: 'Kept text' }, { csrf: await manager.csrf('/planning/priorities/new') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('href="#title"');
    expect(decode(res.body)).toContain('The priority’s number must be a whole number from 1 to 99');
    expect(res.body).toContain('Kept text');
    expect(res.body).toContain('value="100"');
  });

  it('refuses an action with an impossible date or no status, and a self-evaluation that is empty', async () => {
    const created = await manager.post('/planning/priorities/new', priorityForm, { csrf: await manager.csrf('/planning/priorities/new') });
    expect(created.statusCode).toBe(303);
    const id = await priorityId();
    const url = `/planning/priorities/${id}/actions/new`;
    const bad = await manager.post(url, { description: 'Open a unit', lead: 'Place planning', 'due-day': '31', 'due-month': '2', 'due-year': '2027' }, { csrf: await manager.csrf(url) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date it is due by must be a real date');
    expect(decode(bad.body)).toContain('Select the action’s status');
    expect(bad.body).toContain('Open a unit');
    const ok = await manager.post(url, { description: 'Open a unit', lead: 'Place planning', 'due-day': '28', 'due-month': '2', 'due-year': '2027', status: 'on-track' }, { csrf: await manager.csrf(url) });
    expect(ok.statusCode).toBe(303);
    const se = '/planning/self-evaluation/identification-and-assessment';
    const empty = await manager.post(se, { body: '   ', version: '0' }, { csrf: await manager.csrf(se) });
    expect(empty.statusCode).toBe(400);
    expect(decode(empty.body)).toContain('Enter the partnership’s evaluation');
    expect((await manager.get('/planning/self-evaluation/no-such-section')).statusCode).toBe(404);
    expect((await manager.get('/planning/priorities/not-a-uuid')).statusCode).toBe(404);
  });

  it('refuses the second of two edits made from the same version (409), keeps the text typed, then saves on purpose', async () => {
    const id = await priorityId();
    const url = `/planning/priorities/${id}`;
    const formA = await manager.get(url);
    const formB = await colleague.get(url);
    const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
    expect(version(formA.body)).toBe(version(formB.body));
    const first = await manager.post(url, { ...priorityForm, title: 'Title from the first editor', version: version(formA.body) }, { csrf: await manager.csrf(url) });
    expect(first.statusCode).toBe(303);
    const second = await colleague.post(url, { ...priorityForm, title: 'Title from the second editor', version: version(formB.body) }, { csrf: await colleague.csrf(url) });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Nothing has been saved');
    expect(second.body).toContain('Title from the first editor'); // theirs, shown to compare
    expect(second.body).toContain('value="Title from the second editor"'); // mine, still in the form
    const again = await colleague.post(url, { ...priorityForm, title: 'Title from the second editor', version: version(second.body) }, { csrf: await colleague.csrf(url) });
    expect(again.statusCode).toBe(303);
    const revisions = await t.adminDb.selectFrom('planning_revisions').select(['version', 'author_name']).where('record_id', '=', id).orderBy('version').execute();
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
    const plan = await manager.get('/planning/inclusion-plan');
    expect(plan.body).toContain('Priority 1: Title from the second editor');
    expect(plan.body).toMatch(/Written on \d+ \w+ \d{4} by Test send-manager \(SEND manager\), version 3\./);
  });

  it('two people writing the same self-evaluation section for the first time: the second is refused', async () => {
    const url = '/planning/self-evaluation/experiences-of-families';
    const a = await manager.post(url, { body: 'First words.', version: '0' }, { csrf: await manager.csrf(url) });
    expect(a.statusCode).toBe(303);
    const b = await colleague.post(url, { body: 'Other words.', version: '0' }, { csrf: await colleague.csrf(url) });
    expect(b.statusCode).toBe(409);
    expect(b.body).toContain('First words.');
  });

  it('keeps each council to its own planning: another council’s priority is a 404', async () => {
    const id = await priorityId();
    expect((await otherManager.get(`/planning/priorities/${id}`)).statusCode).toBe(404);
    const url = `/planning/priorities/${id}`;
    const res = await otherManager.post(url, { ...priorityForm, version: '1' }, { csrf: await otherManager.csrf('/planning/priorities/new') });
    expect(res.statusCode).toBe(404);
    const page = await otherManager.get('/planning/inclusion-plan');
    expect(page.body).toContain('The partnership has not yet recorded its priorities.');
  });

  async function priorityId(): Promise<string> {
    const row = await t.adminDb.selectFrom('planning_priorities').select('id').where('la_code', '=', LA).orderBy('updated_at').executeTakeFirstOrThrow();
    return row.id;
  }
});
