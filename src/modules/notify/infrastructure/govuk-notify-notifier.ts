import { withTenant, type Db } from '../../../platform/db/connection.ts';
import type { TemplateId } from '../domain/message-templates.ts';
import type { Message, Notifier } from '../domain/notifier.ts';
import { writeOutbox } from './outbox.repository.ts';

/**
 * The part of notifications-node-client's NotifyClient this adapter uses. Declared here so the
 * adapter compiles and is testable without the package: `new NotifyClient(apiKey)` satisfies it.
 */
export interface NotifyEmailClient {
  sendEmail(templateId: string, emailAddress: string, options: { personalisation: Record<string, string>; reference?: string }): Promise<unknown>;
}

/**
 * Sends through GOV.UK Notify. Each of our templates maps to a Notify template id (created in the
 * Notify admin with the wording in message-templates.ts). A copy is kept in the outbox as the
 * record of what was sent.
 */
export class GovukNotifyNotifier implements Notifier {
  constructor(
    private readonly db: Db,
    private readonly client: NotifyEmailClient,
    private readonly templateIds: Readonly<Record<TemplateId, string>>,
  ) {}

  async send(message: Message): Promise<void> {
    await this.client.sendEmail(this.templateIds[message.template], message.to, { personalisation: message.personalisation });
    await withTenant(this.db, { laCodes: [message.laCode] }, (tx) => writeOutbox(tx, { ...message, to: message.to.toLowerCase() }, 'govuk-notify'));
  }
}
