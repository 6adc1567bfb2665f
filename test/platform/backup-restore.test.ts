import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { verifyAuditChains } from '../../src/platform/audit/audit-verify.ts';
import { compareDatabases, restoreBackup, RestoreRefusedError, verifyAgainstBackup } from '../../src/platform/backup/restore-backup.ts';
import { writeBackup } from '../../src/platform/backup/write-backup.ts';
import { withTenant } from '../../src/platform/db/connection.ts';
import { withDatabase } from '../../src/platform/db/database-url.ts';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.ts';
import { ensureDatabase, runMigrations } from '../../src/platform/db/open-database.ts';
import { PROJECT_ROOT } from '../../src/main.ts';
import { addCouncils, addUser } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { TEST_APP_PASSWORD } from '../support/test-constants.ts';

/** The restore drill: seed, back up, restore into a fresh database, prove it equal; then tamper. */
const CHILD = '00000000-0000-0000-0000-0000000000a1';
const CASE = '00000000-0000-0000-0000-0000000000c1';

async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = inject('pgServerUrl');
  const name = `opensend_restore_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  return {
    url: withDatabase(server, name),
    async drop() {
      const d = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

function captureIo(env: Record<string, string | undefined>): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdin: process.stdin, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: PROJECT_ROOT, env, out, err };
}

describe('backup and restore drill (external PostgreSQL or the test server)', () => {
  let source: TestDatabase;
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-backup-'));
  const file = path.join(dir, 'drill.gz');

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await emptyDatabase();
    await addCouncils(source, '370', '886');
    const user = await addUser(source, 'ehc-coordinator', '370');
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values ('370', ${CHILD}, 'Ada', 'Tab\tand\\back', '2016-05-01')`.execute(source.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values ('370', ${CASE}, ${CHILD}, 'EHC-1', '2026-01-05')`.execute(source.adminDb);
    await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values ('370', ${CASE}, 1, 'request-received', '2026-01-05', ${JSON.stringify({ source: 'parent', note: 'line one\nline two «ü»' })})`.execute(source.adminDb);
    await sql`insert into documents (la_code, case_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by)
      values ('370', ${CASE}, 'advice', 'advice.pdf', 'application/pdf', 4, ${'0'.repeat(64)}, ${Buffer.from([0, 92, 10, 255])}, ${user.id})`.execute(source.adminDb);
    for (let i = 0; i < 5; i++) {
      await withTenant(source.db, { laCodes: ['370'] }, (tx) => tx.insertInto('audit_events').values({ la_code: '370', action: 'view', record_type: 'case', record_id: CASE, child_id: CHILD }).execute());
    }
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with every table equal in row count and content hash', async () => {
    // Seal the audit events into the chain first (the service's background sealer would), so the
    // verification below has nothing left to seal on either side.
    expect((await verifyAuditChains(source.adminUrl)).problems).toEqual([]);
    const backup = await writeBackup(source.adminUrl, file);
    expect(backup.rows).toBeGreaterThan(10);
    const restored = await restoreBackup(target.url, file, { appRolePassword: TEST_APP_PASSWORD });
    expect(restored.comparison.ok).toBe(true);
    const live = await compareDatabases(source.adminUrl, target.url);
    expect(live.lines.filter((l) => !l.matches)).toEqual([]);
    expect(live.lines.find((l) => l.table === 'documents')?.actualRows).toBe(1);
    // The audit chain comes back exactly as saved (triggers were off while loading), so it verifies.
    expect((await verifyAuditChains(target.url)).problems).toEqual([]);
  });

  it('fails verification when one row of the restored copy is altered', async () => {
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    await c.query(`update case_events set data = data || '{"x":1}'`);
    await c.end();
    const live = await compareDatabases(source.adminUrl, target.url);
    expect(live.ok).toBe(false);
    expect(live.lines.filter((l) => !l.matches).map((l) => l.table)).toEqual(['case_events']);
    const againstFile = await verifyAgainstBackup(target.url, file);
    expect(againstFile.lines.filter((l) => !l.matches).map((l) => l.table)).toEqual(['case_events']);
  });

  it('refuses to restore over a database that holds data, unless forced', async () => {
    await expect(restoreBackup(target.url, file, { appRolePassword: TEST_APP_PASSWORD })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(target.url, file, { appRolePassword: TEST_APP_PASSWORD })).rejects.toThrow(/not empty.*--force/);
    const forced = await restoreBackup(target.url, file, { force: true, appRolePassword: TEST_APP_PASSWORD });
    expect(forced.comparison.ok).toBe(true);
    expect((await compareDatabases(source.adminUrl, target.url)).ok).toBe(true);
    // New audit events continue the restored chain, and the identity sequence moved past the restored ids.
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    await c.query(`insert into audit_events (la_code, action, record_type, record_id) values ('370', 'view', 'case', 'x')`);
    await c.end();
    expect(await verifyAuditChains(target.url)).toMatchObject({ events: 6, problems: [] });
  });

  it('runs as `opensend backup`, `opensend backup verify` and `opensend restore` with clear messages and exit codes', async () => {
    const env = { DATABASE_URL: source.adminUrl, DATABASE_APP_PASSWORD: TEST_APP_PASSWORD, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const cliFile = path.join(dir, 'cli.gz');
    const io = captureIo(env);
    expect(await main(['backup', '--out', cliFile], io)).toBe(0);
    expect(io.out.join('\n')).toMatch(/Backed up \d+ rows in \d+ tables/);
    const verify = captureIo(env);
    expect(await main(['backup', 'verify', cliFile], verify)).toBe(0);
    expect(verify.out.at(-1)).toMatch(/^Verified: all \d+ tables match/);
    const refused = captureIo(env);
    expect(await main(['restore', cliFile], refused)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/not empty.*--force/);
    const notAFile = captureIo(env);
    expect(await main(['restore', path.join(dir, 'missing.gz')], notAFile)).toBe(1);
    expect(notAFile.err.join('\n')).toMatch(/no backup file/);
    expect(await main(['restore'], captureIo(env))).toBe(2);
    fs.writeFileSync(path.join(dir, 'junk.gz'), 'not a backup');
    const junk = captureIo(env);
    expect(await main(['restore', path.join(dir, 'junk.gz')], junk)).toBe(1);
    expect(junk.err.join('\n')).toMatch(/not a complete OpenSEND backup|not an OpenSEND backup/);
  });
});

describe('backup and restore with the embedded PostgreSQL (what `npm start` runs)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-embedded-backup-'));
  fs.chmodSync(root, 0o755);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('backs up one embedded data directory and restores it into another, verified table by table', async () => {
    const port = 56000 + Math.floor(Math.random() * 2000);
    const source = path.join(root, 'a');
    const env = (dataDir: string) => ({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), DATABASE_APP_PASSWORD: TEST_APP_PASSWORD, NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_START: 'false' });
    // Seed the source through the same launcher the service uses.
    const pgA = await startEmbeddedPostgres({ dataDir: source, port });
    try {
      await ensureDatabase(pgA.adminUrl, 'opensend');
      const url = withDatabase(pgA.adminUrl, 'opensend');
      await runMigrations(url, TEST_APP_PASSWORD);
      const c = new pg.Client({ connectionString: url });
      c.on('error', () => undefined);
      await c.connect();
      await c.query(`insert into councils values ('370', 'E08000016', 'Barnsley', 'E12000003', 'Yorkshire and The Humber')`);
      await c.query(`insert into children (la_code, id, given_name, family_name, date_of_birth) values ('370', $1, 'Ada', 'Lovelace', '2016-05-01')`, [CHILD]);
      await c.query(`insert into audit_events (la_code, action, record_type, record_id, child_id) values ('370', 'view', 'child', $1, $2)`, [CHILD, CHILD]);
      await c.end();
    } finally {
      await pgA.stop();
    }
    const file = path.join(root, 'embedded.gz');
    const backup = captureIo(env(source));
    expect(await main(['backup', '--out', file], backup)).toBe(0);
    const restore = captureIo(env(path.join(root, 'b')));
    expect(await main(['restore', file], restore)).toBe(0);
    expect(restore.out.at(-1)).toMatch(/^Verified: all \d+ tables match/);
    expect(restore.out.join('\n')).toMatch(/children\s+1\s+1\s+same/);
    const again = captureIo(env(path.join(root, 'b')));
    expect(await main(['restore', file], again)).toBe(1);
    expect(again.err.join('\n')).toMatch(/not empty/);
  }, 240_000);
});
