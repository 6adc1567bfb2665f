import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/platform/config/config.ts';
import { hashPassword } from '../../src/platform/identity/passwords.ts';
import type { Role } from '../../src/platform/identity/roles.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { buildApp, PROJECT_ROOT } from '../../src/main.ts';
import type { TestDatabase } from './test-database.ts';

export const TEST_PASSWORD = 'Correct-horse-battery-1';

export async function createTestApp(t: TestDatabase, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, PROJECT_ROOT);
  const app = await buildApp({ config, db: t.db, logger: createLogger('silent') });
  await app.ready();
  return app;
}

export async function addCouncils(t: TestDatabase, ...codes: string[]): Promise<void> {
  for (const code of codes) {
    await sql`insert into councils values (${code}, ${'E0000' + code}, ${'Council ' + code}, 'E12000001', 'Test region') on conflict do nothing`.execute(t.adminDb);
  }
}

let passwordHash: Promise<string> | undefined;

/** A user holding one role in one council (or nationally), able to sign in with TEST_PASSWORD. */
export async function addUser(t: TestDatabase, role: Role, laCode: string | null, opts: { email?: string; organisationId?: string } = {}): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `${role}-${laCode ?? 'national'}-${Math.random().toString(36).slice(2, 8)}@test.opensend.test`;
  const user = await t.adminDb
    .insertInto('users')
    .values({ email, display_name: `Test ${role}`, password_hash: await passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.adminDb.insertInto('user_roles').values({ user_id: user.id, role, la_code: laCode, organisation_id: opts.organisationId ?? null, team: null }).execute();
  return { id: user.id, email };
}

/** A tiny cookie jar: enough for a browser-like sequence of inject() calls. */
export class Agent {
  cookies = new Map<string, string>();
  constructor(private app: FastifyInstance) {}

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header(), ...headers } }));
  }

  /** Fetches a CSRF token the way a browser would: from a form page. */
  async csrf(from = '/sign-in'): Promise<string> {
    const page = await this.get(from);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!m) throw new Error(`no CSRF token on ${from} (status ${page.statusCode})`);
    return m[1]!;
  }

  async post(url: string, form: Record<string, string>, opts: { csrf?: string | false; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const token = opts.csrf === false ? undefined : (opts.csrf ?? (await this.csrf()));
    const body = new URLSearchParams({ ...form, ...(token ? { _csrf: token } : {}) }).toString();
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded', ...(opts.headers ?? {}) },
      }),
    );
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    const res = await this.post('/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`);
    return res;
  }
}
