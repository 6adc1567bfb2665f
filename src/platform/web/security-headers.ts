import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every response, with a fresh CSP nonce for scripts and one for styles.
 *
 * Written here rather than taken from @fastify/helmet because helmet rebuilds and re-validates the
 * whole policy from its directive objects on every request once nonces are on; here the policy is
 * two fixed strings with the nonces spliced in and the other headers are computed once, which
 * matters on the busiest path of the service (docs/performance.md). The headers are the same ones
 * helmet sent: test/platform/web-shell.test.ts checks them on pages, errors and the API alike.
 */
export interface SecurityHeaderOptions {
  /** HTTPS deployments: HSTS and upgrade-insecure-requests. */
  secure: boolean;
}

const DIRECTIVES_AFTER_NONCES = [
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
];

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const tail = [...DIRECTIVES_AFTER_NONCES, ...(options.secure ? ['upgrade-insecure-requests'] : [])].join(';');
  const fixed: Record<string, string> = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(options.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  app.decorateReply('cspNonce', undefined as unknown as { script: string; style: string });
  app.addHook('onRequest', (_req, reply, done) => {
    // One call for both nonces: 128 random bits each, hex like helmet's.
    const bytes = randomBytes(32).toString('hex');
    const nonce = { script: bytes.slice(0, 32), style: bytes.slice(32) };
    reply.cspNonce = nonce;
    reply.headers(fixed);
    reply.header('content-security-policy', `default-src 'self';script-src 'self' 'nonce-${nonce.script}';style-src 'self' 'nonce-${nonce.style}';${tail}`);
    done();
  });
}
