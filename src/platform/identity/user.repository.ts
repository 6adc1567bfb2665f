import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { RoleAssignment } from './principal.ts';
import { isRole } from './roles.ts';

export interface UserRecord {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_active: boolean;
}

export function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash', 'is_active'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash', 'is_active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function roleAssignments(db: Db, userId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select(['role', 'la_code', 'organisation_id', 'team'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .orderBy('la_code')
    .execute();
  return rows.flatMap((r) =>
    isRole(r.role) ? [{ role: r.role, laCode: r.la_code, organisationId: r.organisation_id, team: r.team }] : [],
  );
}

export async function recordSignIn(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: new Date() }).where('id', '=', userId).execute();
}
