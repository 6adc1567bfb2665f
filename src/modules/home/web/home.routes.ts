import type { FastifyInstance } from 'fastify';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { ROLE_NAMES } from '../../../platform/identity/roles.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { casesOfCaseworker, childrenOfFamilyMember } from '../../cases/index.ts';
import { homeLinks } from './home-links.ts';
import { pupilsAtMySettings, serviceOverview } from '../infrastructure/home.queries.ts';

/** Each role lands on a home page that shows its own work first. */
export function registerHomeRoutes(app: FastifyInstance, db: Db): void {
  app.get('/', { config: { access: 'public' } }, async (req, reply) => {
    const principal = req.principal;
    if (!principal) return reply.render('home/start.njk', { title: 'Education, health and care: support for children and young people' });
    const councils = await councilNames(db, principal);
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      switch (principal.role) {
        case 'parent-carer':
        case 'young-person':
          return { children: await childrenOfFamilyMember(tx, principal.userId) };
        case 'ehc-coordinator':
        case 'send-manager':
          return { cases: await casesOfCaseworker(tx, principal.userId, 10) };
        case 'setting-senco':
          return { pupils: await pupilsAtMySettings(tx, principal.organisationIds) };
        default:
          return {};
      }
    });
    const overview = principal.role === 'system-admin' ? await serviceOverview(db) : undefined;
    return reply.render('home/home.njk', {
      overview,
      title: 'Home',
      roleName: ROLE_NAMES[principal.role],
      councils,
      links: homeLinks(principal.role),
      otherRoles: [...new Set(principal.assignments.map((a) => a.role))].filter((r) => r !== principal.role).map((r) => ({ value: r, text: ROLE_NAMES[r] })),
      ...data,
    });
  });
}

async function councilNames(db: Db, principal: Principal): Promise<string[]> {
  if (principal.laCodes.length === 0) return ['All councils in England (aggregate figures only)'];
  const rows = await db.selectFrom('councils').select('name').where('la_code', 'in', principal.laCodes).orderBy('name').execute();
  return rows.map((r) => r.name);
}
