import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * TOTP secrets are stored encrypted (AES-256-GCM) so a copy of the database, a backup or a log line
 * of a row does not let anyone mint codes. The key is derived (HKDF-SHA256) from a secret the
 * database never sees: TOTP_ENCRYPTION_KEY when set, otherwise SESSION_SECRET. Rotating that secret
 * makes existing enrolments unreadable (users re-enrol), which is documented in docs/sign-in.md.
 * Format: v1.<iv>.<tag>.<ciphertext>, base64url, with the user id as associated data so a secret
 * copied onto another user's row does not decrypt.
 */
function key(masterSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterSecret, 'opensend-totp', 'totp-secret-v1', 32));
}

export function sealSecret(masterSecret: string, userId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(masterSecret), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function openSecret(masterSecret: string, userId: string, sealed: string): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(masterSecret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
