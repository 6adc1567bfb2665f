import type { FastifyInstance } from 'fastify';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Pages take forms; only /api/ takes JSON. Fastify parses JSON for every route, so without this a
 * page's handler could receive numbers, booleans, objects or arrays where a form only ever sends
 * strings, and a string method on one of them was a 500 (found by the route fuzzer on many pages).
 * A body of any other type sent to a page is refused with 415 before the handler runs.
 */
export function registerFormOnlyPages(app: FastifyInstance): void {
  app.addHook('preValidation', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.body === undefined || req.body === null) return;
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (FORM_TYPES.includes(type)) return;
    return reply.code(415).render('errors/4xx.njk', { status: 415, message: 'This page accepts only what its form sends. Go back, reload the page and try again.', requestId: req.id });
  });
}
