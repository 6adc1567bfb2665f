import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database-types.ts';

// Date-only columns stay 'YYYY-MM-DD' strings: the domain has no time zones, and a JS Date would
// shift a date of birth by a day somewhere.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// bigint counts fit comfortably in a double for our sizes; keep them numbers for arithmetic.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export function createDb(url: string, options: { max?: number } = {}): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, idleTimeoutMillis: 10_000 });
  // A broken idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => undefined);
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/**
 * Who a transaction acts for. Row-level security reads `app.la_codes`: rows of any other council
 * are invisible, whatever the query says.
 */
export interface TenantScope {
  laCodes: readonly string[];
  userId?: string | undefined;
}

export async function withTenant<T>(db: Db, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.la_codes', ${scope.laCodes.join(',')}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`.execute(
      tx,
    );
    return fn(tx);
  });
}
