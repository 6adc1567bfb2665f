import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connection.ts';
import { ROLE_NAMES } from '../identity/roles.ts';
import { buildAssets } from './assets/asset-build.ts';
import { FORM_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES } from './body-limits.ts';
import { registerFormOnlyPages } from './form-bodies.ts';
import { registerErrorPages } from './error-pages.ts';
import { createNunjucksEnv } from './nunjucks-env.ts';
import { registerAccessControl } from './access-control.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerSessionLoading } from './session-loading.ts';
import './fastify-types.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  root: string;
  /** Each module adds its routes here; they all see the same security stack. */
  modules: Array<(app: FastifyInstance) => Promise<void> | void>;
}

/**
 * The web shell. Plugins are registered in this order on purpose:
 * request id → security headers (CSP nonce) → cookies → session → CSRF → body parsing → rate limits
 * → access control (route permission) → static assets → views → module routes → error pages.
 */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    // Behind a proxy only when told: otherwise a forged X-Forwarded-For could change request.ip and
    // reset the sign-in rate limit.
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
  });

  registerSecurityHeaders(app, { secure: config.secureCookies });

  await app.register(cookie, { secret: config.sessionSecret });
  registerSessionLoading(app, db, config);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'opensend_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
      const header = req.headers['x-csrf-token'];
      return typeof fromBody === 'string' ? fromBody : typeof header === 'string' ? header : undefined;
    },
  });
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT_BYTES });
  await app.register(rateLimit, { global: false });

  // Every state-changing request must carry the CSRF token, whatever route it hits.
  app.addHook('preHandler', (req, reply, done) => {
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) {
      app.csrfProtection(req, reply, done);
    } else done();
  });
  // Static files are public and cacheable; this must be known before the access check below sees them.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) route.config = { ...(route.config ?? {}), access: 'public', cacheable: true };
  });
  registerFormOnlyPages(app);
  registerAccessControl(app);

  const assets = await buildAssets(deps.root);
  const immutable = { maxAge: '365d', immutable: true } as const;
  await app.register(fastifyStatic, { root: assets.outDir, prefix: `${assets.prefix}/`, ...immutable });
  await app.register(fastifyStatic, {
    root: path.join(deps.root, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
    prefix: `${assets.prefix}/govuk/`,
    decorateReply: false,
    ...immutable,
  });
  await app.register(fastifyStatic, {
    root: path.join(deps.root, 'node_modules', '@ministryofjustice', 'frontend', 'moj'),
    prefix: `${assets.prefix}/moj/`,
    decorateReply: false,
    ...immutable,
  });
  await app.register(fastifyStatic, {
    root: path.join(deps.root, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets'),
    prefix: '/assets/govuk/',
    decorateReply: false,
    maxAge: '1d',
  });

  const env = createNunjucksEnv(deps.root);
  app.decorateReply('render', function (this: import('fastify').FastifyReply, template: string, context = {}) {
    const req = this.request;
    const html = env.render(template, {
      ...context,
      cspNonce: this.cspNonce.script,
      csrfToken: this.generateCsrf(),
      principal: req.principal,
      assetPrefix: assets.prefix,
      assetPath: `${assets.prefix}/govuk/assets`,
      currentPath: req.url.split('?')[0],
      roleNames: ROLE_NAMES,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });

  // Personal data must not linger in shared or browser caches.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.getHeader('cache-control') && !req.routeOptions.config?.cacheable) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Error pages first: Fastify gives each route the error handler in force when it is registered.
  registerErrorPages(app);
  for (const register of deps.modules) await register(app);
  return app;
}
