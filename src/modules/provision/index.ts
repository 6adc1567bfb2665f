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

/** Read-only views for the finance module: placements overlapping a period, and settings with their places. */
/** Placements of one council overlapping [from, to]; the council is named so an index serves it (row-level security alone scans every council). */
export async function placementsForFinance(tx: import('../../platform/db/connection.ts').Db, from: string, to: string, laCode: string) {
  return tx.selectFrom('placements as p').innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'p.la_code').onRef('s.id', '=', 'p.setting_id'))
    .innerJoin('children as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .select(['p.la_code as laCode', 'p.child_id as childId', 'c.date_of_birth as dateOfBirth', 'p.setting_id as settingId', 's.kind', 's.in_area as inArea', 's.trust_name as trustName', 's.gias_type_code as giasTypeCode', 'p.starts_on as startsOn', 'p.ends_on as endsOn'])
    .where('p.la_code', '=', laCode).where('p.starts_on', '<=', to).where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', from)])).execute();
}
export async function settingsForFinance(tx: import('../../platform/db/connection.ts').Db, laCode: string) {
  return tx.selectFrom('settings').select(['la_code as laCode', 'id', 'name', 'kind', 'phase', 'age_from as ageFrom', 'age_to as ageTo', 'needs_designated as needs', 'commissioned_places as places', 'in_area as inArea', 'trust_name as trustName', 'gias_type_code as giasTypeCode']).where('la_code', '=', laCode).execute();
}
