import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Provider, { type KoaContext } from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) inside the test process, on an ephemeral port, with two
 * clients registered the way OpenSEND is registered in production:
 *   opensend-staff  — client_secret_post (as with Microsoft Entra ID)
 *   opensend-family — private_key_jwt   (as with GOV.UK One Login)
 * Its login "page" completes at once as `nextAccount`. `tamper` rewrites the ID token the token
 * endpoint returns (re-signed with the provider's key unless told otherwise), for the token-level
 * refusals: expired, wrong audience, bad nonce, wrong signing key.
 */
export interface TestAccount {
  email: string;
  emailVerified?: boolean;
}

export type IdTokenTamper = (payload: Record<string, unknown>) => { payload: Record<string, unknown>; signWith?: 'provider' | 'stranger' };

export interface TestOidcProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  nextAccount: string;
  tamper: IdTokenTamper | undefined;
  /** Env for createTestApp: both providers pointed at this one. */
  env: Record<string, string>;
  close(): Promise<void>;
}

function rsaKey(kid: string): { privateKey: KeyObject; publicJwk: Record<string, unknown>; privateJwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' },
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' },
  };
}

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc(header)}.${enc(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

export async function startTestOidcProvider(appPublicUrl: string): Promise<TestOidcProvider> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://127.0.0.1:${port}`;

  const providerKey = rsaKey('provider-key');
  const stranger = rsaKey('provider-key'); // same kid, different key: a forged token
  const familyKey = rsaKey('family-client-key');
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-oidc-'));
  const familyKeyFile = path.join(keyDir, 'family-client.pem');
  fs.writeFileSync(familyKeyFile, familyKey.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });

  const state: TestOidcProvider = {
    issuer,
    accounts: new Map(),
    nextAccount: '',
    tamper: undefined,
    env: {
      PUBLIC_URL: appPublicUrl,
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: 'opensend-staff',
      STAFF_OIDC_CLIENT_SECRET: 'staff-client-secret-for-tests-only',
      FAMILY_OIDC_ISSUER: issuer,
      FAMILY_OIDC_CLIENT_ID: 'opensend-family',
      FAMILY_OIDC_PRIVATE_KEY_FILE: familyKeyFile,
      FAMILY_OIDC_KEY_ID: 'family-client-key',
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(keyDir, { recursive: true, force: true });
    },
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'opensend-staff',
        client_secret: 'staff-client-secret-for-tests-only',
        redirect_uris: [`${appPublicUrl}/sign-in/staff/callback`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: 'opensend-family',
        redirect_uris: [`${appPublicUrl}/sign-in/family/callback`],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [familyKey.publicJwk] },
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [providerKey.privateJwk] },
    cookies: { keys: ['test-only-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Explicit lifetimes (and error page) keep the provider from printing advice on every run.
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    renderError: async (ctx: KoaContext, out: Record<string, unknown>) => {
      ctx.body = `<!doctype html><html lang="en"><title>Error</title><p>${String(out.error)}</p></html>`;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => {
      const account = state.accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true }) };
    },
    // Consent is the IdP's business, not the test's: every client is granted what it asks for.
    loadExistingGrant: async (ctx: KoaContext) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  provider.use(async (ctx, next) => {
    // The test-only login: whoever arrives is `nextAccount`, at once.
    if (ctx.path.startsWith('/interaction/')) {
      await provider.interactionDetails(ctx.req, ctx.res);
      const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: state.nextAccount } }, { mergeWithLastSubmission: false });
      ctx.redirect(to);
      return;
    }
    await next();
    const body = ctx.body as Record<string, unknown> | undefined;
    if (ctx.path === '/token' && ctx.method === 'POST' && state.tamper && body && typeof body.id_token === 'string') {
      const [h, p] = body.id_token.split('.');
      const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as Record<string, unknown>;
      const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
      const changed = state.tamper(payload);
      ctx.body = { ...body, id_token: signJwt(header, changed.payload, changed.signWith === 'stranger' ? stranger.privateKey : providerKey.privateKey) };
    }
  });

  handler = provider.callback();
  return state;
}

/**
 * Follows the provider's redirects (auth → interaction → auth) with its own cookie jar, as a
 * browser would, until it is sent back to the app. Returns the app URL it was sent to.
 */
export async function followProvider(startUrl: string, appPublicUrl: string, jar = new Map<string, string>()): Promise<URL> {
  let url = new URL(startUrl);
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(appPublicUrl)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url.pathname} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}
