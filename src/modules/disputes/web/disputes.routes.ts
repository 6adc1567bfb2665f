import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connection.ts';
import { registerDisputeAnalysisRoutes } from './dispute-analysis.routes.ts';
import { registerDisputeListRoutes } from './dispute-list.routes.ts';
import { registerDisputePageRoutes } from './dispute-page.routes.ts';
import { registerDisputeStartRoutes } from './dispute-start.routes.ts';
import { registerDisputeStepRoutes } from './dispute-step.routes.ts';

/** Every page of the disputes module. */
export function registerDisputeRoutes(app: FastifyInstance, db: Db): void {
  registerDisputeListRoutes(app, db);
  registerDisputeAnalysisRoutes(app, db);
  registerDisputeStartRoutes(app, db);
  registerDisputePageRoutes(app, db);
  registerDisputeStepRoutes(app, db);
}
