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
  /** A streaming replica of DATABASE_URL: dashboards, exports and reports read there (ADR 0014). */
  DATABASE_REPLICA_URL: z.string().url().optional(),
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
  /** Largest file a person may upload (evidence, advice), in bytes: 1 KB to 100 MB, default 10 MB. */
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  // Single sign-on (docs/sign-in.md). Unset: local accounts only, the embedded default.
  /** Staff: the council's OpenID provider, e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  STAFF_OIDC_ISSUER: z.string().url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Link a first sign-in by email even without email_verified (e.g. Entra, whose directory the council controls). */
  STAFF_OIDC_TRUST_EMAIL: z.enum(['true', 'false']).default('false'),
  /** Families: GOV.UK One Login, e.g. https://oidc.integration.account.gov.uk/ */
  FAMILY_OIDC_ISSUER: z.string().url().optional(),
  FAMILY_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** PEM (PKCS#8) private key for private_key_jwt client authentication; its public key is registered with One Login. */
  FAMILY_OIDC_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  FAMILY_OIDC_KEY_ID: z.string().min(1).optional(),
  /** Vector of trust requested from One Login: Cl.Cm = medium-level authentication, no identity proving. */
  FAMILY_OIDC_VTR: z.string().regex(/^\[.*\]$/, 'a JSON array such as ["Cl.Cm"]').default('["Cl.Cm"]'),
  /** Force staff with local accounts to enrol a TOTP second factor. Off for the demo. */
  REQUIRE_STAFF_2FA: z.enum(['true', 'false']).default('false'),
  /** Key material for encrypting TOTP secrets; defaults to SESSION_SECRET. */
  TOTP_ENCRYPTION_KEY: z.string().min(32).optional(),
});

export interface StaffOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  trustEmail: boolean;
}

export interface FamilyOidcConfig {
  issuer: string;
  clientId: string;
  privateKeyFile: string;
  keyId: string | undefined;
  vtr: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseReplicaUrl: string | undefined;
  appRolePassword: string;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string;
  publicUrl: string;
  demoLa: string;
  seedOnStart: boolean;
  logLevel: string;
  trustProxy: boolean;
  maxUploadBytes: number;
  /** Cookies are Secure everywhere except plain-HTTP local development and tests. */
  secureCookies: boolean;
  /** Undefined when not configured: the sign-in page then offers local accounts only. */
  staffOidc: StaffOidcConfig | undefined;
  familyOidc: FamilyOidcConfig | undefined;
  requireStaff2fa: boolean;
  totpKey: string;
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
  const staffKeys = ['STAFF_OIDC_ISSUER', 'STAFF_OIDC_CLIENT_ID', 'STAFF_OIDC_CLIENT_SECRET'] as const;
  const familyKeys = ['FAMILY_OIDC_ISSUER', 'FAMILY_OIDC_CLIENT_ID', 'FAMILY_OIDC_PRIVATE_KEY_FILE'] as const;
  for (const group of [staffKeys, familyKeys]) {
    const given = group.filter((k) => e[k]);
    if (given.length > 0 && given.length < group.length) {
      throw new ConfigError(`Single sign-on is half configured: set all of ${group.join(', ')} or none.`);
    }
  }
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    appRolePassword: e.DATABASE_APP_PASSWORD ?? DEV_ONLY_APP_PASSWORD,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    sessionSecret: e.SESSION_SECRET ?? DEV_ONLY_SECRET,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${port}`,
    demoLa: e.DEMO_LA,
    seedOnStart: e.SEED_ON_START === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    secureCookies: e.NODE_ENV === 'production',
    staffOidc:
      e.STAFF_OIDC_ISSUER && e.STAFF_OIDC_CLIENT_ID && e.STAFF_OIDC_CLIENT_SECRET
        ? { issuer: e.STAFF_OIDC_ISSUER, clientId: e.STAFF_OIDC_CLIENT_ID, clientSecret: e.STAFF_OIDC_CLIENT_SECRET, trustEmail: e.STAFF_OIDC_TRUST_EMAIL === 'true' }
        : undefined,
    familyOidc:
      e.FAMILY_OIDC_ISSUER && e.FAMILY_OIDC_CLIENT_ID && e.FAMILY_OIDC_PRIVATE_KEY_FILE
        ? { issuer: e.FAMILY_OIDC_ISSUER, clientId: e.FAMILY_OIDC_CLIENT_ID, privateKeyFile: path.resolve(cwd, e.FAMILY_OIDC_PRIVATE_KEY_FILE), keyId: e.FAMILY_OIDC_KEY_ID, vtr: e.FAMILY_OIDC_VTR }
        : undefined,
    requireStaff2fa: e.REQUIRE_STAFF_2FA === 'true',
    totpKey: e.TOTP_ENCRYPTION_KEY ?? e.SESSION_SECRET ?? DEV_ONLY_SECRET,
  };
}
