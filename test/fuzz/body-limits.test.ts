import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config/config.ts';
import { FORM_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES } from '../../src/platform/web/body-limits.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Request size limits: set explicitly, refused with 413 and a GOV.UK page (or a JSON reason on the
 * API), and the upload limit configurable with MAX_UPLOAD_BYTES.
 */
const UPLOAD_LIMIT = 4096;
let t: TestDatabase;
let app: FastifyInstance;
let senco: { email: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await addCouncils(t, '370');
  senco = await addUser(t, 'setting-senco', '370');
  app = await createTestApp(t, { MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT) });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A multipart body by hand, as a browser would send it. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }): { payload: Buffer; contentType: string } {
  const boundary = '----opensend-limits-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('MAX_UPLOAD_BYTES', () => {
  it('defaults to 10 MB and accepts 1 KB to 100 MB', () => {
    expect(loadConfig({}, '/tmp').maxUploadBytes).toBe(10 * 1024 * 1024);
    expect(loadConfig({ MAX_UPLOAD_BYTES: '2048' }, '/tmp').maxUploadBytes).toBe(2048);
    for (const bad of ['10', 'lots', String(200 * 1024 * 1024), '1.5e3x']) {
      expect(() => loadConfig({ MAX_UPLOAD_BYTES: bad }, '/tmp'), bad).toThrow(ConfigError);
    }
  });
});

describe('body limits', () => {
  it('refuses a form larger than the form limit with 413 and a GOV.UK page', async () => {
    const agent = new Agent(app);
    const csrf = await agent.csrf();
    const big = 'x'.repeat(FORM_BODY_LIMIT_BYTES + 10);
    const res = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: `_csrf=${csrf}&email=a%40b.test&password=${big}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('govuk-footer');
    expect(res.body).toContain('What you sent is too large for this service');
    expect(res.body).not.toContain(big.slice(0, 100));
  });

  it('accepts a form just under the limit (and answers it normally)', async () => {
    const agent = new Agent(app);
    const res = await agent.post('/sign-in', { email: 'not-an-email', password: 'y'.repeat(FORM_BODY_LIMIT_BYTES - 1024) });
    expect(res.statusCode).toBe(400);
  });

  it('refuses a JSON body larger than the JSON limit with 413 and a reason', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/cases/00000000-0000-4000-8000-000000000000/plan',
      payload: JSON.stringify({ padding: 'z'.repeat(JSON_BODY_LIMIT_BYTES + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'The request body is too large: the limit is 1MB.' });
  });

  it('says a file over MAX_UPLOAD_BYTES is too large, on the form, keeping what was typed', async () => {
    const agent = new Agent(app);
    await agent.signIn(senco.email);
    const csrf = await agent.csrf('/setting-request');
    const start = await agent.post('/setting-request', {}, { csrf });
    expect(start.statusCode).toBe(303);
    const draft = /\/setting-request\/([0-9a-f-]{36})\//.exec(String(start.headers.location))![1]!;
    const form = multipart({ _csrf: csrf, action: 'upload', providedSupport: 'Typed before the upload' }, { name: 'big.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(UPLOAD_LIMIT * 2, 0x20)]) });
    const res = await app.inject({
      method: 'POST',
      url: `/setting-request/${draft}/evidence`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The selected file must be smaller than 4KB');
    expect(res.body).toContain('Typed before the upload');
    const stored = await t.adminDb.selectFrom('documents').select('id').where('request_draft_id', '=', draft).execute();
    expect(stored).toEqual([]);
  });

  it('refuses a multipart form with too many parts with 413', async () => {
    const agent = new Agent(app);
    await agent.signIn(senco.email);
    const csrf = await agent.csrf('/setting-request');
    const start = await agent.post('/setting-request', {}, { csrf });
    const draft = /\/setting-request\/([0-9a-f-]{36})\//.exec(String(start.headers.location))![1]!;
    const fields: Record<string, string> = { _csrf: csrf };
    for (let i = 0; i < 80; i++) fields[`f${i}`] = 'v';
    const form = multipart(fields);
    const res = await app.inject({
      method: 'POST',
      url: `/setting-request/${draft}/evidence`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('What you sent is too large for this service');
  });
});
