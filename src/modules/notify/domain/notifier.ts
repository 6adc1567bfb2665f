import type { TemplateId } from './message-templates.ts';

/** One message to one person. la_code says whose record it is about (messages are tenant data). */
export interface Message {
  laCode: string;
  to: string;
  template: TemplateId;
  personalisation: Record<string, string>;
}

/**
 * The port every module sends through. Adapters: the outbox (default; a development mailbox shows
 * it) and GOV.UK Notify (when an API key is configured).
 */
export interface Notifier {
  send(message: Message): Promise<void>;
}
