import { createHash } from 'node:crypto';

/**
 * Server-side sessions in PostgreSQL. The cookie holds a random token; the table holds its SHA-256,
 * so reading the table does not let anyone sign in as anybody. Sessions end after 30 minutes idle or
 * 12 hours in all, whichever comes first; signing in always starts a new session (no fixation).
 */
export const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;

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
