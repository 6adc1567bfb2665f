import type { DisputeStage, Resolution } from '../domain/dispute-state.ts';

/** GOV.UK tags for deadline states. */
const TAGS: Record<string, { text: string; classes: string }> = {
  'on-track': { text: 'On track', classes: 'govuk-tag--green' },
  'due-soon': { text: 'Due within 2 weeks', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'Met', classes: 'govuk-tag--blue' },
  'met-late': { text: 'Met late', classes: 'govuk-tag--orange' },
  ended: { text: 'Period ended', classes: 'govuk-tag--grey' },
  exception: { text: 'Exception applies', classes: 'govuk-tag--purple' },
  none: { text: 'No deadline running', classes: 'govuk-tag--grey' },
};
export const deadlineTag = (status: string) => TAGS[status] ?? { text: status, classes: 'govuk-tag--grey' };

export const STAGE_NAMES: Record<DisputeStage, string> = {
  'contact-window': 'Family may contact the mediation adviser',
  certificate: 'Waiting for the mediation certificate',
  mediation: 'Mediation',
  amendment: 'Amendment to be drafted',
  'appeal-window': 'Family may appeal',
  appeal: 'Appeal to the SEND Tribunal',
  complying: "Complying with the Tribunal's orders",
  closed: 'Closed',
};

export const RESOLUTION_NAMES: Record<Resolution, string> = {
  'mediation-agreement': 'Agreed in mediation',
  tribunal: "Tribunal decided and orders complied with",
  'no-appeal': 'No appeal made in time',
  resolved: 'Resolved',
  withdrawn: 'Withdrawn',
  'no-further-action': 'No further action',
};

export const OWNER_NAMES: Record<string, string> = { family: 'Family', council: 'Council', 'mediation-adviser': 'Mediation adviser' };
export const PARTNER_NAMES: Record<string, string> = { health: 'Health (the commissioning body)', 'social-care': 'Social care' };
export const OUTCOME_NAMES: Record<string, string> = { upheld: 'Upheld', 'partly-upheld': 'Partly upheld', dismissed: 'Dismissed', conceded: 'Conceded by the council', withdrawn: 'Withdrawn' };
export const MEDIATION_OUTCOMES: Record<string, string> = { agreed: 'Agreement reached on everything', 'partly-agreed': 'Agreement on some things', 'not-agreed': 'No agreement' };
export const TRIBUNAL_DATE_KINDS: Record<string, string> = { 'response-due': "Council's response due", 'evidence-due': 'Evidence due', hearing: 'Hearing', other: 'Other date' };
export const sectionName = (s: string): string => (s === 'decision' ? 'The decision itself' : `Section ${s}`);

/** One line per event for the history timeline. */
export const EVENT_LABELS: Record<string, string> = {
  'dispute-opened': 'Disagreement recorded',
  'mediation-adviser-contacted': 'Family contacted the mediation adviser',
  'mediation-arranged': 'Mediation arranged',
  'mediation-held': 'Mediation held',
  'certificate-issued': 'Mediation certificate issued',
  'amendment-drafted': 'Amendment drafted',
  'appeal-registered': 'Appeal registered with the SEND Tribunal',
  'tribunal-date-set': 'Tribunal date set',
  'tribunal-decided': 'Tribunal decision',
  'order-complied': "Tribunal's order complied with",
  'dispute-closed': 'Dispute closed',
};
