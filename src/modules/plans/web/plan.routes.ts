import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connection.ts';
import { PdfRenderer } from '../infrastructure/pdf-renderer.ts';
import { registerFamilyPlanRoutes } from './family-plan.routes.ts';
import { registerPlanApiRoutes } from './plan-api.routes.ts';
import { registerPlanOutputRoutes } from './plan-output.routes.ts';
import { registerPlanOverviewRoutes } from './plan-overview.routes.ts';
import { registerPlanSectionRoutes } from './plan-section.routes.ts';

/** Every route of the plans module: staff pages, family pages, the JSON API and the schema. */
export function registerPlanRoutes(app: FastifyInstance, db: Db, options: { pdf?: PdfRenderer } = {}): void {
  registerPlanOverviewRoutes(app, db);
  registerPlanSectionRoutes(app, db);
  registerPlanOutputRoutes(app, db, options.pdf ?? new PdfRenderer());
  registerPlanApiRoutes(app, db);
  registerFamilyPlanRoutes(app, db);
}
