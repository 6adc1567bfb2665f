import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { buildPrincipal, type Principal, type RoleAssignment } from './principal.ts';
import { isRole } from './roles.ts';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sessionKey, type Session, type SessionData } from './session-keys.ts';

/**
 * Who is signed in, in one round trip (session ⋈ user ⋈ roles), with a short in-process cache.
 * The cache holds an entry for at most CACHE_MS: a role removed by an administrator, or a sign-out
 * in another instance, takes effect within that time; a sign-out in this instance takes effect at
 * once (forget()). The idle and absolute limits are checked on every request, cached or not.
 */
const CACHE_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  session: Session;
  principal: Principal | undefined;
  cachedAt: number;
}

const cache = new Map<string, Entry>();

export function forget(token: string): void {
  cache.delete(sessionKey(token));
}

export async function lookUpSignedIn(db: Db, token: string, now: Date): Promise<{ session: Session; principal: Principal | undefined } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const key = sessionKey(token);
  const t = now.getTime();
  let entry = cache.get(key);
  if (entry && t - entry.cachedAt > CACHE_MS) entry = undefined;
  if (!entry) {
    const row = await sql<{
      user_id: string;
      created_at: Date;
      last_seen_at: Date;
      data: SessionData;
      display_name: string;
      email: string;
      is_active: boolean;
      roles: Array<{ role: string; laCode: string | null; organisationId: string | null; team: string | null }>;
    }>`select s.user_id, s.created_at, s.last_seen_at, s.data, u.display_name, u.email, u.is_active,
         coalesce(json_agg(json_build_object('role', r.role, 'laCode', r.la_code, 'organisationId', r.organisation_id, 'team', r.team)
           order by r.role, r.la_code) filter (where r.id is not null), '[]') as roles
       from sessions s join users u on u.id = s.user_id left join user_roles r on r.user_id = u.id
       where s.id = ${key} group by s.id, u.id`.execute(db);
    const r = row.rows[0];
    if (!r) return undefined;
    const assignments: RoleAssignment[] = r.roles.flatMap((a) => (isRole(a.role) ? [{ role: a.role, laCode: a.laCode, organisationId: a.organisationId, team: a.team }] : []));
    const active = r.data.activeRole;
    const session: Session = { token, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, data: r.data };
    const principal = r.is_active
      ? buildPrincipal({ id: r.user_id, display_name: r.display_name, email: r.email }, assignments, typeof active === 'string' && isRole(active) ? active : undefined)
      : undefined;
    entry = { session, principal, cachedAt: t };
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, entry);
  }
  const { session } = entry;
  if (t - session.lastSeenAt.getTime() > IDLE_LIMIT_MS || t - session.createdAt.getTime() > ABSOLUTE_LIMIT_MS) {
    cache.delete(key);
    await db.deleteFrom('sessions').where('id', '=', key).execute();
    return undefined;
  }
  if (t - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    session.lastSeenAt = now;
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', key).execute();
  }
  return { session, principal: entry.principal };
}
