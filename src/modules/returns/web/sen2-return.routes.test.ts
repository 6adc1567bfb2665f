import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, addUser, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { seedLocalArea } from '../../demo-area/index.ts';

const LA = '857';
let t: TestDatabase;
let app: FastifyInstance;
let manager: { email: string };
let caseworker: { email: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedLocalArea({ adminUrl: t.adminUrl, laCode: LA, seed: 3, today: '2026-02-01' });
  manager = await addUser(t, 'send-manager', LA);
  caseworker = await addUser(t, 'ehc-coordinator', LA);
  app = await createTestApp(t);
}, 120_000);
afterAll(async () => { await app?.close(); await t?.drop(); });

describe('GET /returns/sen2', () => {
  it('shows the reference date form to a SEND manager', async () => {
    const a = new Agent(app);
    await a.signIn(manager.email);
    const res = await a.get('/returns/sen2');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Reference date (the January census day)');
  });

  it('says what is wrong with a date outside January', async () => {
    const a = new Agent(app);
    await a.signIn(manager.email);
    const res = await a.get('/returns/sen2?day=31&month=3&year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Enter a real date in January for the reference date');
  });

  it('runs the check: findings grouped by child, each linked to the case, and audited', async () => {
    const a = new Agent(app);
    await a.signIn(manager.email);
    const res = await a.get('/returns/sen2?day=15&month=1&year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/\d+ people are in the return/);
    expect(res.body).toMatch(/href="\/cases\/[0-9a-f-]{36}\/record"/);
    expect(res.body).toContain('Download the SEN2 file (XML)');
  });

  it('streams the XML download and records it as an export', async () => {
    const a = new Agent(app);
    await a.signIn(manager.email);
    const res = await a.get('/returns/sen2/download?day=15&month=1&year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    expect(res.headers['content-disposition']).toContain(`SEN2_${LA}_2026-01-15.xml`);
    expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message>')).toBe(true);
    expect(res.body.trimEnd().endsWith('</Message>')).toBe(true);
    expect(res.body).toContain(`<LEA>${LA}</LEA>`);
    const c = new pg.Client({ connectionString: t.adminUrl });
    await c.connect();
    const audit = await c.query(`select 1 from audit_events where la_code = $1 and action = 'export' and record_type = 'sen2-return'`, [LA]);
    await c.end();
    expect(audit.rowCount).toBe(1);
  });

  it('is not for an EHC coordinator', async () => {
    const a = new Agent(app);
    await a.signIn(caseworker.email);
    expect((await a.get('/returns/sen2')).statusCode).toBe(403);
    expect((await a.get('/returns/sen2/download?day=15&month=1&year=2026')).statusCode).toBe(403);
  });
});
