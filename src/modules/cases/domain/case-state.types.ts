// The shape of a derived case state, kept apart from the derivation so the parts that build it
// (next steps) can name it without importing the derivation.
import type { AdviceKind } from './case-events.ts';
import type { CaseDeadline } from './case-deadlines.ts';
import type { CaseStage } from './case-stage.ts';

export interface AdviceItem {
  adviceId: string;
  kind: AdviceKind;
  kindName: string;
  organisationId?: string;
  requestedOn: string;
  receivedOn?: string;
  summary?: string;
  deadline?: CaseDeadline;
}

export interface ConsultationItem {
  consultationId: string;
  settingId?: string;
  settingName?: string;
  consultedOn: string;
  response?: 'can-meet-needs' | 'cannot-meet-needs';
  respondedOn?: string;
  reasons?: string;
}

/** An appealable decision: the notice states the reasons and the family's rights with their dates. */
export interface DecisionNotice {
  seq: number;
  kind: 'not-assess' | 'not-to-issue' | 'final-plan';
  sentOn: string;
  reasons: string[];
  mediation?: CaseDeadline;
  appeal?: CaseDeadline;
}

export interface SuspendedLimit {
  ruleId: string;
  explanation: string;
}

export interface CaseState {
  stage: CaseStage;
  requestedOn?: string;
  deadlines: CaseDeadline[];
  open: CaseDeadline[];
  met: CaseDeadline[];
  /** The earliest open deadline the council or a partner must meet: what caseloads sort by. */
  next?: CaseDeadline;
  advice: AdviceItem[];
  consultations: ConsultationItem[];
  notices: DecisionNotice[];
  exceptions: Array<{ reason: string; plain: string; occurredOn: string; note?: string }>;
  suspended: SuspendedLimit[];
  representations?: { receivedOn: string; requestedSettingName?: string; comments?: string };
  nextSteps: { family: string[]; caseworker: string[] };
  /** Clocks that could not be computed (a date outside the bank holiday data). */
  problems: string[];
}
