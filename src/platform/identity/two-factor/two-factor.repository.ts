import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import '../identity.tables.ts';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { matchTotp, newTotpSecret } from './totp.ts';

/** Database side of two-factor sign-in: enrolments, recovery codes and pending challenges. */

export const CHALLENGE_LIFETIME = '5 minutes';
export const CHALLENGE_MAX_ATTEMPTS = 5;

export async function hasConfirmedTotp(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('totp_enrolments').select('user_id').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** The secret being set up (kept across page reloads so the QR code shown stays valid). */
export async function pendingSecret(db: Db, key: string, userId: string): Promise<string> {
  const existing = await db.selectFrom('totp_enrolments').select(['secret_encrypted', 'confirmed_at']).where('user_id', '=', userId).executeTakeFirst();
  if (existing && existing.confirmed_at === null) {
    const secret = openSecret(key, userId, existing.secret_encrypted);
    if (secret) return secret;
  }
  const secret = newTotpSecret();
  await db
    .insertInto('totp_enrolments')
    .values({ user_id: userId, secret_encrypted: sealSecret(key, userId, secret) })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret_encrypted: sealSecret(key, userId, secret), confirmed_at: null, last_used_step: null }))
    .execute();
  return secret;
}

/**
 * Checks a code and, if right, records its time step in the same statement, so the same code (or an
 * earlier one) cannot be used again, even by two requests racing each other.
 */
async function consumeTotp(db: Db, key: string, userId: string, code: string, now: Date, confirmedOnly: boolean): Promise<boolean> {
  let q = db.selectFrom('totp_enrolments').select(['secret_encrypted', 'last_used_step']).where('user_id', '=', userId);
  if (confirmedOnly) q = q.where('confirmed_at', 'is not', null);
  const row = await q.executeTakeFirst();
  if (!row) return false;
  const secret = openSecret(key, userId, row.secret_encrypted);
  if (!secret) return false;
  const step = matchTotp(secret, code, now, row.last_used_step === null ? null : Number(row.last_used_step));
  if (step === undefined) return false;
  const updated = await db
    .updateTable('totp_enrolments')
    .set({ last_used_step: step, confirmed_at: sql<Date>`coalesce(confirmed_at, now())` })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', String(step))]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Confirms a pending enrolment with its first code and issues fresh recovery codes (hashes stored). */
export async function confirmEnrolment(db: Db, key: string, userId: string, code: string, now: Date, recoveryCodes: string[]): Promise<boolean> {
  const pending = await db.selectFrom('totp_enrolments').select('confirmed_at').where('user_id', '=', userId).executeTakeFirst();
  if (!pending || pending.confirmed_at !== null) return false;
  if (!(await consumeTotp(db, key, userId, code, now, false))) return false;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    await tx.insertInto('totp_recovery_codes').values(recoveryCodes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c) }))).execute();
  });
  return true;
}

export async function removeEnrolment(db: Db, userId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    await tx.deleteFrom('totp_enrolments').where('user_id', '=', userId).execute();
  });
}

/** A code from the app, or else one unused recovery code (which is then spent). */
export async function verifySecondFactor(db: Db, key: string, userId: string, typed: string, now: Date): Promise<'totp' | 'recovery' | false> {
  if (await consumeTotp(db, key, userId, typed, now, true)) return 'totp';
  if (!looksLikeRecoveryCode(typed)) return false;
  const spent = await db
    .updateTable('totp_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(typed))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1 ? 'recovery' : false;
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const challengeKey = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createChallenge(db: Db, userId: string, returnTo: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // Old challenges of this user go: only the newest password sign-in can be completed.
  await db.deleteFrom('sign_in_challenges').where('user_id', '=', userId).execute();
  // Abandoned challenges of anybody are useless after five minutes; clear them as we go.
  await db.deleteFrom('sign_in_challenges').where('created_at', '<', sql<Date>`now() - '1 hour'::interval`).execute();
  await db.insertInto('sign_in_challenges').values({ id: challengeKey(token), user_id: userId, return_to: returnTo }).execute();
  return token;
}

export async function findChallenge(db: Db, token: string): Promise<{ userId: string; returnTo: string; attempts: number } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('sign_in_challenges')
    .select(['user_id', 'return_to', 'attempts'])
    .where('id', '=', challengeKey(token))
    .where('created_at', '>', sql<Date>`now() - ${CHALLENGE_LIFETIME}::interval`)
    .executeTakeFirst();
  return row ? { userId: row.user_id, returnTo: row.return_to, attempts: row.attempts } : undefined;
}

export async function countFailedAttempt(db: Db, token: string): Promise<void> {
  await db.updateTable('sign_in_challenges').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', challengeKey(token)).execute();
}

export async function endChallenge(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('id', '=', challengeKey(token)).execute();
}
