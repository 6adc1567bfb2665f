import { parseArgs } from 'node:util';
import { runMigrations } from '../../platform/db/open-database.ts';
import type { CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

export const migrateCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean' } }, strict: true });
  if (values.help) {
    io.stdout('Usage: opensend migrate\nApplies pending database migrations (DATABASE_URL, or the embedded PostgreSQL).');
    return 0;
  }
  const { config, handle } = await openDatabaseFromEnv(io, { runMigrations: false });
  try {
    const applied = await runMigrations(handle.adminUrl, config.appRolePassword);
    io.stdout(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  } finally {
    await handle.close();
  }
};
