import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './database-types.ts';
import type { TenantScope } from './tenant-scope.ts';

type Db = Kysely<Database>;

/**
 * Reads that cost one round trip per statement. A separate pool of app-role connections, each
 * remembering the tenancy it was last set to at session level: a read for the same councils reuses
 * the connection as it is, a read for other councils first resets it. The general pool never
 * carries a session-level scope, so any query that forgets its scope there still sees no rows.
 *
 * No transaction is opened. A read followed by its audit insert is safe without one: if the audit
 * insert fails, the handler throws before anything is sent, so nobody sees an unaudited record.
 */
const SCOPE = Symbol('opensend.scope');
const BOUND = Symbol('opensend.bound-kysely');
type ScopedClient = pg.PoolClient & { [SCOPE]?: string; [BOUND]?: Db };

const readPools = new WeakMap<Db, pg.Pool>();

export function registerReadPool(db: Db, pool: pg.Pool): void {
  readPools.set(db, pool);
}

const LA_CODES = /^\d{3}(,\d{3})*$|^$/;

export async function readWithTenant<T>(db: Db, scope: TenantScope, fn: (db: Db) => Promise<T>): Promise<T> {
  const pool = readPools.get(db);
  if (!pool) throw new Error('readWithTenant: this database handle has no read pool (createDb registers one).');
  const key = scope.laCodes.join(',');
  if (!LA_CODES.test(key)) throw new Error('readWithTenant: malformed council scope.');
  const client = (await pool.connect()) as ScopedClient;
  let healthy = true;
  try {
    if (client[SCOPE] !== key) {
      await client.query(`select set_config('app.la_codes', $1, false)`, [key]);
      client[SCOPE] = key;
    }
    // One Kysely per pooled connection, made once: building it per read cost more than the read.
    client[BOUND] ??= new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined } as unknown as pg.Pool,
      }),
    });
    return await fn(client[BOUND]);
  } catch (e) {
    healthy = false;
    throw e;
  } finally {
    // A connection that saw an error may be in an unknown state: drop it rather than reuse it.
    client.release(!healthy);
  }
}

/**
 * The read replica, when DATABASE_REPLICA_URL is set: dashboards, exports and reports (aggregate,
 * read-only, a few seconds' lag acceptable) go there, so analysis never competes with casework on
 * the primary. Without a replica it is the primary itself, so callers need no second code path.
 * Never write through it (the replica refuses) and never read your own just-made write from it.
 */
const analysisDbs = new WeakMap<Db, Db>();

export function registerAnalysisDb(primary: Db, replica: Db): void {
  analysisDbs.set(primary, replica);
}

export function analysisDb(db: Db): Db {
  return analysisDbs.get(db) ?? db;
}

/** readWithTenant on the replica (or the primary when there is none). */
export async function readForAnalysis<T>(db: Db, scope: TenantScope, fn: (db: Db) => Promise<T>): Promise<T> {
  return readWithTenant(analysisDb(db), scope, fn);
}
