import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../identity/principal.ts';
import type { RouteAccess } from './fastify-types.ts';

/** Every route registered so far with its declared access: the authorisation matrix reads this. */
export const declaredRoutes: Array<{ method: string; url: string; access: RouteAccess }> = [];

export function isApiRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');
}

export function registerAccessControl(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      // Fail closed at start-up: a route nobody thought about is a route anybody could use.
      throw new Error(`Route ${methods.join(',')} ${route.url} does not declare its access (config.access).`);
    }
    for (const method of methods) if (method !== 'HEAD') declaredRoutes.push({ method, url: route.url, access });
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (access === 'public' || access === undefined) return;
    if (!req.principal) {
      if (isApiRequest(req)) return reply.code(401).send({ error: 'Sign in to use this API.' });
      const returnTo = req.method === 'GET' ? `?returnTo=${encodeURIComponent(req.url)}` : '';
      return reply.redirect(`/sign-in${returnTo}`, 303);
    }
    if (access === 'signed-in') return;
    if (!can(req.principal, access)) {
      if (isApiRequest(req)) return reply.code(403).send({ error: 'Your role does not allow this.' });
      return reply.code(403).render('errors/403.njk');
    }
  });
}
