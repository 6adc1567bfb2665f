import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/platform/config/config.ts';
import { hashPassword } from '../../src/platform/identity/passwords.ts';
import type { Role } from '../../src/platform/identity/roles.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { buildApp, PROJECT_ROOT } from '../../src/main.ts';
import type { Db } from '../../src/platform/db/connection.ts';

/** The whole app, as `serve` builds it, listening on loopback for a load generator. */
export async function startBenchApp(db: Db): Promise<{ app: FastifyInstance; base: string }> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, PROJECT_ROOT);
  const app = await buildApp({ config, db, logger: createLogger('silent') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { app, base: `http://127.0.0.1:${address.port}` };
}

/** Signs in through the real sign-in form and returns the Cookie header of the session. */
export async function signedInCookie(app: FastifyInstance, email: string, password: string): Promise<string> {
  const page = await app.inject('/sign-in');
  const csrfCookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  const session = res.cookies.find((c) => c.name === 'opensend_session');
  if (!session) throw new Error(`bench sign-in failed (${res.statusCode})`);
  return `opensend_session=${session.value}`;
}

export async function hashedPassword(password: string): Promise<string> {
  return hashPassword(password);
}

export type { Role };
