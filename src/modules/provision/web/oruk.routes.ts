import type { FastifyInstance } from 'fastify';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { pageParams, readOrukFeed, toPage, toServiceFull, toServiceListItem } from '../domain/oruk-mapping.ts';
import { countServices, saveBundles, serviceBundles } from '../infrastructure/oruk.repository.ts';
import { isUuid, scopeOf } from './web-helpers.ts';

/**
 * The Local Offer as an Open Referral UK 3.0 API: public, one council per path. The council code
 * selects the rows (row-level security scoped to that council); nothing personal is in these tables.
 */
export function registerOrukRoutes(app: FastifyInstance, db: Db): void {
  const council = (laCode: string) => ({ laCodes: [laCode] });
  const ok = (laCode: string): boolean => /^\d{3}$/.test(laCode);

  app.get<{ Params: { laCode: string } }>('/api/oruk/:laCode', { config: { access: 'public' } }, async (req, reply) => {
    if (!ok(req.params.laCode)) return reply.code(404).send({ error: 'Not found.' });
    return reply.send({ version: '3.0', profile: 'https://raw.githubusercontent.com/openreferral/uk-profile/main', openapi_url: 'https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json' });
  });

  app.get<{ Params: { laCode: string }; Querystring: { page?: string; per_page?: string } }>('/api/oruk/:laCode/services', { config: { access: 'public' } }, async (req, reply) => {
    if (!ok(req.params.laCode)) return reply.code(404).send({ error: 'Not found.' });
    const { page, perPage } = pageParams(req.query);
    const { total, bundles } = await withTenant(db, council(req.params.laCode), async (tx) => ({
      total: await countServices(tx, req.params.laCode),
      bundles: await serviceBundles(tx, req.params.laCode, { offset: (page - 1) * perPage, limit: perPage }),
    }));
    return reply.send(toPage(bundles.map(toServiceListItem), page, perPage, total));
  });

  app.get<{ Params: { laCode: string; id: string } }>('/api/oruk/:laCode/services/:id', { config: { access: 'public' } }, async (req, reply) => {
    if (!ok(req.params.laCode) || !isUuid(req.params.id)) return reply.code(404).send({ error: 'Not found.' });
    const [bundle] = await withTenant(db, council(req.params.laCode), (tx) => serviceBundles(tx, req.params.laCode, { id: req.params.id }));
    if (!bundle) return reply.code(404).send({ error: 'Not found.' });
    return reply.send(toServiceFull(bundle));
  });

  // Import a feed (JSON body: an ORUK page, an array of services or one service) into the caller's council.
  app.post<{ Body: unknown }>('/api/provision/local-offer/import', { config: { access: 'provision:manage' } }, async (req, reply) => {
    const { bundles, problems } = readOrukFeed(req.body);
    if (problems.length) return reply.code(400).send({ error: 'The feed has problems; nothing was imported.', problems });
    const laCode = req.principal!.laCodes[0]!;
    await withTenant(db, scopeOf(req), (tx) => saveBundles(tx, laCode, bundles));
    return reply.send({ imported: bundles.length });
  });
}
