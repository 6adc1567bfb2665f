/**
 * The messages the service sends. Each says what happened and what to do next: a message that only
 * says "you have new information" makes people sign in to find out, and many will not.
 *
 * Texts use GOV.UK Notify's ((placeholder)) syntax so the same wording can be pasted into Notify
 * templates; the outbox renders them locally.
 */
export const MESSAGE_TEMPLATES = {
  'request-received': {
    subject: 'We have received your request for an EHC needs assessment for ((childName))',
    body: [
      'We have received your request for an EHC needs assessment for ((childName)). Your reference is ((reference)).',
      "We will tell you by ((decisionDate)) whether we will assess ((childName))'s needs.",
      'You do not need to do anything now. If we need more information before we decide, we will contact you.',
    ].join('\n\n'),
  },
  'setting-request-received': {
    subject: 'We have received a request for an EHC needs assessment for ((childName))',
    body: [
      '((settingName)) has asked us to assess ((childName))\'s education, health and care needs. The reference is ((reference)).',
      "We will tell you by ((decisionDate)) whether we will assess ((childName))'s needs.",
      'You do not need to do anything now. To follow the request online, create an account: ((accountLink))',
    ].join('\n\n'),
  },
  'confirm-email': {
    subject: 'Confirm your email address to create your account',
    body: [
      'Use this link to confirm your email address and set a password: ((link))',
      'The link works once and expires on ((expiresOn)). If you did not ask to create an account, you can ignore this email.',
    ].join('\n\n'),
  },
  'advice-received': {
    subject: 'Advice received for ((childName)) (((reference)))',
    body: [
      '((organisationName)) has sent its advice for ((childName)) (((reference))).',
      'Read it on the case and take it into account in the assessment: ((caseLink))',
    ].join('\n\n'),
  },
  // Partnership duties (partners module): a reminder before a duty is due, each step of the
  // escalation ladder after it, and a formal notice from the council.
  'partner-reminder': {
    subject: '((dutyName)) due by ((dueDate)): ((reference))',
    body: [
      '((organisationName)) has been asked for: ((dutyName)) (((reference))). It is due by ((dueDate)).',
      'See what is asked and respond in your work tray: ((trayLink))',
    ].join('\n\n'),
  },
  'partner-escalation': {
    subject: 'Overdue by ((daysLate)) days: ((dutyName)) from ((organisationName))',
    body: [
      '((dutyName)) (((reference))) from ((organisationName)) was due by ((dueDate)) and is ((daysLate)) days late.',
      'This has been raised to: ((stepName)), under the local partnership agreement.',
      'The work tray shows what is outstanding: ((trayLink))',
    ].join('\n\n'),
  },
  'partner-notice': {
    subject: 'Formal notice ((reference)) from the council: ((subject))',
    body: [
      'The council has issued a formal notice to ((organisationName)): ((subject)).',
      'Please respond by ((respondBy)) in your work tray: ((trayLink))',
    ].join('\n\n'),
  },
} as const;

export type TemplateId = keyof typeof MESSAGE_TEMPLATES;

export function isTemplateId(value: string): value is TemplateId {
  return Object.hasOwn(MESSAGE_TEMPLATES, value);
}

/** Fills ((name)) placeholders. A missing value is an error: a half-filled message must not be sent. */
export function renderMessage(template: TemplateId, personalisation: Readonly<Record<string, string>>): { subject: string; body: string } {
  const fill = (text: string): string =>
    text.replace(/\(\(([a-zA-Z]+)\)\)/g, (_, name: string) => {
      const value = personalisation[name];
      if (value === undefined) throw new Error(`Message ${template} needs ((${name}))`);
      return value;
    });
  const t = MESSAGE_TEMPLATES[template];
  return { subject: fill(t.subject), body: fill(t.body) };
}
