import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { postMultipart, SAMPLE_PDF, SAMPLE_PNG } from '../../documents/web/multipart-test-support.ts';

describe("a setting's request with the parents' consent and evidence", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let senco: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    app = await createTestApp(t);
    const org = await t.adminDb.insertInto('organisations').values({ la_code: '370', kind: 'school', name: 'Riverside Primary School' }).returning('id').executeTakeFirstOrThrow();
    senco = await addUser(t, 'setting-senco', '370', { organisationId: org.id });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('is for SENCOs only', async () => {
    expect((await app.inject('/setting-request')).statusCode).toBe(303);
    const parent = await addUser(t, 'parent-carer', '370');
    const agent = new Agent(app);
    await agent.signIn(parent.email);
    expect((await agent.get('/setting-request')).statusCode).toBe(403);
  });

  it('walks the pages, refuses bad files without losing the text, and opens a case with the evidence attached', async () => {
    const agent = new Agent(app);
    await agent.signIn(senco.email);
    const started = await agent.post('/setting-request', {}, { csrf: await agent.csrf('/setting-request') });
    const m = /^\/setting-request\/([0-9a-f-]{36})\/consent$/.exec(String(started.headers.location));
    expect(m).not.toBeNull();
    const base = `/setting-request/${m![1]}`;
    const answer = async (slug: string, form: Record<string, string>) => agent.post(`${base}/${slug}`, form, { csrf: await agent.csrf(`${base}/${slug}`) });

    expect((await answer('consent', {})).body).toContain('Confirm that the child&#39;s parents have agreed to the request');
    for (const [slug, form] of [
      ['consent', { consentConfirmed: 'yes' }],
      ['consent-date', { 'consentDate-day': '2', 'consentDate-month': '11', 'consentDate-year': '2026' }],
      ['child-name', { childGivenName: 'Riley', childFamilyName: 'Pupil' }],
      ['date-of-birth', { 'dateOfBirth-day': '9', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2017' }],
      ['postcode', { postcode: 'S10 2TN' }],
      ['reasons', { reasons: 'Riley has not progressed despite two terms of SEN support.' }],
    ] as const) expect((await answer(slug, form)).statusCode, slug).toBe(303);

    const page = await agent.get(`${base}/evidence`);
    expect(page.body).toContain('What the setting has already provided');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const typed = 'Small-group phonics three times a week since January.';
    const wrong = await postMultipart(app, agent, `${base}/evidence`, { _csrf: csrf, providedSupport: typed, action: 'upload' }, { field: 'document', fileName: 'notes.pdf', data: Buffer.from('<html>not a pdf</html>') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The selected file must be a PDF, Word document, JPG or PNG');
    expect(wrong.body).toContain('href="#document"');
    expect(wrong.body).toContain(typed);
    const big = await postMultipart(app, agent, `${base}/evidence`, { _csrf: csrf, providedSupport: typed, action: 'upload' }, { field: 'document', fileName: 'scan.png', data: Buffer.concat([SAMPLE_PNG, Buffer.alloc(10 * 1024 * 1024 + 1)]) });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('The selected file must be smaller than 10MB');
    expect(big.body).toContain(typed);
    const none = await postMultipart(app, agent, `${base}/evidence`, { _csrf: csrf, providedSupport: typed, action: 'upload' }, { field: 'document', fileName: '', data: Buffer.alloc(0) });
    expect(none.body).toContain('Select a file');

    const ok = await postMultipart(app, agent, `${base}/evidence`, { _csrf: csrf, providedSupport: typed, action: 'upload' }, { field: 'document', fileName: 'IEP review.pdf', data: SAMPLE_PDF });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('IEP review.pdf');
    const extra = await postMultipart(app, agent, `${base}/evidence`, { _csrf: csrf, providedSupport: typed, action: 'upload' }, { field: 'document', fileName: 'extra.png', data: SAMPLE_PNG });
    const extraId = /extra\.png<\/dt>[\s\S]*?name="documentId" value="([^"]+)"/.exec(extra.body);
    expect(extraId).not.toBeNull();
    await agent.post(`${base}/evidence/remove`, { documentId: extraId![1]! }, { csrf });
    const cont = await postMultipart(app, agent, `${base}/evidence`, { _csrf: csrf, providedSupport: typed, action: 'continue' });
    expect(cont.headers.location).toBe(`${base}/parent-contact`);
    expect((await answer('parent-contact', { parentName: 'Jo Pupil', parentEmail: 'jo@example.com' })).headers.location).toBe(`${base}/check-answers`);

    const check = await agent.get(`${base}/check-answers`);
    for (const text of ['Riley Pupil', '2 November 2026', 'IEP review.pdf', typed, 'Jo Pupil, jo@example.com']) expect(check.body).toContain(text);
    expect(check.body).not.toContain('extra.png');
    const sent = await agent.post(`${base}/check-answers`, {}, { csrf });
    expect(sent.headers.location).toBe(`${base}/confirmation`);
    const confirmation = await agent.get(`${base}/confirmation`);
    expect(confirmation.body).toMatch(/REQ-370-/);
    expect(confirmation.body).toContain('whether it will assess Riley&#39;s needs');

    const c = await t.adminDb.selectFrom('cases').select(['id', 'reference']).where('la_code', '=', '370').executeTakeFirstOrThrow();
    const event = await t.adminDb.selectFrom('case_events').select(['data', 'actor_user_id']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_user_id: senco.id, data: { source: 'setting', requestedBy: 'Riverside Primary School' } });
    const docs = await t.adminDb.selectFrom('documents').select(['file_name', 'case_id']).where('la_code', '=', '370').execute();
    expect(docs).toEqual([{ file_name: 'IEP review.pdf', case_id: c.id }]);
    const kept = await t.adminDb.selectFrom('case_requests').select(['kind', 'answers']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ kind: 'setting', answers: { providedSupport: typed, consentDate: '2026-11-02' } });

    // The parent is told, with a one-time link to follow the case, which works for them.
    const mail = await t.adminDb.selectFrom('outbox').select(['body']).where('recipient', '=', 'jo@example.com').executeTakeFirstOrThrow();
    expect(mail.body).toContain('Riverside Primary School has asked us to assess Riley');
    const path = new URL(/https?:\/\/\S+/.exec(mail.body)![0]).pathname;
    const parent = new Agent(app);
    const made = await parent.post(path, { password: 'Parent-password-2026', confirmPassword: 'Parent-password-2026' }, { csrf: await parent.csrf(path) });
    expect(made.body).toContain('Account created');
    await parent.signIn('jo@example.com', 'Parent-password-2026');
    expect((await parent.get('/family')).body).toContain(c.reference);
    // …and the family may read the evidence on their child's case.
    expect((await parent.get(`/case-documents/370/${c.id}`)).body).toContain('IEP review.pdf');
  });

  it("does not show one SENCO's draft to another", async () => {
    const agent = new Agent(app);
    await agent.signIn(senco.email);
    const started = await agent.post('/setting-request', {}, { csrf: await agent.csrf('/setting-request') });
    const other = await addUser(t, 'setting-senco', '370');
    const them = new Agent(app);
    await them.signIn(other.email);
    expect((await them.get(String(started.headers.location))).statusCode).toBe(404);
  });
});
