// Notifications: the port, its adapters and the development mailbox.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/connection.ts';
import { registerDevMailboxRoutes } from './web/mailbox.routes.ts';
import './infrastructure/notify.tables.ts';

export { MESSAGE_TEMPLATES, renderMessage, isTemplateId, type TemplateId } from './domain/message-templates.ts';
export type { Message, Notifier } from './domain/notifier.ts';
export { OutboxNotifier } from './infrastructure/outbox-notifier.ts';
export { GovukNotifyNotifier, type NotifyEmailClient } from './infrastructure/govuk-notify-notifier.ts';
export { recentMessages, type OutboxMessage } from './infrastructure/outbox.repository.ts';

/** The mailbox shows every council's messages, so it must never exist in production. */
export function registerNotifyRoutes(app: FastifyInstance, deps: { db: Db; env: 'development' | 'test' | 'production' }): void {
  if (deps.env !== 'production') registerDevMailboxRoutes(app, deps.db);
}

import { OutboxNotifier as Outbox } from './infrastructure/outbox-notifier.ts';
import { GovukNotifyNotifier as GovukNotify, type NotifyEmailClient as Client } from './infrastructure/govuk-notify-notifier.ts';
import type { Notifier as Port } from './domain/notifier.ts';
import type { TemplateId as Template } from './domain/message-templates.ts';

/**
 * The notifier for this deployment: GOV.UK Notify when a client (built from NOTIFY_API_KEY) and the
 * template ids are given, otherwise the outbox.
 */
export function createNotifier(db: Db, options: { govukNotify?: { client: Client; templateIds: Readonly<Record<Template, string>> } } = {}): Port {
  return options.govukNotify ? new GovukNotify(db, options.govukNotify.client, options.govukNotify.templateIds) : new Outbox(db);
}
