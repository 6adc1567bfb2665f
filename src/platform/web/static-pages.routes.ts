import type { FastifyInstance } from 'fastify';

/** Pages every service must have, linked from the footer of every page. */
export function registerStaticPages(app: FastifyInstance): void {
  app.get('/accessibility', { config: { access: 'public', cacheable: true } }, async (_req, reply) =>
    reply.render('static/accessibility.njk', { title: 'Accessibility statement' }),
  );
  app.get('/privacy', { config: { access: 'public', cacheable: true } }, async (_req, reply) =>
    reply.render('static/privacy.njk', { title: 'Privacy notice' }),
  );
}
