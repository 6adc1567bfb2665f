import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/connection.ts';
import { addError, emptyErrors } from '../../web/form-errors.ts';
import { safeReturnTo } from '../return-to.ts';
import { startSignedInSession } from '../start-session.ts';
import { findUserById } from '../user.repository.ts';
import { CHALLENGE_MAX_ATTEMPTS, countFailedAttempt, createChallenge, endChallenge, findChallenge, verifySecondFactor } from './two-factor.repository.ts';

/**
 * The second step of a password sign-in for people who have set up an authenticator app. The
 * password step leaves only a short-lived challenge (cookie token ↔ hashed row); no session exists
 * until a correct code is given. Wrong codes count against the challenge (5, then sign in again),
 * against the account's sign-in lock (the same 10 failures in 15 minutes as passwords) and against
 * a per-address rate limit.
 */
export const CHALLENGE_COOKIE = 'opensend_2fa';
const PAGE = 'identity/sign-in-two-factor.njk';
const TITLE = 'Enter your security code';

function cookieOptions(config: Config) {
  return { path: '/sign-in', httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies };
}

/** Called by the password step when the account has two-factor authentication on. */
export async function beginSecondFactor(deps: { db: Db; config: Config }, reply: FastifyReply, userId: string, returnTo: string) {
  const token = await createChallenge(deps.db, userId, returnTo);
  reply.setCookie(CHALLENGE_COOKIE, token, { ...cookieOptions(deps.config), maxAge: 5 * 60 });
  return reply.redirect('/sign-in/two-factor', 303);
}

const emailHash = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('hex');

export function registerSecondFactorRoutes(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { db, config } = deps;

  app.get('/sign-in/two-factor', { config: { access: 'public' } }, async (req, reply) => {
    const token = req.cookies[CHALLENGE_COOKIE];
    if (!token || !(await findChallenge(db, token))) return reply.redirect('/sign-in', 303);
    return reply.render(PAGE, { title: TITLE, errors: emptyErrors() });
  });

  app.post(
    '/sign-in/two-factor',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '5 minutes' } } },
    async (req, reply) => {
      const token = req.cookies[CHALLENGE_COOKIE];
      const challenge = token ? await findChallenge(db, token) : undefined;
      if (!token || !challenge) {
        return reply.code(401).render('identity/sign-in-problem.njk', {
          title: 'You could not be signed in',
          message: 'Your sign-in has timed out. Go back to the sign-in page and enter your email address and password again.',
        });
      }
      const errors = emptyErrors();
      const user = await findUserById(db, challenge.userId);
      if (!user || !user.is_active) {
        await endChallenge(db, token);
        return reply.code(401).render('identity/sign-in-problem.njk', { title: 'You could not be signed in', message: 'Go back to the sign-in page and try again.' });
      }
      const failures = await db
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email_hash', '=', emailHash(user.email))
        .where('succeeded', '=', false)
        .where('attempted_at', '>', sql<Date>`now() - '15 minutes'::interval`)
        .executeTakeFirstOrThrow();
      if (challenge.attempts >= CHALLENGE_MAX_ATTEMPTS || Number(failures.n) >= 10) {
        await endChallenge(db, token);
        reply.clearCookie(CHALLENGE_COOKIE, cookieOptions(config));
        return reply.code(429).render('identity/sign-in-problem.njk', {
          title: 'You could not be signed in',
          message: 'There have been too many attempts to enter a security code. Wait 15 minutes, then sign in again.',
        });
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      const code = typeof body.code === 'string' ? body.code.trim() : '';
      if (!code) {
        addError(errors, 'code', 'Enter the security code from your authenticator app, or a recovery code');
        return reply.code(400).render(PAGE, { title: TITLE, errors });
      }
      const result = code.length <= 64 ? await verifySecondFactor(db, config.totpKey, user.id, code, new Date()) : false;
      if (!result) {
        await countFailedAttempt(db, token);
        await db.insertInto('sign_in_attempts').values({ email_hash: emailHash(user.email), succeeded: false }).execute();
        addError(errors, 'code', 'The security code is not right, or has already been used. Enter the current code from your app');
        return reply.code(401).render(PAGE, { title: TITLE, errors });
      }
      await endChallenge(db, token);
      reply.clearCookie(CHALLENGE_COOKIE, cookieOptions(config));
      await startSignedInSession(deps, req, reply, user.id, 'password+totp', result === 'recovery' ? { usedRecoveryCode: true } : {});
      return reply.redirect(result === 'recovery' ? '/account/two-factor' : safeReturnTo(challenge.returnTo), 303);
    },
  );
}
