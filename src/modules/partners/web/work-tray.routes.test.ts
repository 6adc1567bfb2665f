import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { postMultipart, SAMPLE_PDF } from '../../documents/web/multipart-test-support.ts';

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('a partner work tray', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let health: { id: string; email: string };
  let socialCare: { id: string; email: string };
  let coordinator: { id: string; email: string };
  const ids: Record<string, string> = {};

  async function caseWith(name: string, events: Array<{ type: string; on: string; data: Record<string, unknown> }>): Promise<string> {
    const child = await t.adminDb.insertInto('children').values({ la_code: '370', given_name: name, family_name: 'Test', date_of_birth: '2016-02-01' }).returning('id').executeTakeFirstOrThrow();
    const c = await t.adminDb.insertInto('cases').values({ la_code: '370', child_id: child.id, reference: `EHC-370-${String(Object.keys(ids).length + 1).padStart(6, '0')}`, opened_on: events[0]!.on, caseworker_user_id: coordinator.id }).returning('id').executeTakeFirstOrThrow();
    let seq = 0;
    for (const e of events) await t.adminDb.insertInto('case_events').values({ la_code: '370', case_id: c.id, seq: ++seq, type: e.type, occurred_on: e.on, actor_user_id: null, data: JSON.stringify(e.data) }).execute();
    ids[name] = c.id;
    return c.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    app = await createTestApp(t);
    const org = async (kind: string, name: string) => (await t.adminDb.insertInto('organisations').values({ la_code: '370', kind, name }).returning('id').executeTakeFirstOrThrow()).id;
    ids.icb = await org('icb', 'Test ICB');
    ids.care = await org('social-care', 'Test Social Care');
    health = await addUser(t, 'health-partner', '370', { organisationId: ids.icb });
    socialCare = await addUser(t, 'social-care-partner', '370', { organisationId: ids.care });
    coordinator = await addUser(t, 'ehc-coordinator', '370');
    await caseWith('Overdue', [
      { type: 'request-received', on: daysAgo(120), data: { source: 'parent', reasons: 'Needs help with speech.' } },
      { type: 'decision-to-assess', on: daysAgo(80), data: { decision: 'assess' } },
      { type: 'advice-requested', on: daysAgo(70), data: { adviceId: 'a-health-1', adviceKind: 'health', organisationId: ids.icb } },
    ]);
    await caseWith('Recent', [
      { type: 'request-received', on: daysAgo(50), data: { source: 'setting' } },
      { type: 'decision-to-assess', on: daysAgo(10), data: { decision: 'assess' } },
      { type: 'advice-requested', on: daysAgo(3), data: { adviceId: 'a-health-2', adviceKind: 'health', organisationId: ids.icb } },
      { type: 'advice-requested', on: daysAgo(3), data: { adviceId: 'a-care-2', adviceKind: 'social-care', organisationId: ids.care } },
    ]);
    await caseWith('NotAsked', [
      { type: 'request-received', on: daysAgo(50), data: { source: 'parent' } },
      { type: 'advice-requested', on: daysAgo(3), data: { adviceId: 'a-care-3', adviceKind: 'social-care', organisationId: ids.care } },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists only what was asked of the organisation, most urgent first, with due dates and status', async () => {
    const agent = new Agent(app);
    await agent.signIn(health.email);
    const res = await agent.get('/work-tray');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('NotAsked');
    const overdueAt = res.body.indexOf('Overdue Test');
    const recentAt = res.body.indexOf('Recent Test');
    expect(overdueAt).toBeGreaterThan(0);
    expect(recentAt).toBeGreaterThan(overdueAt);
    expect(res.body).toContain('govuk-tag--red');
    expect(res.body).toContain('On track');
  });

  it('is refused to roles without the work tray', async () => {
    const agent = new Agent(app);
    await agent.signIn(coordinator.email);
    expect((await agent.get('/work-tray')).statusCode).toBe(403);
  });

  it('hides cases the organisation was not asked about, as not found', async () => {
    const agent = new Agent(app);
    await agent.signIn(health.email);
    expect((await agent.get(`/work-tray/advice/${ids.NotAsked}/a-care-3`)).statusCode).toBe(404);
    // Asked on this case, but not for this piece of advice.
    expect((await agent.get(`/work-tray/advice/${ids.Recent}/a-care-2`)).statusCode).toBe(404);
    expect((await agent.get('/work-tray/advice/not-a-uuid/x')).statusCode).toBe(404);
    const docs = await agent.get(`/case-documents/370/${ids.NotAsked}`);
    expect(docs.statusCode).toBe(404);
  });

  it('keeps the advice typed when the file is refused, then records the answer with its document', async () => {
    const agent = new Agent(app);
    await agent.signIn(health.email);
    const url = `/work-tray/advice/${ids.Overdue}/a-health-1`;
    const page = await agent.get(url);
    expect(page.body).toContain('Needs help with speech.');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const bad = await postMultipart(app, agent, url, { _csrf: csrf, summary: 'Speech and language therapy weekly.' }, { field: 'document', fileName: 'report.pdf', data: Buffer.from('not really a pdf') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The selected file must be a PDF, Word document, JPG or PNG');
    expect(bad.body).toContain('Speech and language therapy weekly.');
    const big = await postMultipart(app, agent, url, { _csrf: csrf, summary: 'Speech and language therapy weekly.' }, { field: 'document', fileName: 'big.pdf', data: Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('The selected file must be smaller than 10MB');
    expect(big.body).toContain('Speech and language therapy weekly.');
    const empty = await postMultipart(app, agent, url, { _csrf: csrf, summary: '' });
    expect(empty.body).toContain('Enter your advice');
    const ok = await postMultipart(app, agent, url, { _csrf: csrf, summary: 'Speech and language therapy weekly.' }, { field: 'document', fileName: 'SALT report.pdf', data: SAMPLE_PDF, contentType: 'application/pdf' });
    expect(ok.statusCode).toBe(303);
    const event = await t.adminDb.selectFrom('case_events').select(['type', 'data', 'occurred_on']).where('case_id', '=', ids.Overdue!).where('type', '=', 'advice-received').executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ adviceId: 'a-health-1', summary: 'Speech and language therapy weekly.' });
    const docIds = (event.data as { documentIds: string[] }).documentIds;
    expect(docIds).toHaveLength(1);
    const doc = await t.adminDb.selectFrom('documents').select(['file_name', 'content_type', 'sha256', 'kind', 'uploaded_by']).where('id', '=', docIds[0]!).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ file_name: 'SALT report.pdf', content_type: 'application/pdf', kind: 'advice', uploaded_by: health.id });
    expect(event.occurred_on).toBe(today);

    // The tray now shows it as sent (late), and the caseworker was told.
    const tray = await agent.get('/work-tray');
    expect(tray.body).toContain('Sent late');
    const mail = await t.adminDb.selectFrom('outbox').select(['recipient', 'body']).where('template', '=', 'advice-received').executeTakeFirstOrThrow();
    expect(mail.recipient).toBe(coordinator.email.toLowerCase());
    expect(mail.body).toContain('Test ICB has sent its advice for Overdue Test');

    // The audited download works for the partner and the caseworker, not for another partner.
    const dl = await agent.get(`/documents/370/${docIds[0]}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    const other = new Agent(app);
    await other.signIn(socialCare.email);
    expect((await other.get(`/documents/370/${docIds[0]}`)).statusCode).toBe(404);
    const audits = await t.adminDb.selectFrom('audit_events').select(['action', 'record_type']).where('actor_user_id', '=', health.id).execute();
    expect(audits).toContainEqual({ action: 'download', record_type: 'document' });
    expect(audits).toContainEqual({ action: 'view', record_type: 'advice-request' });

    // Answering again is not possible.
    const again = await postMultipart(app, agent, url, { _csrf: csrf, summary: 'Second go' });
    expect(again.statusCode).toBe(303);
    expect(await t.adminDb.selectFrom('case_events').select('seq').where('case_id', '=', ids.Overdue!).where('type', '=', 'advice-received').execute()).toHaveLength(1);
  });
});
