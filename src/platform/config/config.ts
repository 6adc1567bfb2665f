import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting OpenSEND reads from the environment, parsed once. Nothing else reads process.env:
 * the composition root passes this object down.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** External PostgreSQL (owner/migrator credentials). Unset: start the embedded server. */
  DATABASE_URL: z.string().url().optional(),
  /** Password of the unprivileged application role `opensend_app`. */
  DATABASE_APP_PASSWORD: z.string().min(8).optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SESSION_SECRET: z.string().min(32).optional(),
  PUBLIC_URL: z.string().url().optional(),
  DEMO_LA: z.string().regex(/^\d{3}$/).default('370'),
  SEED_ON_START: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  appRolePassword: string;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string;
  publicUrl: string;
  demoLa: string;
  seedOnStart: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** Cookies are Secure everywhere except plain-HTTP local development and tests. */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

const DEV_ONLY_SECRET = 'development-only-session-secret-not-for-production';
const DEV_ONLY_APP_PASSWORD = 'opensend-app-dev-password';

export function loadConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  // Production must be told its secrets; failing fast beats running with a guessable one.
  if (e.NODE_ENV === 'production') {
    const missing = ['SESSION_SECRET', 'DATABASE_URL', 'DATABASE_APP_PASSWORD', 'PUBLIC_URL'].filter(
      (k) => !env[k],
    );
    if (missing.length) throw new ConfigError(`Missing required settings in production: ${missing.join(', ')}`);
  }
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appRolePassword: e.DATABASE_APP_PASSWORD ?? DEV_ONLY_APP_PASSWORD,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET ?? DEV_ONLY_SECRET,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${port}`,
    demoLa: e.DEMO_LA,
    seedOnStart: e.SEED_ON_START === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    secureCookies: e.NODE_ENV === 'production',
  };
}
