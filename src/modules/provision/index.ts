/**
 * The provision module's public face: the settings directory, placements, tailored lists,
 * alternative provision, bands and tariffs, and the Local Offer (Open Referral UK 3.0).
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/connection.ts';
import { registerApAndCostRoutes } from './web/ap-and-costs.routes.ts';
import { registerCaseProvisionRoutes } from './web/case-provision.routes.ts';
import { registerOrukRoutes } from './web/oruk.routes.ts';
import { registerSettingsRoutes } from './web/settings.routes.ts';

export function registerProvisionRoutes(app: FastifyInstance, db: Db): void {
  registerSettingsRoutes(app, db);
  registerCaseProvisionRoutes(app, db);
  registerApAndCostRoutes(app, db);
  registerOrukRoutes(app, db);
}

export { seedLocalOffer, localOfferBundles } from './application/seed-local-offer.ts';
export { seedProvision } from './application/seed-provision.ts';
export { buildTailoredList, compareEntries } from './domain/tailored-list.ts';
export { summariseAp } from './domain/ap-outcomes.ts';
export { costPlacement, costSectionF } from './domain/plan-costing.ts';
export { readOrukFeed } from './domain/oruk-mapping.ts';
export { importLocalOfferFeed } from './application/import-local-offer.ts';
// Read-only, for the planning module's documents (issue 12).
export { countServices } from './infrastructure/oruk.repository.ts';
export { listApPlacements } from './infrastructure/ap.repository.ts';
export { SETTING_KINDS, SETTING_KIND_NAMES } from './domain/setting-kinds.ts';
