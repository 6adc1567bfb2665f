import { createHash, randomBytes } from 'node:crypto';

/**
 * Recovery codes for a lost phone: ten codes of 10 characters from a 32-letter alphabet without
 * look-alikes (50 bits each), grouped 5-5 for reading aloud. Only their SHA-256 is stored.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz023456789'; // no i, l, o or 1: 32 characters, 5 bits each
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Normalised so that case, spaces and the hyphen do not matter when typed back. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

export function looksLikeRecoveryCode(typed: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(typed));
}
