import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export function registerHealthRoute(app: FastifyInstance, db: Db): void {
  app.get('/health', { config: { access: 'public' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      return reply.send({ status: 'ok', database: 'ok' });
    } catch {
      // The reason, not the internals: no connection strings or stack traces.
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable', reason: 'The database is not answering.' });
    }
  });
}
