import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { renderMessage } from '../domain/message-templates.ts';
import type { Message } from '../domain/notifier.ts';

export async function writeOutbox(tx: Tx, message: Message, channel: 'outbox' | 'govuk-notify'): Promise<void> {
  const { subject, body } = renderMessage(message.template, message.personalisation);
  await tx
    .insertInto('outbox')
    .values({
      la_code: message.laCode,
      recipient: message.to,
      template: message.template,
      personalisation: JSON.stringify(message.personalisation),
      subject,
      body,
      channel,
    })
    .execute();
}

export interface OutboxMessage {
  id: string;
  laCode: string;
  to: string;
  template: string;
  subject: string;
  body: string;
  channel: string;
  createdAt: Date;
}

/** Newest first, for the development mailbox (which passes every council it may show). */
export async function recentMessages(db: Db, laCodes: string[], options: { to?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
  return withTenant(db, { laCodes }, async (tx) => {
    let q = tx.selectFrom('outbox').select(['id', 'la_code', 'recipient', 'template', 'subject', 'body', 'channel', 'created_at']);
    if (options.to) q = q.where('recipient', '=', options.to.toLowerCase());
    const rows = await q.orderBy('created_at', 'desc').limit(options.limit ?? 50).execute();
    return rows.map((r) => ({ id: r.id, laCode: r.la_code, to: r.recipient, template: r.template, subject: r.subject, body: r.body, channel: r.channel, createdAt: r.created_at }));
  });
}
