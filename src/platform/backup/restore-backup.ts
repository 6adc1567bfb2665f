import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { discoverMigrations, migrate } from '../db/migrator.ts';
import { BackupFileError } from './backup-format.ts';
import { openBackup } from './read-backup.ts';
import { listTables } from './table-catalogue.ts';
import { compareDigests, digestTables, type DigestComparison } from './table-digest.ts';

const SRC_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export class RestoreRefusedError extends Error {}

export interface RestoreResult {
  comparison: DigestComparison;
  tables: number;
  rows: number;
  createdAt: string;
}

/** Tables holding rows, other than the migrations' own bookkeeping: what "not empty" means. */
export async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const full: string[] = [];
  for (const t of await listTables(client)) {
    const r = await client.query(`select 1 from ${client.escapeIdentifier(t.name)} limit 1`);
    if (r.rowCount) full.push(t.name);
  }
  return full;
}

/**
 * Restores a backup into the database at adminUrl (owner credentials). The schema is rebuilt from
 * the migration files the backup names (the code must know each one, unchanged), then every table
 * is loaded in one transaction, so a restore that fails part-way leaves nothing half-loaded.
 * Triggers are off while loading (the audit hash chain must be restored as saved, not recomputed),
 * foreign keys stay on (tables load parents first). Finally every table's fingerprint is compared
 * with the one the backup recorded.
 */
export async function restoreBackup(adminUrl: string, file: string, options: { force?: boolean; appRolePassword: string }): Promise<RestoreResult> {
  const backup = await openBackup(file);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const known = new Map(discoverMigrations(SRC_ROOT).map((m) => [m.name, m]));
    const wanted = backup.header.migrations.map((m) => {
      const code = known.get(m.name);
      if (!code) throw new RestoreRefusedError(`The backup needs migration ${m.name}, which this version of OpenSEND does not have. Restore it with the version that made it (or newer).`);
      if (code.checksum !== m.checksum) throw new RestoreRefusedError(`Migration ${m.name} differs from the one the backup was made with; refusing to restore into a different schema.`);
      return code;
    });

    const occupied = await tablesWithRows(client);
    if (occupied.length && !options.force) {
      throw new RestoreRefusedError(
        `The target database is not empty (${occupied.length} table(s) hold rows, e.g. ${occupied.slice(0, 3).join(', ')}). Restoring would replace everything in it. Use --force if that is what you want.`,
      );
    }
    if (occupied.length) {
      // --force: start from nothing, so no table or function left over from another version survives.
      await client.query('drop schema public cascade; create schema public');
    }
    await migrate(adminUrl, wanted, { password: options.appRolePassword });

    const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
    const missing = backup.header.tables.filter((t) => !tables.has(t.name)).map((t) => t.name);
    if (missing.length) throw new BackupFileError(`The rebuilt schema lacks table(s) the backup holds: ${missing.join(', ')}.`);
    const ident = (n: string) => client.escapeIdentifier(n);

    await client.query('begin');
    // Migrations may have inserted reference rows; the backup holds the real ones.
    await client.query(`truncate ${[...tables.keys()].map(ident).join(', ')}`);
    for (const name of tables.keys()) await client.query(`alter table ${ident(name)} disable trigger user`);
    const columns = new Map(backup.header.tables.map((t) => [t.name, t.columns]));
    const manifest = await backup.readTables(async (name, lines) => {
      const cols = columns.get(name);
      if (!cols) throw new BackupFileError(`Table ${name} has rows in the backup but no entry in its header.`);
      const sink = client.query(copyFrom(`copy ${ident(name)} (${cols.map(ident).join(', ')}) from stdin`));
      const finished = new Promise<void>((resolve, reject) => {
        sink.on('finish', resolve);
        sink.on('error', reject);
      });
      for await (const line of lines) if (!sink.write(`${line}\n`)) await once(sink, 'drain');
      sink.end();
      await finished;
    });
    for (const name of tables.keys()) await client.query(`alter table ${ident(name)} enable trigger user`);
    for (const t of tables.values()) {
      for (const col of t.sequenced) {
        await client.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${ident(col)}) from ${ident(t.name)}), 1), (select count(*) > 0 from ${ident(t.name)}))`,
          [ident(t.name), col],
        );
      }
    }
    await client.query('commit');

    const comparison = compareDigests(manifest.digests, await digestTables(client, [...tables.values()]));
    return { comparison, tables: tables.size, rows: manifest.digests.reduce((n, d) => n + d.rows, 0), createdAt: backup.header.createdAt };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    backup.close();
    await client.end();
  }
}

/** Compares two live databases table by table (the source and its restored copy). */
export async function compareDatabases(sourceUrl: string, targetUrl: string): Promise<DigestComparison> {
  const digestsOf = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('begin isolation level repeatable read read only');
      const d = await digestTables(c, await listTables(c));
      await c.query('commit');
      return d;
    } finally {
      await c.end();
    }
  };
  return compareDigests(await digestsOf(sourceUrl), await digestsOf(targetUrl));
}

/** Compares a live database with the fingerprints a backup file recorded when it was made. */
export async function verifyAgainstBackup(adminUrl: string, file: string): Promise<DigestComparison> {
  const backup = await openBackup(file);
  try {
    const manifest = await backup.readTables(async (_name, lines) => {
      for await (const _ of lines) void _;
    });
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return compareDigests(manifest.digests, await digestTables(c, await listTables(c)));
    } finally {
      await c.end();
    }
  } finally {
    backup.close();
  }
}
