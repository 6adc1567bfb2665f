import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connection.ts';
import { messageParagraphs } from '../domain/message-paragraphs.ts';
import { recentMessages } from '../infrastructure/outbox.repository.ts';

/**
 * GET /dev/mailbox: the messages the service would have sent, so a developer or a tester can follow
 * an emailed link without a real mailbox. Registered only outside production (see index.ts).
 */
export function registerDevMailboxRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { to?: string } }>('/dev/mailbox', { config: { access: 'public' } }, async (req, reply) => {
    const councils = await db.selectFrom('councils').select('la_code').execute();
    const to = typeof req.query.to === 'string' && req.query.to.trim() ? req.query.to.trim() : undefined;
    const messages = await recentMessages(db, councils.map((c) => c.la_code), to ? { to } : {});
    return reply.render('notify/mailbox.njk', { title: 'Development mailbox', messages: messages.map((m) => ({ ...m, paragraphs: messageParagraphs(m.body) })), to: to ?? '' });
  });
}
