/**
 * The vocabulary of dispute events: the record of a disagreement with an appealable decision, from
 * the decision notice through mediation to the SEND Tribunal and the council's compliance with its
 * orders. State (stage, deadlines, tasks, analysis) is derived from these and never stored. Dates
 * are 'YYYY-MM-DD'. Never change the meaning of a payload field: old history must read the same.
 */

/** The decisions a family can appeal (CFA 2014 s51(2)); the notice of each starts the 2-month clocks. */
export const DECISION_KINDS = ['refuse-assess', 'refuse-issue', 'plan-content', 'refuse-amend', 'cease'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_NAMES: Record<DecisionKind, string> = {
  'refuse-assess': 'Refusal to assess',
  'refuse-issue': 'Refusal to issue a plan',
  'plan-content': 'Plan content (issued or amended)',
  'refuse-amend': 'Refusal to amend after a review',
  cease: 'Decision to cease the plan',
};

/** Sections of the EHC plan (SEND Regulations 2014, reg 12). H is in two parts. */
export const DISPUTE_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] as const;
export type DisputeSection = (typeof DISPUTE_SECTIONS)[number];

/**
 * What the Tribunal can decide about a plan's content: B, F and I; for G, H1 and H2 it can only make
 * recommendations (the extended appeals "national trial" powers), so those grounds are recommendations sought.
 */
export const APPEAL_GROUND_SECTIONS = ['B', 'F', 'I', 'G', 'H1', 'H2'] as const;
export type AppealGroundSection = (typeof APPEAL_GROUND_SECTIONS)[number];
export const RECOMMENDATION_SECTIONS: ReadonlySet<string> = new Set(['G', 'H1', 'H2']);

/** Health elements (C needs, G provision) and social care elements (D, H1, H2) bring those partners into mediation. */
export const HEALTH_SECTIONS: ReadonlySet<string> = new Set(['C', 'G']);
export const SOCIAL_CARE_SECTIONS: ReadonlySet<string> = new Set(['D', 'H1', 'H2']);

export type MediationPartner = 'health' | 'social-care';
export type GroundOutcome = 'upheld' | 'partly-upheld' | 'dismissed' | 'conceded' | 'withdrawn';
export const GROUND_OUTCOMES: readonly GroundOutcome[] = ['upheld', 'partly-upheld', 'dismissed', 'conceded', 'withdrawn'];

export interface AgreedChange {
  section: DisputeSection;
  change: string;
}

export interface AppealGround {
  section: AppealGroundSection | 'decision';
  sought?: string;
}

export interface TribunalOrder {
  orderId: string;
  kind: string;
  detail?: string;
}

export interface DisputeEventPayloads {
  /** The family disagrees with a decision. Opens the dispute with the notice it is about. */
  'dispute-opened': { decisionKind: DecisionKind; noticeSentOn: string; caseEventSeq?: number; sections: DisputeSection[]; summary?: string };
  /** The family contacted the mediation adviser (reg 33) and said what they want. */
  'mediation-adviser-contacted': { choice: 'mediation' | 'certificate-only' };
  /** The council was told the family wants mediation: the 30 days run from here (reg 37). */
  'mediation-arranged': { organisationId?: string; mediatorUserId?: string; partners: MediationPartner[]; meetingOn?: string };
  'mediation-held': { outcome: 'agreed' | 'partly-agreed' | 'not-agreed'; agreedChanges: AgreedChange[]; partnersAttended: MediationPartner[] };
  'certificate-issued': { after: 'no-mediation' | 'mediation' };
  /** The proposed amendment from a mediation agreement has been drafted as a new plan version. */
  'amendment-drafted': { planVersion?: number; note?: string };
  'appeal-registered': { tribunalReference: string; grounds: AppealGround[] };
  /** The Tribunal's own case dates: they set them, we record them. */
  'tribunal-date-set': { kind: 'response-due' | 'evidence-due' | 'hearing' | 'other'; date: string; note?: string };
  'tribunal-decided': { grounds: Array<{ section: AppealGround['section']; outcome: GroundOutcome }>; orders: TribunalOrder[] };
  /** ruleId: which of an order's clocks this completes (a plan order has a draft and a final); none: all of them. */
  'order-complied': { orderId: string; ruleId?: string; note?: string };
  'dispute-closed': { reason: 'resolved' | 'withdrawn' | 'no-further-action'; note?: string };
}

export type DisputeEventType = keyof DisputeEventPayloads;
export const DISPUTE_EVENT_TYPES = [
  'dispute-opened', 'mediation-adviser-contacted', 'mediation-arranged', 'mediation-held', 'certificate-issued',
  'amendment-drafted', 'appeal-registered', 'tribunal-date-set', 'tribunal-decided', 'order-complied', 'dispute-closed',
] as const satisfies readonly DisputeEventType[];

export interface DisputeEvent<T extends DisputeEventType = DisputeEventType> {
  seq: number;
  type: T;
  occurredOn: string;
  data: DisputeEventPayloads[T];
}

export function isDisputeEventType(value: string): value is DisputeEventType {
  return (DISPUTE_EVENT_TYPES as readonly string[]).includes(value);
}

export function isDecisionKind(value: string): value is DecisionKind {
  return (DECISION_KINDS as readonly string[]).includes(value);
}

export function isDisputeSection(value: string): value is DisputeSection {
  return (DISPUTE_SECTIONS as readonly string[]).includes(value);
}
