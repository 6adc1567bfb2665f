import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connection.ts';
import { registerCasePageRoutes } from './case-page.routes.ts';
import { registerCaseRecordRoutes } from './case-record.routes.ts';
import { registerCaseStepRoutes } from './case-step.routes.ts';
import { registerCaseloadRoutes } from './caseload.routes.ts';
import { registerFamilyCaseRoutes } from './family-case.routes.ts';
import { registerTimelinessRoutes } from './timeliness.routes.ts';

/** Every page of the cases module. */
export function registerCaseRoutes(app: FastifyInstance, db: Db): void {
  registerCaseRecordRoutes(app, db);
  registerCaseloadRoutes(app, db);
  registerCasePageRoutes(app, db);
  registerCaseStepRoutes(app, db);
  registerFamilyCaseRoutes(app, db);
  registerTimelinessRoutes(app, db);
}
