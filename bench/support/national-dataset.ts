import path from 'node:path';
import pg from 'pg';
import { seedNational } from '../../src/modules/demo-area/index.ts';
export { DEMO_PASSWORD } from '../../src/modules/demo-area/index.ts';
import { withDatabase } from '../../src/platform/db/database-url.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/platform/db/embedded-postgres.ts';
import { ensureDatabase, openDatabase, type DatabaseHandle } from '../../src/platform/db/open-database.ts';
import { BENCH_APP_PASSWORD, freePort } from './bench-database.ts';

/**
 * The national benchmark datasets, built once and kept: database `opensend_bench_national_v1_s<N>`
 * (N = scale × 1000) on a persistent embedded PostgreSQL in .data/bench-national/, or on
 * BENCH_NATIONAL_DATABASE_URL's server when given (its own server: the migrator sets the app role's
 * password, which is cluster-wide, so do not point it at a server whose tests use another one). A marker table records the version, scale and day it
 * was generated as of; a missing or different marker (an interrupted build, a new DATASET_VERSION)
 * means the database is dropped and rebuilt. Pending migrations are applied on every open, so new
 * tables and indexes reach the kept data without a rebuild.
 *
 * Scales used: 1 (England, ~640,000 plans), 0.1 (~64,000) and 0.01 (~6,400).
 */
export const DATASET_VERSION = 1;
/** The day every bench dataset is generated as of: fixed, so rebuilt datasets are identical. */
export const DATASET_TODAY = '2026-11-01';

export interface NationalDataset extends DatabaseHandle {
  scale: number;
  /** How long this run spent building it (0 when it was reused). */
  buildMs: number;
}

let embedded: Promise<EmbeddedPostgres> | undefined;
let embeddedUsers = 0;

async function serverUrl(): Promise<string> {
  if (process.env.BENCH_NATIONAL_DATABASE_URL) return process.env.BENCH_NATIONAL_DATABASE_URL;
  embedded ??= freePort().then((port) => startEmbeddedPostgres({ dataDir: path.resolve('.data', 'bench-national'), port }));
  return (await embedded).adminUrl;
}

export function datasetName(scale: number): string {
  return `opensend_bench_national_v${DATASET_VERSION}_s${Math.round(scale * 1000)}`;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function isComplete(url: string, scale: number): Promise<boolean> {
  try {
    const rows = await query<{ version: number; scale: string; today: string }>(url, 'select version, scale::text, today::text from bench_dataset');
    return rows.length === 1 && rows[0]!.version === DATASET_VERSION && Number(rows[0]!.scale) === scale && rows[0]!.today === DATASET_TODAY;
  } catch {
    return false;
  }
}

/** Opens (building first if needed) the national dataset at `scale`, as the app would see it. */
export async function openNationalDataset(scale: number, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<NationalDataset> {
  const server = await serverUrl();
  if (!process.env.BENCH_NATIONAL_DATABASE_URL) embeddedUsers += 1;
  const name = datasetName(scale);
  const url = withDatabase(server, name);
  const exists = (await query(withDatabase(server, 'postgres'), 'select 1 from pg_database where datname = $1', [name])).length > 0;
  let buildMs = 0;
  if (!exists || !(await isComplete(url, scale))) {
    log(`bench: building ${name} (scale ${scale}); kept for later runs`);
    if (exists) await query(withDatabase(server, 'postgres'), `drop database ${name} with (force)`);
    await ensureDatabase(server, name);
  }
  const handle = await openDatabase({ databaseUrl: url, dataDir: '.data/bench-national', embeddedPort: 0, appRolePassword: BENCH_APP_PASSWORD });
  if (!(await isComplete(url, scale))) {
    const started = performance.now();
    const result = await seedNational({ adminUrl: url, scale, today: DATASET_TODAY, reset: true });
    await query(url, 'create table if not exists bench_dataset (version int not null, scale numeric not null, today date not null, built_at timestamptz not null default now())');
    await query(url, 'delete from bench_dataset');
    await query(url, 'insert into bench_dataset (version, scale, today) values ($1, $2, $3)', [DATASET_VERSION, scale, DATASET_TODAY]);
    buildMs = Math.round(performance.now() - started);
    log(`bench: ${name} built in ${(buildMs / 1000).toFixed(0)} s: ${result.plansInPlace} plans, ${result.counts.caseEvents} events`);
  }
  return {
    ...handle,
    scale,
    buildMs,
    async close() {
      await handle.close();
      if (!process.env.BENCH_NATIONAL_DATABASE_URL && embedded && --embeddedUsers === 0) {
        await (await embedded).stop();
        embedded = undefined;
      }
    },
  };
}

/** Plans in place in one dataset (cases whose final plan was issued), counted as the owner. */
export async function plansIn(dataset: NationalDataset): Promise<number> {
  const rows = await query<{ n: string }>(dataset.adminUrl, `select count(distinct case_id) as n from case_events where type = 'final-plan-issued'`);
  return Number(rows[0]?.n ?? 0);
}
