import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connection.ts';
import { lookUpSignedIn } from '../identity/signed-in-lookup.ts';

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
    const found = await lookUpSignedIn(db, token, new Date());
    if (!found) {
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
      return;
    }
    req.session = found.session;
    req.principal = found.principal;
  });
}
