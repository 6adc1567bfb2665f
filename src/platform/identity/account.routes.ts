import type { FastifyInstance } from 'fastify';
import { ROLE_NAMES } from './roles.ts';

const SIGN_IN_METHODS: Record<string, string> = {
  password: 'Email address and password',
  'password+totp': 'Email address, password and a security code',
  'staff-sso': 'Your council account',
  'family-sso': 'GOV.UK One Login',
};

/** "Your account": who you are signed in as and the roles you hold. Needs nothing but the session. */
export function registerAccountRoutes(app: FastifyInstance): void {
  app.get('/account', { config: { access: 'signed-in' } }, async (req, reply) => {
    const p = req.principal!;
    return reply.render('identity/account.njk', {
      title: 'Your account',
      roles: p.assignments.map((a) => ({ role: ROLE_NAMES[a.role], laCode: a.laCode ?? 'All councils (aggregate figures only)', team: a.team })),
      // Sessions from before single sign-on existed carry no method: they were password sign-ins.
      signedInWith: SIGN_IN_METHODS[String(req.session?.data.signedInWith ?? 'password')] ?? SIGN_IN_METHODS.password,
      localAccount: !String(req.session?.data.signedInWith ?? 'password').endsWith('-sso'),
    });
  });
}
