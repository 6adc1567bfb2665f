import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupFileError } from '../../platform/backup/backup-format.ts';
import { restoreBackup, RestoreRefusedError } from '../../platform/backup/restore-backup.ts';
import { formatComparison } from '../../platform/backup/table-digest.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend restore <file> [--force]
Restores a backup made by 'opensend backup' into the database (embedded, or DATABASE_URL), then checks
every table's row count and content hash against the backup and prints the comparison. A database that
already holds data is refused unless --force is given (everything in it is then replaced).
Exit codes: 0 restored and verified, 1 restored but verification failed or the restore was refused, 2 wrong call.`;

export const restoreCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options: { force: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true, allowPositionals: true });
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`name one backup file. ${USAGE}`);
  const file = path.resolve(io.cwd, positionals[0]!);
  const { config, handle } = await openDatabaseFromEnv(io, { runMigrations: false });
  try {
    const result = await restoreBackup(handle.adminUrl, file, { force: values.force === true, appRolePassword: config.appRolePassword });
    io.stdout(`Restored ${result.rows} rows in ${result.tables} tables from the backup made ${result.createdAt}.`);
    for (const line of formatComparison(result.comparison)) io.stdout(line);
    return result.comparison.ok ? EXIT_OK : EXIT_PROBLEMS;
  } catch (e) {
    if (e instanceof RestoreRefusedError || e instanceof BackupFileError) {
      io.stderr(`opensend restore: ${e.message}`);
      return EXIT_PROBLEMS;
    }
    throw e;
  } finally {
    await handle.close();
  }
};
