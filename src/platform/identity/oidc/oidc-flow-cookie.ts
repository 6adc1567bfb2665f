import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import type { OidcKind } from './oidc-clients.ts';

/**
 * What the browser must bring back from the provider: state (binds the response to this browser),
 * nonce (binds the ID token to this request), the PKCE verifier and where to go afterwards. It
 * travels in a signed, HttpOnly cookie scoped to /sign-in and lives ten minutes; it is cleared at
 * the callback whatever the outcome, so one redirect can be completed at most once.
 */
export const FLOW_COOKIE = 'opensend_oidc';
const FLOW_LIFETIME_MS = 10 * 60 * 1000;

export interface OidcFlow {
  kind: OidcKind;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  startedAt: number;
}

function cookieOptions(config: Config) {
  return { path: '/sign-in', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, signed: true };
}

export function setFlowCookie(reply: FastifyReply, config: Config, flow: OidcFlow): void {
  const value = Buffer.from(JSON.stringify(flow)).toString('base64url');
  reply.setCookie(FLOW_COOKIE, value, { ...cookieOptions(config), maxAge: FLOW_LIFETIME_MS / 1000 });
}

export function clearFlowCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(FLOW_COOKIE, cookieOptions(config));
}

/** The flow this browser started, if its cookie is present, genuine, for this provider and fresh. */
export function readFlowCookie(req: FastifyRequest, kind: OidcKind, now: Date): OidcFlow | undefined {
  const raw = req.cookies[FLOW_COOKIE];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Partial<OidcFlow>;
    if (flow.kind !== kind || typeof flow.state !== 'string' || typeof flow.nonce !== 'string' || typeof flow.verifier !== 'string') return undefined;
    if (typeof flow.startedAt !== 'number' || now.getTime() - flow.startedAt > FLOW_LIFETIME_MS) return undefined;
    return { kind, state: flow.state, nonce: flow.nonce, verifier: flow.verifier, returnTo: typeof flow.returnTo === 'string' ? flow.returnTo : '/', startedAt: flow.startedAt };
  } catch {
    return undefined;
  }
}
