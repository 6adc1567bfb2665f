import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connection.ts';
import { registerFamilyReviewRoutes } from './family-review.routes.ts';
import { registerReviewCaseRoutes } from './review-case.routes.ts';
import { registerReviewListRoutes } from './review-lists.routes.ts';
import { registerSettingPupilsRoutes } from './setting-pupils.routes.ts';
import { registerTransferRoutes } from './transfers.routes.ts';

/** Every route of the reviews module. */
export function registerReviewRoutes(app: FastifyInstance, db: Db): void {
  registerReviewListRoutes(app, db);
  registerReviewCaseRoutes(app, db);
  registerSettingPupilsRoutes(app, db);
  registerTransferRoutes(app, db);
  registerFamilyReviewRoutes(app, db);
}
