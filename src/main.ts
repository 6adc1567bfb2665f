import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { appModules } from './app-modules.ts';
import type { Config } from './platform/config/config.ts';
import type { Db } from './platform/db/connection.ts';
import { createApp } from './platform/web/app.ts';
import { startAuditSealer } from './platform/audit/audit-sealer.ts';

/** The repository root: where data/, node_modules/ and public/ live. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Composition root: config → database → modules → app. Used by `serve`, the tests and the benchmarks. */
export async function buildApp(deps: { config: Config; db: Db; logger: Logger }): Promise<FastifyInstance> {
  const app = await createApp({ ...deps, root: PROJECT_ROOT, modules: appModules(deps) });
  // Audit events are written lock-free and sealed into the hash chain in the background (ADR 0020).
  const sealer = startAuditSealer(deps.db, { onError: (e) => deps.logger.error({ err: (e as Error).message }, 'audit sealing failed; will retry') });
  app.addHook('onClose', () => sealer.stop());
  return app;
}
