import { loadConfig, type Config } from '../../platform/config/config.ts';
import { openDatabase, type DatabaseHandle } from '../../platform/db/open-database.ts';
import type { CliIo } from '../cli-io.ts';

/** The database the CLI works on: the same rules as the service (embedded unless DATABASE_URL). */
export async function openDatabaseFromEnv(io: CliIo, options: { runMigrations?: boolean } = {}): Promise<{ config: Config; handle: DatabaseHandle }> {
  const config = loadConfig(io.env, io.cwd);
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPgPort,
    appRolePassword: config.appRolePassword,
    replicaUrl: config.databaseReplicaUrl,
    runMigrations: options.runMigrations ?? true,
  });
  return { config, handle };
}
