import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config/config.ts';
import { analysisDb, type Db } from './platform/db/connection.ts';
import { registerAccountRoutes } from './platform/identity/account.routes.ts';
import { registerSignInRoutes } from './platform/identity/sign-in.routes.ts';
import { registerHealthRoute } from './platform/web/health.routes.ts';
import { registerStaticPages } from './platform/web/static-pages.routes.ts';
import { registerCaseRoutes } from './modules/cases/index.ts';
import { registerHomeRoutes } from './modules/home/index.ts';
import { registerProvisionRoutes } from './modules/provision/index.ts';
import { registerPlanRoutes } from './modules/plans/index.ts';
import { registerReviewRoutes } from './modules/reviews/index.ts';
import { registerReturnsRoutes } from './modules/returns/index.ts';
import { registerDocumentRoutes } from './modules/documents/index.ts';
import { createNotifier, registerNotifyRoutes } from './modules/notify/index.ts';
import { registerRequestRoutes } from './modules/requests/index.ts';
import { registerPartnerRoutes } from './modules/partners/index.ts';
import { registerDisputeRoutes } from './modules/disputes/index.ts';
import { registerPlanningRoutes } from './modules/planning/index.ts';
import { registerFinanceRoutes } from './modules/finance/index.ts';
import { registerRecordsRoutes } from './modules/records/index.ts';
import { registerInsightApiRoutes, registerInsightRoutes, registerNationalRoutes } from './modules/insight/index.ts';

/** Composition: every module's routes, in one list, so nothing is mounted by accident. */
export function appModules(deps: { db: Db; config: Config }): Array<(app: FastifyInstance) => void | Promise<void>> {
  const { db, config } = deps;
  const notifier = createNotifier(db);
  return [
    (app) => registerHealthRoute(app, db),
    (app) => registerStaticPages(app),
    (app) => registerInsightRoutes(app, db),
    // Aggregates only, a few seconds' lag is fine: read from the replica when there is one (ADR 0014).
    (app) => registerNationalRoutes(app, analysisDb(db)),
    (app) => registerInsightApiRoutes(app, db),
    (app) => registerSignInRoutes(app, { db, config }),
    (app) => registerAccountRoutes(app),
    (app) => registerHomeRoutes(app, db),
    (app) => registerCaseRoutes(app, db),
    (app) => registerProvisionRoutes(app, db),
    (app) => registerReturnsRoutes(app, db),
    (app) => registerPlanRoutes(app, db),
    (app) => registerReviewRoutes(app, db),
    (app) => registerNotifyRoutes(app, { db, env: config.env }),
    (app) => registerDocumentRoutes(app, db),
    (app) => registerRequestRoutes(app, { db, config, notifier, maxUploadBytes: config.maxUploadBytes }),
    (app) => registerPartnerRoutes(app, { db, config, notifier, maxUploadBytes: config.maxUploadBytes }),
    (app) => registerDisputeRoutes(app, db),
    (app) => registerPlanningRoutes(app, db),
    (app) => registerFinanceRoutes(app, db),
    (app) => registerRecordsRoutes(app, db),
  ];
}
