import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config/config.ts';
import { Agent, createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Single sign-on settings: all or nothing, off by default, and an unreachable provider is a 503 page. */
describe('single sign-on settings', () => {
  it('are off by default: local accounts only', () => {
    const c = loadConfig({ NODE_ENV: 'test' }, '/tmp');
    expect(c.staffOidc).toBeUndefined();
    expect(c.familyOidc).toBeUndefined();
    expect(c.requireStaff2fa).toBe(false);
  });

  it('refuse a half-configured provider and a malformed issuer', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', STAFF_OIDC_ISSUER: 'https://login.example/v2.0' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', FAMILY_OIDC_CLIENT_ID: 'x' }, '/tmp')).toThrow(/FAMILY_OIDC_ISSUER/);
    expect(() => loadConfig({ NODE_ENV: 'test', STAFF_OIDC_ISSUER: 'not a url', STAFF_OIDC_CLIENT_ID: 'a', STAFF_OIDC_CLIENT_SECRET: 'b' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', FAMILY_OIDC_VTR: 'Cl.Cm' }, '/tmp')).toThrow(/FAMILY_OIDC_VTR/);
  });

  it('read a complete configuration', () => {
    const c = loadConfig(
      {
        NODE_ENV: 'test',
        STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0',
        STAFF_OIDC_CLIENT_ID: 'id',
        STAFF_OIDC_CLIENT_SECRET: 'secret',
        STAFF_OIDC_TRUST_EMAIL: 'true',
        FAMILY_OIDC_ISSUER: 'https://oidc.integration.account.gov.uk/',
        FAMILY_OIDC_CLIENT_ID: 'fid',
        FAMILY_OIDC_PRIVATE_KEY_FILE: 'keys/onelogin.pem',
        REQUIRE_STAFF_2FA: 'true',
      },
      '/srv/opensend',
    );
    expect(c.staffOidc).toEqual({ issuer: 'https://login.microsoftonline.com/t/v2.0', clientId: 'id', clientSecret: 'secret', trustEmail: true });
    expect(c.familyOidc).toMatchObject({ privateKeyFile: '/srv/opensend/keys/onelogin.pem', vtr: '["Cl.Cm"]', keyId: undefined });
    expect(c.requireStaff2fa).toBe(true);
  });
});

describe('an unreachable provider', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('gets a 503 page, not a 500, while the sign-in page still offers the password form', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(port));
      });
    });
    const app = await createTestApp(t, {
      STAFF_OIDC_ISSUER: `http://127.0.0.1:${closedPort}`,
      STAFF_OIDC_CLIENT_ID: 'x',
      STAFF_OIDC_CLIENT_SECRET: 'y',
    });
    try {
      const agent = new Agent(app);
      const page = await agent.get('/sign-in');
      expect(page.body).toContain('Sign in with your council account');
      expect(page.body).not.toContain('GOV.UK One Login');
      expect(page.body).toContain('name="password"');
      const res = await agent.get('/sign-in/staff');
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('not available at the moment');
      expect((await agent.get('/sign-in/family')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
