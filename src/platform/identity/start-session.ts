import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connection.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../web/session-loading.ts';
import { createSession, destroySession, type SessionData } from './session-store.ts';
import { recordSignIn, roleAssignments } from './user.repository.ts';

/** How a session was started: shown on the account page and useful when reading the logs. */
export type SignInMethod = 'password' | 'password+totp' | 'staff-sso' | 'family-sso';

/**
 * The one way every sign-in (password, password + code, council SSO, GOV.UK One Login) ends: any
 * session the browser already had is destroyed and a new id is issued, so a session id planted
 * before sign-in is worthless (no fixation).
 */
export async function startSignedInSession(
  deps: { db: Db; config: Config },
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  method: SignInMethod,
  extra: SessionData = {},
): Promise<void> {
  const { db, config } = deps;
  const old = req.cookies[SESSION_COOKIE];
  if (old) await destroySession(db, old);
  const assignments = await roleAssignments(db, userId);
  const session = await createSession(db, userId, { activeRole: assignments[0]?.role, signedInWith: method, ...extra });
  await recordSignIn(db, userId);
  reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(config));
}
