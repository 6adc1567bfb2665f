/**
 * The backup file: gzip-compressed text, one section per table in PostgreSQL's own COPY text format.
 *
 *   OPENSEND-BACKUP 1
 *   HEADER {"createdAt":…,"migrations":[{"name","checksum"}…],"tables":[{"name","columns"}…]}
 *   TABLE <name>
 *   <COPY rows>
 *   \.
 *   …
 *   MANIFEST {"digests":[{"table","rows","md5"}…]}
 *
 * COPY escapes every backslash in the data, so a line that is exactly "\." can only be the end of a
 * section. The migrations list says which schema the rows belong to: a restore rebuilds exactly that
 * schema from the migration files, then loads the rows. The manifest holds the fingerprint of every
 * table taken in the same snapshot as the rows, so a restore can prove it got back what was saved.
 * We write this ourselves rather than call pg_dump: the embedded PostgreSQL package ships no pg_dump,
 * and a pg_dump must be at least the server's version, which a council's machine may not have.
 */
import type { TableDigest } from './table-digest.ts';

export const MAGIC = 'OPENSEND-BACKUP 1';
export const END_OF_SECTION = '\\.';

export interface BackupHeader {
  createdAt: string;
  serverVersion: string;
  migrations: Array<{ name: string; checksum: string }>;
  tables: Array<{ name: string; columns: string[] }>;
}

export interface BackupManifest {
  digests: TableDigest[];
}

export class BackupFileError extends Error {}
