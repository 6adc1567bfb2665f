import { describe, expect, it } from 'vitest';
import { GovukNotifyNotifier, type NotifyEmailClient } from '../infrastructure/govuk-notify-notifier.ts';
import { MESSAGE_TEMPLATES, renderMessage, type TemplateId } from './message-templates.ts';
import { messageParagraphs } from './message-paragraphs.ts';

describe('messages', () => {
  it('say what happened and what to do, never only that there is news', () => {
    for (const [id, t] of Object.entries(MESSAGE_TEMPLATES)) {
      expect(t.body, id).not.toMatch(/new information|has been updated|log in to see/i);
      expect(t.body.split('\n\n').length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('fill every placeholder and refuse to send a half-filled message', () => {
    const m = renderMessage('request-received', { childName: 'Sam', reference: 'REQ-370-ABCDEF', decisionDate: '12 January 2027' });
    expect(m.subject).toBe('We have received your request for an EHC needs assessment for Sam');
    expect(m.body).toContain("We will tell you by 12 January 2027 whether we will assess Sam's needs.");
    expect(() => renderMessage('request-received', { childName: 'Sam' })).toThrow(/needs \(\(reference\)\)/);
  });

  it('turns links into parts a page can show safely', () => {
    expect(messageParagraphs('Use this link: https://x.test/a/b now\n\nThanks')).toEqual([
      [{ text: 'Use this link: ' }, { href: 'https://x.test/a/b' }, { text: ' now' }],
      [{ text: 'Thanks' }],
    ]);
  });

  it('sends through GOV.UK Notify with the mapped template id', async () => {
    const sent: unknown[] = [];
    const client: NotifyEmailClient = { sendEmail: async (...args) => void sent.push(args) };
    const ids = Object.fromEntries(Object.keys(MESSAGE_TEMPLATES).map((k, i) => [k, `notify-template-${i}`])) as Record<TemplateId, string>;
    // The outbox copy needs a database; this test checks only the call to Notify.
    const notifier = new GovukNotifyNotifier({ transaction: () => ({ execute: async () => undefined }) } as never, client, ids);
    await notifier.send({ laCode: '370', to: 'a@example.com', template: 'confirm-email', personalisation: { link: 'https://x.test', expiresOn: '1 January 2027' } });
    expect(sent).toEqual([[ids['confirm-email'], 'a@example.com', { personalisation: { link: 'https://x.test', expiresOn: '1 January 2027' } }]]);
  });
});
