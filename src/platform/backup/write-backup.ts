import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { MAGIC, END_OF_SECTION, type BackupHeader } from './backup-format.ts';
import { listTables } from './table-catalogue.ts';
import { digestTables, type TableDigest } from './table-digest.ts';

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  digests: TableDigest[];
}

/**
 * Writes a consistent backup of the whole database: one REPEATABLE READ, read-only transaction, so
 * every table is copied from the same instant even while the service keeps writing. The file is
 * written under a temporary name and renamed when complete: a crash never leaves a file that looks
 * like a finished backup.
 */
export async function writeBackup(adminUrl: string, file: string): Promise<BackupResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await listTables(client);
    const migrations = (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by name')).rows;
    const serverVersion = (await client.query<{ v: string }>('show server_version')).rows[0]!.v;
    const header: BackupHeader = {
      createdAt: new Date().toISOString(),
      serverVersion,
      migrations,
      tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
    };
    const gzip = createGzip();
    const out = fs.createWriteStream(partial, { mode: 0o600 });
    const done = pipeline(gzip, out);
    const write = async (text: string | Buffer): Promise<void> => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    await write(`${MAGIC}\nHEADER ${JSON.stringify(header)}\n`);
    for (const t of tables) {
      await write(`TABLE ${t.name}\n`);
      const cols = t.columns.map((c) => client.escapeIdentifier(c)).join(', ');
      const stream = client.query(copyTo(`copy ${client.escapeIdentifier(t.name)} (${cols}) to stdout`));
      for await (const chunk of stream) await write(chunk as Buffer);
      await write(`${END_OF_SECTION}\n`);
    }
    const digests = await digestTables(client, tables);
    await write(`MANIFEST ${JSON.stringify({ digests })}\n`);
    gzip.end();
    await done;
    await client.query('commit');
    fs.renameSync(partial, file);
    return { file, tables: tables.length, rows: digests.reduce((n, d) => n + d.rows, 0), bytes: fs.statSync(file).size, digests };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end();
  }
}
