import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sessionKey, type Session, type SessionData } from './session-keys.ts';
import { forget } from './signed-in-lookup.ts';

export { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sessionKey, type Session, type SessionData };

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: Db, userId: string, data: SessionData): Promise<Session> {
  const token = newToken();
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({ id: sessionKey(token), user_id: userId, created_at: now, last_seen_at: now, data: JSON.stringify(data) })
    .execute();
  return { token, userId, createdAt: now, lastSeenAt: now, data };
}

export async function saveSessionData(db: Db, token: string, data: SessionData): Promise<void> {
  forget(token);
  await db.updateTable('sessions').set({ data: JSON.stringify(data) }).where('id', '=', sessionKey(token)).execute();
}

export async function destroySession(db: Db, token: string): Promise<void> {
  forget(token);
  await db.deleteFrom('sessions').where('id', '=', sessionKey(token)).execute();
}

/** Removes sessions past either limit (run periodically; expired ones are also refused on use). */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<', new Date(now.getTime() - IDLE_LIMIT_MS)),
        eb('created_at', '<', new Date(now.getTime() - ABSOLUTE_LIMIT_MS)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
