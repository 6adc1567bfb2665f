import { parseArgs } from 'node:util';
import { createLogger } from '../../platform/logging/logger.ts';
import { buildApp } from '../../main.ts';
import type { CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';
import { ensureDemoArea, printDemoAccounts } from './demo-area-on-start.ts';

/**
 * Starts everything: PostgreSQL (embedded unless DATABASE_URL), migrations, the demo council on
 * first start, then the web service. SIGINT/SIGTERM close the web server, then the database, in
 * that order, so no request is cut off mid-transaction.
 */
export const serveCommand: CliCommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean' } }, strict: true });
  if (values.help) {
    io.stdout('Usage: opensend serve\nStarts the service. Configuration comes from environment variables (see README).');
    return 0;
  }
  const started = Date.now();
  const { config, handle } = await openDatabaseFromEnv(io);
  const logger = createLogger(config.logLevel);
  let demo;
  try {
    demo = await ensureDemoArea(handle.adminUrl, config, io);
  } catch (e) {
    await handle.close();
    throw e;
  }
  const app = await buildApp({ config, db: handle.db, logger });
  const closing = new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      logger.info({ signal }, 'shutting down');
      void app
        .close()
        .then(() => handle.close())
        .then(() => resolve());
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  io.stdout(`\nOpenSEND is running at http://localhost:${port}/ (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  io.stdout(handle.embedded ? `Database: embedded PostgreSQL, data in ${config.dataDir}` : 'Database: external PostgreSQL (DATABASE_URL)');
  if (demo) printDemoAccounts(demo, io);
  io.stdout('Press Ctrl+C to stop.');
  await closing;
  return 0;
};
