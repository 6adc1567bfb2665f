import type { Principal } from '../identity/principal.ts';
import type { Permission } from '../identity/roles.ts';
import type { Session } from '../identity/session-store.ts';

/**
 * Who may reach a route: 'public' (anyone), 'signed-in' (any role), or one permission. Every route
 * must declare one; a route without it is refused at start-up, so access is never implicit.
 */
export type RouteAccess = Permission | 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Pages that show no personal data may be cached by the browser. */
    cacheable?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    session: Session | undefined;
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply;
    /** This response's CSP nonces (security-headers.ts). */
    cspNonce: { script: string; style: string };
  }
}
