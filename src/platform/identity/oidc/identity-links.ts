import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { isFamilyRole } from '../family-roles.ts';
import '../identity.tables.ts';
import type { OidcKind } from './oidc-clients.ts';

/**
 * Who an OpenID identity is in OpenSEND. The provider proves an (issuer, subject); OpenSEND decides
 * who that is and what they may do. Roles never come from the provider.
 *
 * - A stored link (issuer, subject) → user is the answer, if that user is active and still holds a
 *   role of the right kind (staff roles for the council's provider, family roles for One Login).
 * - Otherwise, at a first sign-in only: an administrator must already have created the user with
 *   that email address and a role of the right kind, the provider must say the email is verified
 *   (or the council has said its staff directory is trusted), and the user must not already be
 *   linked to a different subject at that issuer. Then the link is stored.
 * - Anything else is refused: no account is ever created from a provider's say-so.
 */
export type Resolution =
  | { ok: true; userId: string; linkedNow: boolean }
  | { ok: false; reason: 'no-account' | 'wrong-kind' | 'inactive' | 'email-unverified' | 'already-linked' };

async function holdsRoleOfKind(db: Db, userId: string, kind: OidcKind): Promise<boolean> {
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return roles.some((r) => (kind === 'family' ? isFamilyRole(r.role) : !isFamilyRole(r.role)));
}

export async function resolveIdentity(
  db: Db,
  input: { kind: OidcKind; issuer: string; subject: string; email: string | undefined; emailVerified: boolean },
): Promise<Resolution> {
  const link = await db
    .selectFrom('user_identity_links')
    .innerJoin('users', 'users.id', 'user_identity_links.user_id')
    .select(['users.id', 'users.is_active'])
    .where('issuer', '=', input.issuer)
    .where('subject', '=', input.subject)
    .executeTakeFirst();
  if (link) {
    if (!link.is_active) return { ok: false, reason: 'inactive' };
    if (!(await holdsRoleOfKind(db, link.id, input.kind))) return { ok: false, reason: 'wrong-kind' };
    return { ok: true, userId: link.id, linkedNow: false };
  }
  if (!input.email) return { ok: false, reason: 'no-account' };
  const user = await db
    .selectFrom('users')
    .select(['id', 'is_active'])
    .where(sql`lower(email)`, '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) return { ok: false, reason: 'no-account' };
  if (!input.emailVerified) return { ok: false, reason: 'email-unverified' };
  if (!user.is_active) return { ok: false, reason: 'inactive' };
  if (!(await holdsRoleOfKind(db, user.id, input.kind))) return { ok: false, reason: 'wrong-kind' };
  const other = await db
    .selectFrom('user_identity_links')
    .select('subject')
    .where('issuer', '=', input.issuer)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (other) return { ok: false, reason: 'already-linked' };
  const inserted = await db
    .insertInto('user_identity_links')
    .values({ issuer: input.issuer, subject: input.subject, user_id: user.id, provider: input.kind })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  // A concurrent first sign-in of the same identity may have linked it a moment ago: resolve again.
  if (!inserted) return resolveIdentity(db, input);
  return { ok: true, userId: user.id, linkedNow: true };
}
