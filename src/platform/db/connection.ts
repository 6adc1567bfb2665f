import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database-types.ts';
import { PreparingClient } from './prepared-statements.ts';
import { registerAnalysisDb, registerReadPool } from './scoped-read.ts';
import type { TenantScope } from './tenant-scope.ts';

// Date-only columns stay 'YYYY-MM-DD' strings: the domain has no time zones, and a JS Date would
// shift a date of birth by a day somewhere.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// bigint counts fit comfortably in a double for our sizes; keep them numbers for arithmetic.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/**
 * `replicaUrl`: an app-role connection string to a streaming replica. Dashboards, exports and
 * reports read through `analysisDb(db)` / `readForAnalysis` and land there; everything else, and
 * every write, stays on `url` (the primary). See docs/adr/0014-read-replica.md.
 */
export function createDb(url: string, options: { max?: number; replicaUrl?: string | undefined } = {}): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, idleTimeoutMillis: 10_000, Client: PreparingClient });
  // A broken idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Reads get their own pool of scope-remembering connections (see scoped-read.ts). As large as the
  // main pool: under load most requests are reads, and a read waiting for a connection is latency.
  const readPool = new pg.Pool({ connectionString: url, max: options.max ?? 10, idleTimeoutMillis: 10_000, Client: PreparingClient });
  readPool.on('error', () => undefined);
  registerReadPool(db, readPool);
  const replica = options.replicaUrl ? createDb(options.replicaUrl, { max: options.max }).db : undefined;
  if (replica) registerAnalysisDb(db, replica);
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await destroy();
    await readPool.end().catch(() => undefined);
    await replica?.destroy();
  };
  return { db, pool };
}

export type { TenantScope } from './tenant-scope.ts';
export { analysisDb, readForAnalysis, readWithTenant } from './scoped-read.ts';

export async function withTenant<T>(db: Db, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.la_codes', ${scope.laCodes.join(',')}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`.execute(
      tx,
    );
    return fn(tx);
  });
}
