import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../../src/platform/db/database-url.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/platform/db/embedded-postgres.ts';
import { runMigrations } from '../../src/platform/db/open-database.ts';
import { TEST_APP_PASSWORD } from './test-constants.ts';

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL when given (CI's server at 5432),
 * otherwise the embedded server, exactly as `npm start` runs it. A template database is migrated
 * once; every test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

let embedded: EmbeddedPostgres | undefined;
let dataDir: string | undefined;
let serverUrl: string;
let template: string;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-test-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = embedded.adminUrl;
  }
  template = `opensend_tmpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();
  await runMigrations(withDatabase(serverUrl, template), TEST_APP_PASSWORD);
  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', template);
}

export async function teardown(): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const leftovers = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname = $1 or datname like $2`,
    [template, `${template.replace('tmpl', 'test')}%`],
  );
  for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`);
  await admin.end();
  await embedded?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
