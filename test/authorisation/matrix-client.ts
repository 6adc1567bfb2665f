import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client for app.inject: keeps cookies, fetches one CSRF token and reuses it (as a
 * browser reuses the token of the page it is on), and comes from its own address so the sign-in
 * rate limit (per address) does not trip when the matrix signs in every role at once.
 */
export class MatrixClient {
  private cookies = new Map<string, string>();
  private token: string | undefined;
  constructor(
    private app: FastifyInstance,
    private remoteAddress: string,
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async csrf(): Promise<string> {
    if (this.token) return this.token;
    const page = await this.send('GET', '/sign-in');
    const m = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!m) throw new Error(`no CSRF token on /sign-in (status ${page.statusCode})`);
    this.token = m[1]!;
    return this.token;
  }

  /** Any request; a state-changing one carries the CSRF token (form field, or header for JSON). */
  async send(method: string, url: string, opts: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...(opts.headers ?? {}) };
    let payload: string | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const token = await this.csrf();
      if (opts.json !== undefined) {
        headers['content-type'] = 'application/json';
        headers['x-csrf-token'] = token;
        payload = JSON.stringify(opts.json);
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams({ ...(opts.form ?? {}), _csrf: token }).toString();
      }
      headers.cookie = this.cookieHeader();
    }
    return this.keep(await this.app.inject({ method: method as 'GET', url, headers, remoteAddress: this.remoteAddress, ...(payload !== undefined ? { payload } : {}) }));
  }

  /** Signs in by session: the matrix is about what a signed-in role may do, not how it signed in. */
  useSession(token: string): void {
    this.cookies.set('opensend_session', token);
    this.token = undefined;
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.send('POST', '/sign-in', { form: { email, password } });
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`);
    this.token = undefined; // a new session: take the token afresh
  }
}
