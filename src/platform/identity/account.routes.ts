import type { FastifyInstance } from 'fastify';
import { ROLE_NAMES } from './roles.ts';

/** "Your account": who you are signed in as and the roles you hold. Needs nothing but the session. */
export function registerAccountRoutes(app: FastifyInstance): void {
  app.get('/account', { config: { access: 'signed-in' } }, async (req, reply) => {
    const p = req.principal!;
    return reply.render('identity/account.njk', {
      title: 'Your account',
      roles: p.assignments.map((a) => ({ role: ROLE_NAMES[a.role], laCode: a.laCode ?? 'All councils (aggregate figures only)', team: a.team })),
    });
  });
}
