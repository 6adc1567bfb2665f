import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';

describe('a family asks for an assessment without an account', () => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    app = await createTestApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function start(agent: Agent): Promise<string> {
    const res = await agent.post('/request', {}, { csrf: await agent.csrf('/request') });
    expect(res.statusCode).toBe(303);
    const m = /^\/request\/([0-9a-f-]{36})\/who-is-asking$/.exec(String(res.headers.location));
    expect(m, String(res.headers.location)).not.toBeNull();
    return m![1]!;
  }

  async function answer(agent: Agent, draft: string, slug: string, form: Record<string, string>, query = '') {
    return agent.post(`/request/${draft}/${slug}${query}`, form, { csrf: await agent.csrf(`/request/${draft}/${slug}${query}`) });
  }

  it('shows the start page without signing in', async () => {
    const res = await app.inject('/request');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ask for an EHC needs assessment');
    expect(res.body).toContain('Start now');
  });

  it('explains each mistake on each page and keeps what was typed', async () => {
    const agent = new Agent(app);
    const d = await start(agent);
    const cases: Array<[string, Record<string, string>, string, string]> = [
      ['who-is-asking', {}, 'Select who is asking for the assessment', '#requester'],
      ['council', { laCode: '999' }, 'Select the council', '#laCode'],
      ['child-name', { childGivenName: 'Sam', childFamilyName: '' }, "Enter the child&#39;s last name", '#childFamilyName'],
      ['date-of-birth', { 'dateOfBirth-day': '12', 'dateOfBirth-month': '', 'dateOfBirth-year': '2015' }, 'Date of birth must include a month', '#dateOfBirth-month'],
      ['date-of-birth', { 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '2015' }, 'Date of birth must include a day and month', '#dateOfBirth-day'],
      ['date-of-birth', { 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2015' }, 'Date of birth must be a real date', '#dateOfBirth-day'],
      ['date-of-birth', { 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2999' }, 'Date of birth must be in the past', '#dateOfBirth-day'],
      ['date-of-birth', { 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '15' }, 'Year must include 4 numbers', '#dateOfBirth-year'],
      ['postcode', { postcode: 'NOT A POSTCODE' }, 'Enter a full UK postcode, like AA3 1AB', '#postcode'],
      ['reasons', { reasons: '   ' }, 'Enter why you are asking for an assessment', '#reasons'],
      ['your-name', { requesterName: '' }, 'Enter your full name', '#requesterName'],
      ['email', { email: 'not-an-email' }, 'Enter an email address in the correct format, like name@example.com', '#email'],
      ['phone', { phone: '12ab' }, 'Enter a telephone number', '#phone'],
      ['declaration', {}, 'Confirm that the information you have given is correct', '#declaration'],
    ];
    for (const [slug, form, message, anchor] of cases) {
      const res = await answer(agent, d, slug, form);
      expect(res.statusCode, slug).toBe(400);
      expect(res.body, slug).toContain('There is a problem');
      expect(res.body, slug).toContain(message);
      expect(res.body, slug).toContain(`href="${anchor}"`);
      expect(res.body, slug).toMatch(/<title>Error: /);
      for (const v of Object.values(form)) if (v.trim() && slug !== 'council') expect(res.body, `${slug} keeps ${v}`).toContain(`value="${v}"`.replace(/'/g, '&#39;'));
    }
  });

  it('refuses a young person under 16 asking for themselves', async () => {
    const agent = new Agent(app);
    const d = await start(agent);
    await answer(agent, d, 'who-is-asking', { requester: 'young-person' });
    const res = await answer(agent, d, 'date-of-birth', { 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': String(new Date().getFullYear() - 10) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('You must be 16 or over to ask for yourself');
  });

  it('walks every page, checks the answers, opens a case, writes the event and the message, and invites an account', async () => {
    const agent = new Agent(app);
    const d = await start(agent);
    const steps: Array<[string, Record<string, string>, string]> = [
      ['who-is-asking', { requester: 'parent' }, 'council'],
      ['council', { laCode: '370' }, 'child-name'],
      ['child-name', { childGivenName: 'Sam', childFamilyName: 'Example' }, 'date-of-birth'],
      ['date-of-birth', { 'dateOfBirth-day': '4', 'dateOfBirth-month': '7', 'dateOfBirth-year': '2016' }, 'postcode'],
      ['postcode', { postcode: 's1 2hh' }, 'school-or-setting'],
      ['school-or-setting', { settingId: '', settingName: 'Riverside Primary' }, 'reasons'],
      ['reasons', { reasons: 'Sam finds reading very hard and the school support has not helped.' }, 'your-name'],
      ['your-name', { requesterName: 'Alex Example' }, 'email'],
      ['email', { email: 'alex@example.com' }, 'phone'],
      ['phone', { phone: '07700 900982' }, 'declaration'],
      ['declaration', { declaration: 'yes' }, 'check-answers'],
    ];
    for (const [slug, form, next] of steps) {
      const res = await answer(agent, d, slug, form);
      expect(res.statusCode, `${slug}: ${res.body.slice(0, 300)}`).toBe(303);
      expect(res.headers.location, slug).toBe(`/request/${d}/${next}`);
    }
    const check = await agent.get(`/request/${d}/check-answers`);
    expect(check.statusCode).toBe(200);
    for (const text of ['Sam Example', '4 July 2016', 'S1 2HH', 'Riverside Primary', 'Alex Example', 'alex@example.com']) expect(check.body).toContain(text);
    expect(check.body).toContain(`href="/request/${d}/postcode?change=1"`);

    // Changing an answer goes back to check your answers
    const changed = await answer(agent, d, 'postcode', { postcode: 'S2 3AB' }, '?change=1');
    expect(changed.headers.location).toBe(`/request/${d}/check-answers`);

    const sent = await agent.post(`/request/${d}/check-answers`, {}, { csrf: await agent.csrf(`/request/${d}/check-answers`) });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/request/${d}/confirmation`);
    const confirmation = await agent.get(`/request/${d}/confirmation`);
    const ref = /REQ-370-[2-9A-Z]{6}/.exec(confirmation.body)?.[0];
    expect(ref).toBeDefined();
    expect(confirmation.body).toMatch(/The council must tell you by \d{1,2} \w+ \d{4} whether it will assess Sam&#39;s needs/);

    const c = await t.adminDb.selectFrom('cases').innerJoin('children', 'children.id', 'cases.child_id').select(['cases.id', 'cases.reference', 'children.given_name', 'children.postcode', 'children.date_of_birth']).where('cases.la_code', '=', '370').executeTakeFirstOrThrow();
    expect(c.reference).toMatch(/^EHC-370-\d{6}$/);
    expect(c).toMatchObject({ given_name: 'Sam', postcode: 'S2 3AB', date_of_birth: '2016-07-04' });
    const events = await t.adminDb.selectFrom('case_events').select(['type', 'data']).where('case_id', '=', c.id).execute();
    expect(events).toEqual([{ type: 'request-received', data: expect.objectContaining({ source: 'parent', requestId: ref, requestedBy: 'Alex Example' }) }]);
    const mail = await t.adminDb.selectFrom('outbox').selectAll().where('recipient', '=', 'alex@example.com').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toMatch(/We have received your request for an EHC needs assessment for Sam\. Your reference is REQ-370-/);
    expect(mail[0]!.body).toMatch(/We will tell you by \d{1,2} \w+ \d{4} whether we will assess Sam's needs/);
    const audit = await t.adminDb.selectFrom('audit_events').select(['action', 'record_type']).where('record_id', '=', c.id).execute();
    expect(audit).toContainEqual({ action: 'create', record_type: 'case' });

    // Sending again (back button, double click) does not open a second case.
    await agent.post(`/request/${d}/check-answers`, {}, { csrf: await agent.csrf('/request') });
    expect(await t.adminDb.selectFrom('cases').select('id').where('la_code', '=', '370').execute()).toHaveLength(1);
    // And the questions can no longer be changed.
    expect((await agent.get(`/request/${d}/postcode`)).headers.location).toBe(`/request/${d}/confirmation`);

    // Create an account from the emailed one-time link.
    const asked = await agent.post(`/request/${d}/create-account`, { email: 'alex@example.com' }, { csrf: await agent.csrf(`/request/${d}/create-account`) });
    expect(asked.body).toContain('Check your email');
    const link = (await t.adminDb.selectFrom('outbox').select('body').where('template', '=', 'confirm-email').executeTakeFirstOrThrow()).body;
    const path = new URL(/https?:\/\/\S+/.exec(link)![0]).pathname;
    const form = await agent.get(path);
    expect(form.body).toContain('Choose a password');
    const short = await agent.post(path, { password: 'short', confirmPassword: 'short' }, { csrf: await agent.csrf(path) });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Password must be 12 characters or more');
    const made = await agent.post(path, { password: 'A-long-family-password', confirmPassword: 'A-long-family-password' }, { csrf: await agent.csrf(path) });
    expect(made.body).toContain('Account created');
    expect((await agent.get(path)).statusCode).toBe(404); // the link works once

    const family = new Agent(app);
    await family.signIn('alex@example.com', 'A-long-family-password');
    const home = await family.get('/family');
    expect(home.body).toContain('Sam');
    expect(home.body).toContain(c.reference);
  });

  it('says the answers cannot be found for an unknown or malformed draft', async () => {
    for (const url of ['/request/00000000-0000-4000-8000-000000000000/postcode', '/request/nonsense/postcode']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('We cannot find your answers');
    }
  });

  it('shows the messages in the development mailbox', async () => {
    const res = await app.inject('/dev/mailbox?to=alex@example.com');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We have received your request for an EHC needs assessment for Sam');
  });
});
