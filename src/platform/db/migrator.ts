import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Plain SQL migrations, applied in file-name order, each once, each in its own transaction.
 * Migrations live with the module that owns the tables (`src/modules/<m>/infrastructure/migrations`)
 * and platform ones in `src/platform/db/migrations`; file names start with a global sequence number
 * (`0003-cases.sql`) so the order is unambiguous across modules. An edited migration that was already
 * applied is refused: history is not rewritten.
 */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function discoverMigrations(srcRoot: string): Migration[] {
  const dirs = [path.join(srcRoot, 'platform', 'db', 'migrations')];
  const modulesDir = path.join(srcRoot, 'modules');
  if (fs.existsSync(modulesDir)) {
    for (const m of fs.readdirSync(modulesDir).sort()) {
      dirs.push(path.join(modulesDir, m, 'infrastructure', 'migrations'));
    }
  }
  const files: Migration[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.sql')) continue;
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      files.push({ name: f, sql, checksum: createHash('sha256').update(sql).digest('hex') });
    }
  }
  files.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const f of files) {
    const seq = f.name.split('-')[0]!;
    if (!/^\d{4}$/.test(seq)) throw new MigrationError(`Migration ${f.name} must start with a four-digit sequence number.`);
    if (seen.has(seq)) throw new MigrationError(`Two migrations share the sequence number ${seq}.`);
    seen.add(seq);
  }
  return files;
}

/** Applies pending migrations as the owner role. Safe to run from several processes at once. */
export async function migrate(ownerUrl: string, migrations: Migration[], appRole: { password: string }): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`select pg_advisory_lock(hashtext('opensend-migrations'))`);
    await ensureAppRole(client, appRole.password);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) throw new MigrationError(`Migration ${m.name} was changed after it was applied.`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
        await client.query('commit');
        applied.push(m.name);
      } catch (e) {
        await client.query('rollback');
        throw new MigrationError(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
    await grantAppRole(client);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('opensend-migrations'))`).catch(() => undefined);
    await client.end();
  }
  return applied;
}

/**
 * The application connects as `opensend_app`: it owns nothing, cannot bypass row-level security and
 * cannot create anything. Roles are cluster-wide, so this is idempotent across databases.
 */
async function ensureAppRole(client: pg.Client, password: string): Promise<void> {
  const exists = await client.query(`select 1 from pg_roles where rolname = 'opensend_app'`);
  const literal = client.escapeLiteral(password);
  if (exists.rowCount === 0) {
    await client.query(`create role opensend_app login password ${literal} nosuperuser nobypassrls nocreatedb nocreaterole`).catch(
      async (e: Error) => {
        // Another database's migration may have created it at the same moment.
        if (!/already exists/.test(e.message)) throw e;
      },
    );
  } else {
    await client.query(`alter role opensend_app login password ${literal} nosuperuser nobypassrls`);
  }
}

async function grantAppRole(client: pg.Client): Promise<void> {
  await client.query(`grant usage on schema public to opensend_app`);
  await client.query(`grant select, insert, update, delete on all tables in schema public to opensend_app`);
  await client.query(`grant usage, select on all sequences in schema public to opensend_app`);
  // Append-only tables: the application may add and read, never change or remove.
  const appendOnly = await client.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and obj_description(('public.' || quote_ident(tablename))::regclass, 'pg_class') like '%append-only%'`,
  );
  for (const { tablename } of appendOnly.rows) {
    await client.query(`revoke update, delete on ${client.escapeIdentifier(tablename)} from opensend_app`);
  }
  await client.query(`revoke all on schema_migrations from opensend_app`);
}
