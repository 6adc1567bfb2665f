import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connection.ts';
import { buildPrincipal } from '../identity/principal.ts';
import { isRole } from '../identity/roles.ts';
import { loadSession } from '../identity/session-store.ts';
import { findUserById, roleAssignments } from '../identity/user.repository.ts';

export const SESSION_COOKIE = 'opensend_session';

export function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
}

/** Reads the session cookie and puts the signed-in person (if any) on the request. */
export function registerSessionLoading(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/assets/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await loadSession(db, token, new Date());
    if (!session?.userId) {
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
      return;
    }
    const user = await findUserById(db, session.userId);
    if (!user?.is_active) return;
    const active = session.data.activeRole;
    req.session = session;
    req.principal = buildPrincipal(user, await roleAssignments(db, user.id), typeof active === 'string' && isRole(active) ? active : undefined);
  });
}
