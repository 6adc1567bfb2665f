import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBackup } from '../../platform/backup/write-backup.ts';
import { verifyAgainstBackup } from '../../platform/backup/restore-backup.ts';
import { formatComparison } from '../../platform/backup/table-digest.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend backup [--out <file>]
       opensend backup verify <file>
Writes a consistent backup of the whole database (embedded, or DATABASE_URL) to one gzip file, with a
fingerprint (row count and content hash) of every table. 'verify' compares the database now with the
fingerprints in a backup file. The embedded database can be backed up only while the service is stopped.`;

export const backupCommand: CliCommand = async (argv, io) => {
  if (argv[0] === 'verify') return verify(argv.slice(1), io);
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean' } }, strict: true, allowPositionals: true });
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'. ${USAGE}`);
  if (values.out === '') throw new UsageError('--out needs a file name.');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = path.resolve(io.cwd, values.out ?? `opensend-backup-${stamp}.gz`);
  const { handle } = await openDatabaseFromEnv(io, { runMigrations: false });
  try {
    const result = await writeBackup(handle.adminUrl, file);
    io.stdout(`Backed up ${result.rows} rows in ${result.tables} tables to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB).`);
    return EXIT_OK;
  } finally {
    await handle.close();
  }
};

async function verify(argv: string[], io: Parameters<CliCommand>[1]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: {}, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(`name one backup file. ${USAGE}`);
  const { handle } = await openDatabaseFromEnv(io, { runMigrations: false });
  try {
    const comparison = await verifyAgainstBackup(handle.adminUrl, path.resolve(io.cwd, positionals[0]!));
    for (const line of formatComparison(comparison)) io.stdout(line);
    return comparison.ok ? EXIT_OK : EXIT_PROBLEMS;
  } finally {
    await handle.close();
  }
}
