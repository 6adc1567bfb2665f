import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisDb, readForAnalysis, readWithTenant, withTenant } from '../../src/platform/db/connection.ts';
import { withDatabase } from '../../src/platform/db/database-url.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/platform/db/embedded-postgres.ts';
import { ensureDatabase, openDatabase, type DatabaseHandle } from '../../src/platform/db/open-database.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { hashPassword } from '../../src/platform/identity/passwords.ts';
import { buildApp, PROJECT_ROOT } from '../../src/main.ts';
import { seedNational } from '../../src/modules/demo-area/index.ts';
import { Agent, TEST_PASSWORD } from '../support/test-app.ts';
import { freePort } from '../../bench/support/bench-database.ts';

/**
 * DATABASE_REPLICA_URL on two real PostgreSQL servers in streaming replication, both started here
 * from the embedded binaries: a primary, stopped cleanly and copied (a cold base backup, since the
 * embedded package ships no pg_basebackup), the copy started as a hot standby streaming from it.
 */
const APP_PASSWORD = 'opensend-replica-test-password';
let root: string;
let primary: EmbeddedPostgres | undefined;
let replica: EmbeddedPostgres | undefined;
let handle: DatabaseHandle | undefined;
let primaryUrl: string;
let replicaUrl: string;

async function admin<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const lsn = (await admin<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn'))[0]!.lsn;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const behind = (await admin<{ behind: boolean }>(replicaUrl, 'select pg_last_wal_replay_lsn() < $1::pg_lsn as behind', [lsn]))[0]!.behind;
    if (!behind) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the replica did not catch up within 60 s');
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-replica-'));
  fs.chmodSync(root, 0o755);
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort });
  await ensureDatabase(primary.adminUrl, 'opensend');
  primaryUrl = withDatabase(primary.adminUrl, 'opensend');
  const migrated = await openDatabase({ databaseUrl: primaryUrl, dataDir: primaryDir, embeddedPort: primaryPort, appRolePassword: APP_PASSWORD });
  await migrated.close();
  await primary.stop();

  // The cold copy becomes the standby: same cluster, told where to stream from.
  fs.cpSync(primaryDir, replicaDir, { recursive: true });
  for (const f of [path.join(replicaDir, 'opensend.lock'), path.join(replicaDir, 'pg', 'postmaster.pid')]) fs.rmSync(f, { force: true });
  const superPassword = fs.readFileSync(path.join(primaryDir, 'superuser-password'), 'utf8').trim();
  fs.writeFileSync(path.join(replicaDir, 'pg', 'standby.signal'), '');
  fs.appendFileSync(
    path.join(replicaDir, 'pg', 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${superPassword} application_name=opensend_replica'\nhot_standby = on\n`,
  );
  primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort });
  replica = await startEmbeddedPostgres({ dataDir: replicaDir, port: replicaPort });
  replicaUrl = withDatabase(replica.adminUrl, 'opensend');
  handle = await openDatabase({ databaseUrl: primaryUrl, replicaUrl, dataDir: primaryDir, embeddedPort: primaryPort, appRolePassword: APP_PASSWORD, runMigrations: false });
  await seedNational({ adminUrl: primaryUrl, scale: 1, today: '2026-03-02', laCodes: ['201'] });
  await caughtUp();
}, 240_000);

afterAll(async () => {
  await handle?.close();
  await replica?.stop();
  await primary?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('read replica routing', () => {
  it('streams: the replica is in recovery and attached to the primary', async () => {
    const [standby] = await admin<{ state: string }>(primaryUrl, `select state from pg_stat_replication where application_name = 'opensend_replica'`);
    expect(standby?.state).toBe('streaming');
  });

  it('analysis reads go to the replica; casework reads and every write go to the primary', async () => {
    const db = handle!.db;
    const inRecovery = async (q: typeof db): Promise<boolean> => (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(q)).rows[0]!.r;
    expect(await inRecovery(analysisDb(db))).toBe(true);
    expect(await readForAnalysis(db, { laCodes: ['201'] }, inRecovery)).toBe(true);
    expect(await inRecovery(db)).toBe(false);
    expect(await readWithTenant(db, { laCodes: ['201'] }, inRecovery)).toBe(false);
    expect(await withTenant(db, { laCodes: ['201'] }, inRecovery)).toBe(false);

    // The same tenancy rules hold on the replica: the app role sees only its council's rows.
    const count = (q: typeof db): Promise<number> => q.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    const cityCases = await readForAnalysis(db, { laCodes: ['201'] }, count);
    expect(cityCases).toBeGreaterThan(20);
    expect(await readForAnalysis(db, { laCodes: ['857'] }, count)).toBe(0);

    // A write through the application lands on the primary and streams to the replica.
    const child = await withTenant(db, { laCodes: ['201'] }, (tx) =>
      tx.insertInto('children').values({ la_code: '201', given_name: 'Replica', family_name: 'Test', date_of_birth: '2016-01-01' }).returning('id').executeTakeFirstOrThrow(),
    );
    await caughtUp();
    const seen = await readForAnalysis(db, { laCodes: ['201'] }, (q) => q.selectFrom('children').select('id').where('id', '=', child.id).executeTakeFirst());
    expect(seen?.id).toBe(child.id);
    // The replica refuses writes, so nothing can be written there by mistake.
    await expect(readForAnalysis(db, { laCodes: ['201'] }, (q) => q.deleteFrom('children').where('id', '=', child.id).execute())).rejects.toThrow(/read-only/);
  });

  it('the national dashboard reads from the replica: while replay is paused it does not see new councils', async () => {
    const email = 'analyst@replica.opensend.test';
    const [user] = await admin<{ id: string }>(primaryUrl, `insert into users (email, display_name, password_hash) values ($1, 'Replica Analyst', $2) returning id`, [email, await hashPassword(TEST_PASSWORD)]);
    await admin(primaryUrl, `insert into user_roles (user_id, role, la_code) values ($1, 'national-analyst', null)`, [user!.id]);
    await caughtUp();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, PROJECT_ROOT);
    const app = await buildApp({ config, db: handle!.db, logger: createLogger('silent') });
    try {
      const agent = new Agent(app);
      await agent.signIn(email);
      const before = await agent.get('/national?year=2025');
      expect(before.statusCode).toBe(200);
      expect(before.body).toContain('City of London');
      expect(before.body).not.toContain('Rutland');

      await admin(replicaUrl, 'select pg_wal_replay_pause()');
      await seedNational({ adminUrl: primaryUrl, scale: 0.05, today: '2026-03-02', laCodes: ['857'] });
      const n = (await admin<{ n: string }>(primaryUrl, `select count(*) as n from cases where la_code = '857'`))[0]!.n;
      expect(Number(n)).toBeGreaterThan(0);
      const paused = await agent.get('/national?year=2025');
      expect(paused.statusCode).toBe(200);
      expect(paused.body).not.toContain('Rutland');

      await admin(replicaUrl, 'select pg_wal_replay_resume()');
      await caughtUp();
      const after = await agent.get('/national?year=2025');
      expect(after.body).toContain('Rutland');
    } finally {
      await admin(replicaUrl, 'select pg_wal_replay_resume()').catch(() => undefined);
      await app.close();
    }
  }, 120_000);
});
