import { parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';

/**
 * What the indicators need to know about one case, derived from its events (state is never
 * stored). The infrastructure reads each case's events in order; this turns them into facts.
 */
export type SettingGroup = 'mainstream' | 'special' | 'alternative-provision' | 'early-years' | 'post-16' | 'not-recorded';

export interface IssuedPlan {
  on: LocalDate;
  primaryNeed: string;
  settingGroup: SettingGroup;
  /** The named setting's phase (GIAS wording), which decides whether infant → junior applies. */
  settingPhase?: string;
}

export interface PhaseNamed {
  transferYear: number;
  on: LocalDate;
}

export interface AdviceRequest {
  /** The day the partner received the request (the advice clock starts then). */
  startedOn: LocalDate;
  receivedOn: LocalDate | null;
}

export interface CaseFacts {
  caseId: string;
  childId: string;
  dateOfBirth: LocalDate;
  requestOn: LocalDate | null;
  decisionOn: LocalDate | null;
  decision: 'assess' | 'not-assess' | null;
  /** An exception to a time limit recorded on or before the plan was issued. */
  exceptionBeforePlan: boolean;
  plans: IssuedPlan[];
  reviews: LocalDate[];
  advice: AdviceRequest[];
  /** Days the plan stopped being maintained here: ceased, or transferred to another council. */
  endings: LocalDate[];
  phaseNamed: PhaseNamed[];
  /** Days of decisions the family can appeal (CFA 2014 s51(2)), each notified that day. */
  appealableDecisions: LocalDate[];
}

/** One event as read for insight: only the fields the definitions use. */
export interface FactEvent {
  type: string;
  occurredOn: string;
  data: { decision?: string; primaryNeed?: string; settingId?: string; adviceId?: string; receivedOn?: string; transferYear?: string };
}

/** A setting as the definitions see it. */
export interface SettingFacts {
  kind: string;
  phase?: string;
}

/** Settings kinds (the settings table's check list) grouped as DfE groups settings attended. */
export function settingGroupOf(kind: string | undefined): SettingGroup {
  switch (kind) {
    case 'mainstream':
    case 'resourced-provision':
    case 'sen-unit':
      return 'mainstream';
    case 'special':
    case 'independent-special':
      return 'special';
    case 'alternative-provision':
      return 'alternative-provision';
    case 'early-years':
      return 'early-years';
    case 'post-16':
    case 'specialist-post-16':
      return 'post-16';
    default:
      return 'not-recorded';
  }
}

export function caseFacts(
  ids: { caseId: string; childId: string; dateOfBirth: string },
  events: readonly FactEvent[],
  settings: ReadonlyMap<string, SettingFacts>,
): CaseFacts {
  const facts: CaseFacts = {
    caseId: ids.caseId, childId: ids.childId, dateOfBirth: parseLocalDate(ids.dateOfBirth),
    requestOn: null, decisionOn: null, decision: null, exceptionBeforePlan: false, plans: [], reviews: [], advice: [],
    endings: [], phaseNamed: [], appealableDecisions: [],
  };
  const advice = new Map<string, AdviceRequest>();
  for (const e of events) {
    const on = parseLocalDate(e.occurredOn);
    switch (e.type) {
      case 'request-received':
        facts.requestOn ??= on;
        break;
      case 'decision-to-assess':
        // The first decision counts: a later one is a correction of record, not a second decision.
        if (facts.decision === null && (e.data.decision === 'assess' || e.data.decision === 'not-assess')) {
          facts.decision = e.data.decision;
          facts.decisionOn = on;
        }
        if (e.data.decision === 'not-assess') facts.appealableDecisions.push(on);
        break;
      case 'decision-not-to-issue':
      case 'amended-plan-issued':
        facts.appealableDecisions.push(on);
        break;
      case 'review-decision':
        // Deciding to keep the plan as it is after a review is a refusal to amend: appealable.
        if (e.data.decision === 'maintain') facts.appealableDecisions.push(on);
        break;
      case 'plan-ceased':
        facts.appealableDecisions.push(on);
        facts.endings.push(on);
        break;
      case 'plan-transferred-out':
        facts.endings.push(on);
        break;
      case 'phase-transfer-named': {
        const year = Number(e.data.transferYear);
        if (Number.isInteger(year)) facts.phaseNamed.push({ transferYear: year, on });
        break;
      }
      case 'exception-recorded':
        if (facts.plans.length === 0) facts.exceptionBeforePlan = true;
        break;
      case 'final-plan-issued': {
        const setting = e.data.settingId ? settings.get(e.data.settingId) : undefined;
        facts.plans.push({
          on,
          primaryNeed: e.data.primaryNeed ?? 'not-recorded',
          settingGroup: settingGroupOf(setting?.kind),
          ...(setting?.phase ? { settingPhase: setting.phase } : {}),
        });
        facts.appealableDecisions.push(on);
        break;
      }
      case 'annual-review-held':
        facts.reviews.push(on);
        break;
      case 'advice-requested':
        if (e.data.adviceId && !advice.has(e.data.adviceId)) {
          advice.set(e.data.adviceId, { startedOn: e.data.receivedOn ? parseLocalDate(e.data.receivedOn) : on, receivedOn: null });
        }
        break;
      case 'advice-received': {
        const a = e.data.adviceId ? advice.get(e.data.adviceId) : undefined;
        if (a && a.receivedOn === null) a.receivedOn = on;
        break;
      }
    }
  }
  facts.reviews.sort((a, b) => a - b);
  facts.endings.sort((a, b) => a - b);
  facts.advice = [...advice.values()];
  return facts;
}
