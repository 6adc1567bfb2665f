import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb, type Db } from './connection.ts';
import { withCredentials, withDatabase } from './database-url.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { discoverMigrations, migrate } from './migrator.ts';

const SRC_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const APP_ROLE = 'opensend_app';

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  appRolePassword: string;
  /** A streaming replica of the same database (owner or any credentials: the app role is used). */
  replicaUrl?: string | undefined;
  /** Run pending migrations (the CLI's `serve` and `migrate` do; tests use a migrated template). */
  runMigrations?: boolean;
  onLog?: (message: string) => void;
}

export interface DatabaseHandle {
  /** The application's connection: role opensend_app, subject to row-level security. */
  db: Db;
  /** Owner/superuser connection string: migrations, seeding, bulk COPY and backups only. */
  adminUrl: string;
  appUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function runMigrations(adminUrl: string, appRolePassword: string): Promise<string[]> {
  return migrate(adminUrl, discoverMigrations(SRC_ROOT), { password: appRolePassword });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  let embedded: EmbeddedPostgres | undefined;
  let adminUrl: string;
  if (options.databaseUrl) {
    adminUrl = options.databaseUrl;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      port: options.embeddedPort,
      ...(options.onLog ? { onLog: options.onLog } : {}),
    });
    await ensureDatabase(embedded.adminUrl, 'opensend');
    adminUrl = withDatabase(embedded.adminUrl, 'opensend');
  }
  try {
    if (options.runMigrations !== false) await runMigrations(adminUrl, options.appRolePassword);
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  const appUrl = withCredentials(adminUrl, APP_ROLE, options.appRolePassword);
  const replicaUrl = options.replicaUrl ? withCredentials(options.replicaUrl, APP_ROLE, options.appRolePassword) : undefined;
  const { db } = createDb(appUrl, { max: 20, replicaUrl });
  return {
    db,
    adminUrl,
    appUrl,
    embedded: embedded !== undefined,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
