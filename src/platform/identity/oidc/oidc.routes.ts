import type { FastifyInstance, FastifyReply } from 'fastify';
import * as client from 'openid-client';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/connection.ts';
import { safeReturnTo } from '../return-to.ts';
import { startSignedInSession } from '../start-session.ts';
import { resolveIdentity, type Resolution } from './identity-links.ts';
import { oidcClients, type OidcClient, type OidcKind } from './oidc-clients.ts';
import { clearFlowCookie, readFlowCookie, setFlowCookie } from './oidc-flow-cookie.ts';

const PROVIDER_NAMES: Record<OidcKind, string> = { staff: 'your council account', family: 'GOV.UK One Login' };

const REFUSALS: Record<Extract<Resolution, { ok: false }>['reason'], string> = {
  'no-account':
    'There is no OpenSEND account for you yet. Council staff: ask your OpenSEND administrator to add you. Parents, carers and young people: contact your council’s SEND team.',
  'wrong-kind': 'Your OpenSEND account cannot be used with this way of signing in. Go back and choose the other sign-in option.',
  inactive: 'Your OpenSEND account has been closed. Contact your council’s SEND team if you think this is wrong.',
  'email-unverified': 'Your email address has not been confirmed by your sign-in provider, so we cannot match it to your OpenSEND account.',
  'already-linked': 'Your OpenSEND account is already linked to a different sign-in. Contact your OpenSEND administrator.',
};

function problem(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).render('identity/sign-in-problem.njk', { title: 'You could not be signed in', message });
}

/** The error's kind and code, never its message: messages can quote a token's claims. */
function errorKind(e: unknown): { type: string; code?: string } {
  const err = e as { name?: string; code?: unknown; error?: unknown };
  const code = typeof err.code === 'string' ? err.code : typeof err.error === 'string' ? err.error : undefined;
  return { type: err.name ?? 'Error', ...(code ? { code } : {}) };
}

/**
 * Sign-in through OpenID Connect (authorization code flow with PKCE, state and nonce):
 *   GET /sign-in/staff   → the council's provider (e.g. Microsoft Entra ID)
 *   GET /sign-in/family  → GOV.UK One Login
 * and their /callback. Only providers that are configured get routes.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { config } = deps;
  const clients = oidcClients(config);
  for (const c of Object.values(clients)) registerProvider(app, deps, c);
}

function registerProvider(app: FastifyInstance, deps: { db: Db; config: Config }, c: OidcClient): void {
  const { db, config } = deps;
  const callbackPath = `/sign-in/${c.kind}/callback`;
  const redirectUri = new URL(callbackPath, config.publicUrl).href;
  const name = PROVIDER_NAMES[c.kind];

  app.get(`/sign-in/${c.kind}`, { config: { access: 'public', rateLimit: { max: 30, timeWindow: '5 minutes' } } }, async (req, reply) => {
    let configuration: client.Configuration;
    try {
      configuration = await c.configuration();
    } catch (e) {
      req.log.warn({ provider: c.kind, err: errorKind(e) }, 'OpenID provider discovery failed');
      return problem(reply, 503, `Signing in with ${name} is not available at the moment. Try again later or sign in with your email address and password.`);
    }
    const verifier = client.randomPKCECodeVerifier();
    const flow = {
      kind: c.kind,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      returnTo: safeReturnTo((req.query as Record<string, unknown>).returnTo),
      startedAt: Date.now(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: c.scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
      ...c.extraParams,
    });
    setFlowCookie(reply, config, flow);
    return reply.redirect(url.href, 303);
  });

  app.get(callbackPath, { config: { access: 'public', rateLimit: { max: 30, timeWindow: '5 minutes' } } }, async (req, reply) => {
    const flow = readFlowCookie(req, c.kind, new Date());
    // One callback per started flow, whatever happens next.
    clearFlowCookie(reply, config);
    const query = req.query as Record<string, unknown>;
    if (typeof query.error === 'string') {
      return problem(reply, 401, `You did not finish signing in with ${name}. Go back to the sign-in page to try again.`);
    }
    if (!flow) {
      return problem(reply, 400, 'This sign-in has expired or was started in another browser. Go back to the sign-in page and start again.');
    }
    let configuration: client.Configuration;
    try {
      configuration = await c.configuration();
    } catch (e) {
      req.log.warn({ provider: c.kind, err: errorKind(e) }, 'OpenID provider discovery failed');
      return problem(reply, 503, `Signing in with ${name} is not available at the moment. Try again later.`);
    }
    let claims: client.IDToken;
    let accessToken: string;
    try {
      const currentUrl = new URL(req.url, config.publicUrl);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = idClaims;
      accessToken = tokens.access_token;
    } catch (e) {
      // Bad state, nonce, signature, audience, expiry or a code already used: all refused alike.
      req.log.warn({ provider: c.kind, err: errorKind(e) }, 'OpenID sign-in refused');
      return problem(reply, 401, `We could not confirm who you are with ${name}. Go back to the sign-in page and try again.`);
    }
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let emailVerified = claims.email_verified === true;
    if (!email) {
      // One Login (and many providers) give the email only from the userinfo endpoint.
      try {
        const info = await client.fetchUserInfo(configuration, accessToken, claims.sub);
        email = typeof info.email === 'string' ? info.email : undefined;
        emailVerified = info.email_verified === true;
      } catch (e) {
        req.log.warn({ provider: c.kind, err: errorKind(e) }, 'OpenID userinfo failed');
      }
    }
    const resolved = await resolveIdentity(db, {
      kind: c.kind,
      issuer: claims.iss,
      subject: claims.sub,
      email,
      emailVerified: emailVerified || c.trustUnverifiedEmail,
    });
    if (!resolved.ok) {
      req.log.info({ provider: c.kind, reason: resolved.reason }, 'OpenID sign-in matched no usable account');
      return problem(reply, 403, REFUSALS[resolved.reason]);
    }
    await startSignedInSession(deps, req, reply, resolved.userId, c.kind === 'staff' ? 'staff-sso' : 'family-sso');
    return reply.redirect(safeReturnTo(flow.returnTo), 303);
  });
}

/** Which sign-in buttons the sign-in page shows. */
export function configuredProviders(config: Config): { staff: boolean; family: boolean } {
  return { staff: config.staffOidc !== undefined, family: config.familyOidc !== undefined };
}
