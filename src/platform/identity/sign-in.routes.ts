import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connection.ts';
import { addError, emptyErrors, fromZod } from '../web/form-errors.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../web/session-loading.ts';
import { configuredProviders, registerOidcRoutes } from './oidc/oidc.routes.ts';
import { verifyPassword } from './passwords.ts';
import { safeReturnTo } from './return-to.ts';
import { isRole } from './roles.ts';
import { destroySession, saveSessionData } from './session-store.ts';
import { startSignedInSession } from './start-session.ts';
import { mustEnrol, registerTwoFactorEnrolmentRoutes } from './two-factor/enrolment.routes.ts';
import { beginSecondFactor, registerSecondFactorRoutes } from './two-factor/second-factor.routes.ts';
import { hasConfirmedTotp } from './two-factor/two-factor.repository.ts';
import { findUserByEmail } from './user.repository.ts';

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your email address').email('Enter an email address in the correct format, like name@example.com'),
  password: z.string().min(1, 'Enter your password'),
  returnTo: z.string().optional(),
});

const ACCOUNT_LOCK_FAILURES = 10;
const ACCOUNT_LOCK_WINDOW = '15 minutes';

export function registerSignInRoutes(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { db, config } = deps;
  // Which single sign-on buttons to show: none unless configured (the embedded default).
  const sso = configuredProviders(config);
  registerOidcRoutes(app, deps);
  registerSecondFactorRoutes(app, deps);
  registerTwoFactorEnrolmentRoutes(app, deps);

  app.get('/sign-in', { config: { access: 'public' } }, async (req, reply) => {
    const returnTo = safeReturnTo((req.query as Record<string, unknown>).returnTo);
    return reply.render('identity/sign-in.njk', { title: 'Sign in', values: { returnTo }, sso, errors: emptyErrors() });
  });

  app.post(
    '/sign-in',
    {
      config: {
        access: 'public',
        // Keyed by the socket address (trustProxy is off unless configured), so a forged
        // X-Forwarded-For header cannot buy more attempts.
        rateLimit: { max: 20, timeWindow: '5 minutes' },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { email: typeof body.email === 'string' ? body.email : '', returnTo: safeReturnTo(body.returnTo) };
      const parsed = signInForm.safeParse(body);
      if (!parsed.success) {
        return reply.code(400).render('identity/sign-in.njk', { title: 'Sign in', values, sso, errors: fromZod(parsed.error) });
      }
      const emailHash = createHash('sha256').update(parsed.data.email.toLowerCase()).digest('hex');
      const recentFailures = await db
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email_hash', '=', emailHash)
        .where('succeeded', '=', false)
        .where('attempted_at', '>', sql<Date>`now() - ${ACCOUNT_LOCK_WINDOW}::interval`)
        .executeTakeFirstOrThrow();
      const errors = emptyErrors();
      if (Number(recentFailures.n) >= ACCOUNT_LOCK_FAILURES) {
        addError(errors, 'email', 'There have been too many attempts to sign in to this account. Wait 15 minutes and try again.');
        return reply.code(429).render('identity/sign-in.njk', { title: 'Sign in', values, sso, errors });
      }
      const user = await findUserByEmail(db, parsed.data.email);
      const ok = (await verifyPassword(user?.password_hash ?? null, parsed.data.password)) && user?.is_active === true;
      await db.insertInto('sign_in_attempts').values({ email_hash: emailHash, succeeded: ok }).execute();
      if (!ok || !user) {
        addError(errors, 'email', 'Enter a correct email address and password');
        return reply.code(401).render('identity/sign-in.njk', { title: 'Sign in', values, sso, errors });
      }
      // Enrolled in two-factor authentication: no session until the code is right.
      if (await hasConfirmedTotp(db, user.id)) return beginSecondFactor(deps, reply, user.id, values.returnTo);
      // A fresh session id at sign-in: any id planted before sign-in is worthless.
      if (await mustEnrol(db, config, user.id)) {
        await startSignedInSession(deps, req, reply, user.id, 'password', { twoFactorEnrolmentRequired: true });
        return reply.redirect('/account/two-factor', 303);
      }
      await startSignedInSession(deps, req, reply, user.id, 'password');
      return reply.redirect(values.returnTo, 303);
    },
  );

  app.post('/sign-out', { config: { access: 'public' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await destroySession(db, token);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, async (_req, reply) =>
    reply.render('identity/signed-out.njk', { title: 'You have signed out' }),
  );

  app.post('/switch-role', { config: { access: 'signed-in' } }, async (req, reply) => {
    const role = (req.body as Record<string, unknown> | undefined)?.role;
    if (typeof role !== 'string' || !isRole(role) || !req.principal?.assignments.some((a) => a.role === role)) {
      return reply.code(400).render('errors/4xx.njk', { title: 'There is a problem', message: 'You do not hold that role.' });
    }
    if (req.session) await saveSessionData(db, req.session.token, { ...req.session.data, activeRole: role });
    return reply.redirect('/', 303);
  });
}
