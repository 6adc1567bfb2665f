import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from '../../src/platform/identity/two-factor/recovery-codes.ts';
import { openSecret, sealSecret } from '../../src/platform/identity/two-factor/secret-box.ts';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpAt } from '../../src/platform/identity/two-factor/totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; 8-digit values there,
// whose last six digits are what a 6-digit authenticator shows.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vectors', () => {
    for (const [seconds, expected] of RFC_VECTORS) expect(totpAt(RFC_SECRET, new Date(seconds * 1000))).toBe(expected.slice(-6));
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(secret, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(s))).toBe(s);
    expect(base32Decode(s)).toHaveLength(20);
  });

  it('accepts one step either side and no further', () => {
    const now = new Date(1_700_000_000_000);
    const at = (deltaSteps: number) => totpAt(RFC_SECRET, new Date(now.getTime() + deltaSteps * 30_000));
    expect(matchTotp(RFC_SECRET, at(-1), now, null)).toBeDefined();
    expect(matchTotp(RFC_SECRET, at(0), now, null)).toBeDefined();
    expect(matchTotp(RFC_SECRET, at(1), now, null)).toBeDefined();
    expect(matchTotp(RFC_SECRET, at(-2), now, null)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, at(2), now, null)).toBeUndefined();
  });

  it('refuses a code from a step already used, and malformed input', () => {
    const now = new Date(1_700_000_000_000);
    const code = totpAt(RFC_SECRET, now);
    const step = matchTotp(RFC_SECRET, code, now, null)!;
    expect(matchTotp(RFC_SECRET, code, now, step)).toBeUndefined();
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5x']) expect(matchTotp(RFC_SECRET, bad, now, null)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
  });

  it('builds an otpauth URI authenticator apps understand', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'a@b.example', 'OpenSEND');
    expect(uri).toBe('otpauth://totp/OpenSEND%3Aa%40b.example?secret=JBSWY3DPEHPK3PXP&issuer=OpenSEND&algorithm=SHA1&digits=6&period=30');
  });
});

describe('TOTP secret encryption', () => {
  const key = 'a-test-master-secret-of-at-least-32-chars';
  it('round-trips and hides the secret', () => {
    const sealed = sealSecret(key, 'user-1', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, 'user-1', sealed)).toBe('JBSWY3DPEHPK3PXP');
  });
  it('does not open under another key, for another user, or when altered', () => {
    const sealed = sealSecret(key, 'user-1', 'JBSWY3DPEHPK3PXP');
    expect(openSecret(`${key}-rotated`, 'user-1', sealed)).toBeUndefined();
    expect(openSecret(key, 'user-2', sealed)).toBeUndefined();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(openSecret(key, 'user-1', parts.join('.'))).toBeUndefined();
    expect(openSecret(key, 'user-1', 'garbage')).toBeUndefined();
  });
});

describe('recovery codes', () => {
  it('are ten distinct, readable codes whose hash ignores case, spaces and hyphens', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
      expect(c).not.toMatch(/[ilo1]/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
      expect(hashRecoveryCode(c.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(c));
    }
  });
});
