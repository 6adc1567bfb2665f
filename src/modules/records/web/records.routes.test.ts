import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import type { CliIo } from '../../../cli/cli-io.ts';
import { PROJECT_ROOT } from '../../../main.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { TEST_APP_PASSWORD } from '../../../../test/support/test-constants.ts';
import { seedChildEverywhere, type SeededChild } from '../records-test-world.ts';

const SETTING = '00000000-0000-0000-0000-0000000000e1';
const SETTING_886 = '00000000-0000-0000-0000-0000000000e2';

function captureIo(env: Record<string, string>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdin: process.stdin, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: PROJECT_ROOT, env, out, err };
}

describe('records routes and commands', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let manager: Agent;
  let coordinator: Agent;
  let child: SeededChild;
  let other: SeededChild;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    const m = await addUser(t, 'send-manager', '370');
    const c = await addUser(t, 'ehc-coordinator', '370');
    const k = await addUser(t, 'ehc-coordinator', '886');
    await sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to) values ('370', ${SETTING}, 'School', '01', 'mainstream', 'Primary', 4, 11), ('886', ${SETTING_886}, 'School', '01', 'mainstream', 'Primary', 4, 11)`.execute(t.adminDb);
    child = await seedChildEverywhere(t, '370', { dateOfBirth: '1990-01-01', reference: 'EHC-SAR', userId: m.id, settingId: SETTING, otherLa: '886' });
    other = await seedChildEverywhere(t, '886', { dateOfBirth: '1990-01-01', reference: 'EHC-KENT', userId: k.id, settingId: SETTING_886, otherLa: '370' });
    app = await createTestApp(t);
    manager = new Agent(app);
    coordinator = new Agent(app);
    await manager.signIn(m.email);
    await coordinator.signIn(c.email);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('downloads a subject access export as JSON and records it in the audit trail', async () => {
    const res = await manager.get(`/admin/subject-access/${child.childId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`subject-access-370-${child.childId}.json`);
    const bundle = JSON.parse(res.body) as { counts: Record<string, number>; notReadable: string[] };
    expect(bundle.notReadable).toEqual([]);
    // The application role cannot list request drafts (by design); every other table is there.
    for (const [table, n] of Object.entries(child.rows)) if (table !== 'request_drafts') expect(bundle.counts[table], table).toBe(n);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'export' and record_type = 'subject-access' and child_id = ${child.childId}`.execute(t.adminDb);
    expect(audit.rows[0]!.n).toBe(1);
    // By case reference, then a redirect to the download.
    const found = await manager.get('/admin/subject-access?reference=EHC-SAR');
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/admin/subject-access/${child.childId}`);
  });

  it('hides another council’s child, refuses other roles, and answers bad input with a reason, never a 500', async () => {
    expect((await manager.get(`/admin/subject-access/${other.childId}`)).statusCode).toBe(404);
    expect((await manager.get('/admin/subject-access/not-a-uuid')).statusCode).toBe(404);
    expect((await manager.get('/admin/subject-access?reference=EHC-KENT')).statusCode).toBe(400);
    expect((await coordinator.get(`/admin/subject-access/${child.childId}`)).statusCode).toBe(403);
    expect((await coordinator.get('/admin/records')).statusCode).toBe(403);
    const csrf = await manager.csrf('/admin/records');
    const long = await manager.post('/admin/records/holds', { reference: 'EHC-SAR', reason: 'x'.repeat(2001) }, { csrf });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('2000 characters or fewer');
    expect(long.body).toContain('value="EHC-SAR"');
    expect((await manager.post('/admin/records/holds', { reference: 'EHC-KENT', reason: 'Appeal' }, { csrf })).statusCode).toBe(400);
    expect((await manager.post('/admin/records/rules/everything', { 'years-everything': '5' }, { csrf })).statusCode).toBe(404);
    expect((await manager.post('/admin/records/rules/documents', { 'years-documents': '500', version: '0' }, { csrf })).statusCode).toBe(400);
    expect((await manager.post('/admin/records/holds/00000000-0000-0000-0000-000000000000/lift', { 'lift-00000000-0000-0000-0000-000000000000': 'Done' }, { csrf })).statusCode).toBe(404);
  });

  it('runs `opensend sar export` and `opensend retention run` with clear messages', async () => {
    const env = { DATABASE_URL: t.adminUrl, DATABASE_APP_PASSWORD: TEST_APP_PASSWORD, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-sar-'));
    try {
      const file = path.join(dir, 'sar.json');
      const sar = captureIo(env);
      expect(await main(['sar', 'export', '--la', '370', '--child', child.childId, '--out', file], sar)).toBe(0);
      const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as { counts: Record<string, number> };
      // As the owner the export includes the request drafts too.
      expect(bundle.counts.request_drafts).toBe(1);
      expect(sar.out.join('\n')).toMatch(/Wrote \d+ rows from \d+ tables/);
      const missing = captureIo(env);
      expect(await main(['sar', 'export', '--la', '370', '--child', other.childId, '--out', file], missing)).toBe(1);
      expect(missing.err.join('\n')).toContain('has no child with id');
      expect(await main(['sar', 'export', '--la', '37', '--child', child.childId, '--out', file], captureIo(env))).toBe(2);

      const dry = captureIo(env);
      expect(await main(['retention', 'run', '--la', '370', '--dry-run', '--today', '2026-06-01'], dry)).toBe(0);
      expect(dry.out.join('\n')).toContain(`Would delete the record of child ${child.childId}`);
      expect(dry.out.at(-1)).toMatch(/^Dry run: nothing deleted\. Would delete 1 record\(s\)/);
      const run = captureIo(env);
      expect(await main(['retention', 'run', '--la', '370', '--today', '2026-06-01'], run)).toBe(0);
      expect(run.out.at(-1)).toMatch(/^Deleted 1 record\(s\), \d+ row\(s\); 0 held record\(s\) skipped/);
      const left = await sql<{ n: number }>`select count(*)::int as n from children where id = ${child.childId}`.execute(t.adminDb);
      expect(left.rows[0]!.n).toBe(0);
      const bad = captureIo(env);
      expect(await main(['retention', 'run', '--la', '370', '--today', '2026-13-01'], bad)).toBe(2);
      expect(bad.err.join('\n')).toContain('--today must be a date');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
