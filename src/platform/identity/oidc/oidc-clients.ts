import { createPrivateKey, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import * as client from 'openid-client';
import type { Config } from '../../config/config.ts';

/**
 * The two OpenID providers OpenSEND can send people to, each discovered lazily from its issuer's
 * /.well-known/openid-configuration and then cached. A failed discovery is not cached, so the next
 * attempt tries again (the provider may have been briefly unreachable).
 */
export type OidcKind = 'staff' | 'family';

export interface OidcClient {
  kind: OidcKind;
  issuer: string;
  scope: string;
  /** Extra authorisation parameters (One Login's vector of trust). */
  extraParams: Record<string, string>;
  /** Whether an email without email_verified=true may link a first sign-in. */
  trustUnverifiedEmail: boolean;
  configuration(): Promise<client.Configuration>;
}

/** Plain-HTTP issuers are allowed only on loopback outside production: the in-process test provider. */
function insecureAllowed(issuer: string, env: Config['env']): boolean {
  const u = new URL(issuer);
  return env !== 'production' && u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/**
 * openid-client, like the OIDC spec (Core 3.1.3.7), skips the ID token signature check when the
 * token came straight from the token endpoint over TLS. We check it anyway (against the provider's
 * published keys): a misissued certificate, a proxy that terminates TLS or a plain-HTTP test issuer
 * should not be enough to sign someone in as anybody.
 */
function discoveryOptions(issuer: string, env: Config['env']): client.DiscoveryRequestOptions {
  return {
    execute: insecureAllowed(issuer, env) ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
  };
}

function lazily(load: () => Promise<client.Configuration>): () => Promise<client.Configuration> {
  let cached: Promise<client.Configuration> | undefined;
  return () => {
    cached ??= load().catch((e: unknown) => {
      cached = undefined;
      throw e;
    });
    return cached;
  };
}

/** A PKCS#8 PEM (RSA or P-256) as a WebCrypto signing key for private_key_jwt. */
async function signingKey(pemFile: string): Promise<webcrypto.CryptoKey> {
  const keyObject = createPrivateKey(fs.readFileSync(pemFile));
  const der = keyObject.export({ format: 'der', type: 'pkcs8' });
  const algorithm =
    keyObject.asymmetricKeyType === 'ec'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
}

export function oidcClients(config: Config): Partial<Record<OidcKind, OidcClient>> {
  const clients: Partial<Record<OidcKind, OidcClient>> = {};
  const staff = config.staffOidc;
  if (staff) {
    const options = discoveryOptions(staff.issuer, config.env);
    clients.staff = {
      kind: 'staff',
      issuer: staff.issuer,
      scope: 'openid email profile',
      extraParams: {},
      trustUnverifiedEmail: staff.trustEmail,
      configuration: lazily(() =>
        client.discovery(new URL(staff.issuer), staff.clientId, staff.clientSecret, client.ClientSecretPost(staff.clientSecret), options),
      ),
    };
  }
  const family = config.familyOidc;
  if (family) {
    const options = discoveryOptions(family.issuer, config.env);
    clients.family = {
      kind: 'family',
      issuer: family.issuer,
      // One Login gives only what is asked for: the subject and a verified email, never roles.
      scope: 'openid email',
      extraParams: { vtr: family.vtr, ui_locales: 'en' },
      trustUnverifiedEmail: false,
      configuration: lazily(async () => {
        const key = await signingKey(family.privateKeyFile);
        // One Login wants the client assertion's audience to be its token endpoint, not the issuer.
        const discovered: { tokenEndpoint?: string } = {};
        const configuration = await client.discovery(
          new URL(family.issuer),
          family.clientId,
          { token_endpoint_auth_method: 'private_key_jwt' },
          client.PrivateKeyJwt(family.keyId ? { key, kid: family.keyId } : key, {
            [client.modifyAssertion]: (_header, payload) => {
              if (discovered.tokenEndpoint) payload.aud = discovered.tokenEndpoint;
            },
          }),
          options,
        );
        discovered.tokenEndpoint = configuration.serverMetadata().token_endpoint;
        return configuration;
      }),
    };
  }
  return clients;
}
