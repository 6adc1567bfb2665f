import { withTenant, type Db } from '../../../platform/db/connection.ts';
import type { Message, Notifier } from '../domain/notifier.ts';
import { writeOutbox } from './outbox.repository.ts';

/** The default adapter: messages are kept in the outbox table, and nothing leaves the machine. */
export class OutboxNotifier implements Notifier {
  constructor(private readonly db: Db) {}

  async send(message: Message): Promise<void> {
    await withTenant(this.db, { laCodes: [message.laCode] }, (tx) => writeOutbox(tx, { ...message, to: message.to.toLowerCase() }, 'outbox'));
  }
}
