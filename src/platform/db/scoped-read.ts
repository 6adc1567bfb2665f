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
type ScopedClient = pg.PoolClient & { [SCOPE]?: string };

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
    const bound = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined } as unknown as pg.Pool,
      }),
    });
    return await fn(bound);
  } catch (e) {
    healthy = false;
    throw e;
  } finally {
    // A connection that saw an error may be in an unknown state: drop it rather than reuse it.
    client.release(!healthy);
  }
}
