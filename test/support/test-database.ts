import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/platform/db/connection.ts';
import { withCredentials, withDatabase } from '../../src/platform/db/database-url.ts';
import { APP_ROLE } from '../../src/platform/db/open-database.ts';
import { TEST_APP_PASSWORD } from './test-constants.ts';

export interface TestDatabase {
  /** Owner connection string: seeding and assertions that must see every council. */
  adminUrl: string;
  /** The application's role: row-level security applies, exactly as in production. */
  appUrl: string;
  db: Db;
  adminDb: Db;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('pgTemplate');
  const name = `${template.replace('tmpl', 'test')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const adminUrl = withDatabase(serverUrl, name);
  const appUrl = withCredentials(adminUrl, APP_ROLE, TEST_APP_PASSWORD);
  const app = createDb(appUrl, { max: 5 });
  const owner = createDb(adminUrl, { max: 3 });
  return {
    adminUrl,
    appUrl,
    db: app.db,
    adminDb: owner.db,
    async drop() {
      await app.db.destroy();
      await owner.db.destroy();
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
