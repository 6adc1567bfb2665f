/**
 * The vocabulary of case events: the record of the statutory process. Every module that writes or
 * reads case history uses these types and payloads; status, deadlines, SEN2 rows and dashboard
 * figures are pure functions of them. Payload fields are camelCase JSON stored in case_events.data.
 *
 * Adding an event type: add it here with its payload, give it labels in event-labels.ts, and teach
 * the derivations that care about it. Never change the meaning of an existing payload field:
 * history written years ago must read the same way.
 */
export type RequestSource = 'parent' | 'young-person' | 'setting' | 'health' | 'social-care' | 'other';
export type AdviceKind = 'education' | 'health' | 'social-care' | 'educational-psychology' | 'other';

export interface CaseEventPayloads {
  /** The request under s36(1) CFA 2014 (or the council becoming responsible, s24). Starts the 6/16/20-week clocks. */
  'request-received': { source: RequestSource; requestedBy?: string; reasons?: string; requestId?: string };
  'request-withdrawn': { reasons?: string };
  /** reg 5(1). A 'not-assess' decision is appealable: a decision notice is served the same day. */
  'decision-to-assess': { decision: 'assess' | 'not-assess'; reasons?: string[] | string };
  /** reg 8: a partner is asked for advice; their 6 weeks run from the day they receive the request. */
  'advice-requested': { adviceId: string; adviceKind: AdviceKind; organisationId?: string; receivedOn?: string };
  'advice-received': { adviceId: string; documentIds?: string[]; summary?: string };
  /** An exception to a time limit (regs 5(4), 8(2), 10(4), 13(3)); reason is a statutory ExceptionReasonCode. */
  'exception-recorded': { reason: string; ruleIds?: string[]; note?: string };
  /** reg 10(1), within 16 weeks of the request. Appealable. */
  'decision-not-to-issue': { reasons?: string[] | string };
  /** reg 13(1): the draft plan is served; the family has 15 days (beginning with this day) to respond. */
  'draft-served': { planId?: string; planVersion?: number };
  'draft-representations-received': { requestedSettingName?: string; requestedSettingId?: string; comments?: string };
  /** s39 CFA 2014: a setting is consulted about being named; 15 days to respond. */
  'setting-consulted': { consultationId: string; settingId?: string; settingName?: string; organisationId?: string };
  'consultation-response-received': { consultationId: string; response: 'can-meet-needs' | 'cannot-meet-needs'; reasons?: string };
  /** reg 13(2): the final plan is issued (and sent to the family, the named setting and health). Appealable. */
  'final-plan-issued': { primaryNeed?: string; secondaryNeeds?: string[]; settingId?: string; planId?: string; planVersion?: number };
  /** CFA 2014 s44. The meeting record fields are optional so older events (and SEN2 imports) still read the same. */
  'annual-review-held': { reviewId?: string; attendees?: string[]; views?: string; progress?: string; proposedChanges?: string };
  // Living plans (module reviews): review steps, amendments (reg 22), reassessment (reg 27), ceasing (s45), moves (reg 15), phase transfer (reg 18).
  'review-meeting-arranged': { reviewId: string; meetingOn: string; arrangedBy: 'setting' | 'council' };
  'review-invitations-sent': { reviewId: string; invitees?: string[] };
  'review-advice-circulated': { reviewId: string };
  'review-report-sent': { reviewId: string };
  /** Appealable (a refusal to amend, or ceasing): a decision notice is served the same day. */
  'review-decision': { reviewId: string; decision: 'maintain' | 'amend' | 'cease'; reasons?: string[] };
  'amendments-proposed': { reviewId?: string; planId?: string; planVersion?: number; changes: string[] };
  'amendment-representations-received': { comments?: string };
  'amended-plan-issued': { planId?: string; planVersion?: number };
  'reassessment-decided': { decision: 'reassess' | 'not-reassess'; reasons?: string[] };
  /** s45 CFA 2014; reasonCode is the SEN2 CeaseReason code. Appealable. */
  'plan-ceased': { reasonCode: string; reasons?: string[] };
  'phase-transfer-named': { transferYear: number; route: string; settingId?: string; settingName?: string };
  'plan-transferred-out': { transferId: string; toLaCode: string; movedOn: string; noticeLate: boolean };
  'caseworker-assigned': { userId: string; team?: string };
}

export type CaseEventType = keyof CaseEventPayloads;

export const CASE_EVENT_TYPES = [
  'request-received',
  'request-withdrawn',
  'decision-to-assess',
  'advice-requested',
  'advice-received',
  'exception-recorded',
  'decision-not-to-issue',
  'draft-served',
  'draft-representations-received',
  'setting-consulted',
  'consultation-response-received',
  'final-plan-issued',
  'annual-review-held',
  'review-meeting-arranged', 'review-invitations-sent', 'review-advice-circulated', 'review-report-sent', 'review-decision',
  'amendments-proposed', 'amendment-representations-received', 'amended-plan-issued', 'reassessment-decided', 'plan-ceased',
  'phase-transfer-named', 'plan-transferred-out',
  'caseworker-assigned',
] as const satisfies readonly CaseEventType[];

/** One event as the domain sees it: dates are 'YYYY-MM-DD' (date-only; no time zones). */
export interface CaseEvent<T extends CaseEventType = CaseEventType> {
  seq: number;
  type: T;
  occurredOn: string;
  data: CaseEventPayloads[T];
  actorUserId?: string | null;
}

export function isCaseEventType(value: string): value is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(value);
}
