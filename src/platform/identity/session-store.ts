import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';

/**
 * Server-side sessions in PostgreSQL. The cookie holds a random token; the table holds its SHA-256,
 * so reading the table does not let anyone sign in as anybody. Sessions end after 30 minutes idle or
 * 12 hours in all, whichever comes first; signing in always starts a new session (no fixation).
 */
export const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionData {
  activeRole?: string;
  [key: string]: unknown;
}

export interface Session {
  token: string;
  userId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  data: SessionData;
}

/** The stored key of a session token. */
export const sessionKey = (token: string): string => createHash('sha256').update(token).digest('hex');

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

export async function loadSession(db: Db, token: string, now: Date): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'created_at', 'last_seen_at', 'data'])
    .where('id', '=', sessionKey(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const expired =
    now.getTime() - row.last_seen_at.getTime() > IDLE_LIMIT_MS || now.getTime() - row.created_at.getTime() > ABSOLUTE_LIMIT_MS;
  if (expired) {
    await destroySession(db, token);
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionKey(token)).execute();
  }
  return { token, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, data: row.data as SessionData };
}

export async function saveSessionData(db: Db, token: string, data: SessionData): Promise<void> {
  await db.updateTable('sessions').set({ data: JSON.stringify(data) }).where('id', '=', sessionKey(token)).execute();
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionKey(token)).execute();
}

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

