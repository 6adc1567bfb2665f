import { APPEAL_GROUND_SECTIONS, DECISION_KINDS, type DecisionKind, type GroundOutcome } from './dispute-events.ts';
import { daysToResolution, type DisputeState } from './dispute-state.ts';

/**
 * The DfE's denominator for the SEND Tribunal appeal rate (SEND Tribunals and appeal rate
 * 2014-2024, note 1): refusals to assess + decisions not to issue after assessment + plans held
 * in January + plans ceased because needs are met without one, for the calendar year.
 */
export interface AppealableDecisions {
  refusedToAssess: number;
  notToIssue: number;
  plansHeldInJanuary: number;
  ceased: number;
}

export const totalAppealable = (d: AppealableDecisions): number => d.refusedToAssess + d.notToIssue + d.plansHeldInJanuary + d.ceased;

export interface SectionRow {
  section: string;
  grounds: number;
  decided: number;
  outcomes: Record<GroundOutcome, number>;
}

export interface DecisionRow {
  kind: DecisionKind;
  disputes: number;
  appeals: number;
  /** Appeals decided with at least one ground upheld, partly upheld or conceded: the family succeeded at least in part. */
  familySucceeded: number;
  decided: number;
}

export interface DisputeAnalysis {
  year: number;
  disputesOpened: number;
  advisersContacted: number;
  choseMediation: number;
  /** Chose mediation ÷ contacted the adviser, as a percentage; undefined with no contacts. */
  mediationTakeUp?: number;
  mediationsHeld: number;
  mediationsFollowedByAppeal: number;
  appealsRegistered: number;
  appealableDecisions: AppealableDecisions;
  /** Appeals registered per 100 appealable decisions (the DfE measure, shown as a percentage). */
  appealRate?: number;
  bySection: SectionRow[];
  byDecision: DecisionRow[];
  resolved: number;
  medianDaysToResolution?: number;
  medianDaysByRoute: Array<{ route: string; count: number; median?: number }>;
}

const inYear = (iso: string | undefined, year: number): boolean => iso !== undefined && iso.startsWith(`${year}-`);
const pct = (n: number, d: number): number | undefined => (d === 0 ? undefined : Math.round((n / d) * 1000) / 10);
function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const emptyOutcomes = (): Record<GroundOutcome, number> => ({ upheld: 0, 'partly-upheld': 0, dismissed: 0, conceded: 0, withdrawn: 0 });
const SUCCESS: ReadonlySet<GroundOutcome> = new Set(['upheld', 'partly-upheld', 'conceded']);

/**
 * Figures for one calendar year, each counted on the date of its own event: an appeal in the year
 * it was registered, a mediation in the year it was held, a resolution in the year it was reached.
 */
export function analyseDisputes(disputes: readonly DisputeState[], decisions: AppealableDecisions, year: number): DisputeAnalysis {
  const contacted = disputes.filter((d) => inYear(d.contact?.on, year));
  const choseMediation = contacted.filter((d) => d.contact?.choice === 'mediation').length;
  const held = disputes.filter((d) => inYear(d.mediation?.heldOn, year));
  const followed = held.filter((d) => d.appeal && d.appeal.registeredOn >= d.mediation!.heldOn!).length;
  const appeals = disputes.filter((d) => inYear(d.appeal?.registeredOn, year));

  const sections = new Map<string, SectionRow>();
  for (const key of [...APPEAL_GROUND_SECTIONS, 'decision']) sections.set(key, { section: key, grounds: 0, decided: 0, outcomes: emptyOutcomes() });
  for (const d of appeals) {
    for (const g of d.appeal!.grounds) sections.get(g.section)!.grounds++;
    for (const o of d.appeal!.outcomes) {
      const row = sections.get(o.section)!;
      row.decided++;
      row.outcomes[o.outcome]++;
    }
  }

  const byDecision: DecisionRow[] = DECISION_KINDS.map((kind) => {
    const mine = appeals.filter((d) => d.decisionKind === kind);
    const decided = mine.filter((d) => d.appeal!.decidedOn);
    return {
      kind,
      disputes: disputes.filter((d) => d.decisionKind === kind && inYear(d.openedOn, year)).length,
      appeals: mine.length,
      decided: decided.length,
      familySucceeded: decided.filter((d) => d.appeal!.outcomes.some((o) => SUCCESS.has(o.outcome))).length,
    };
  });

  const resolved = disputes.filter((d) => inYear(d.resolvedOn, year));
  const days = (list: readonly DisputeState[]) => list.map((d) => daysToResolution(d)!);
  const routes: Array<[string, (d: DisputeState) => boolean]> = [
    ['Agreed in mediation', (d) => d.resolution === 'mediation-agreement'],
    ['Decided by the Tribunal', (d) => d.resolution === 'tribunal'],
    ['No appeal made', (d) => d.resolution === 'no-appeal'],
    ['Resolved or withdrawn otherwise', (d) => d.resolution === 'resolved' || d.resolution === 'withdrawn' || d.resolution === 'no-further-action'],
  ];
  const medianAll = median(days(resolved));
  const rate = pct(appeals.length, totalAppealable(decisions));
  const takeUp = pct(choseMediation, contacted.length);
  return {
    year,
    disputesOpened: disputes.filter((d) => inYear(d.openedOn, year)).length,
    advisersContacted: contacted.length,
    choseMediation,
    ...(takeUp !== undefined ? { mediationTakeUp: takeUp } : {}),
    mediationsHeld: held.length,
    mediationsFollowedByAppeal: followed,
    appealsRegistered: appeals.length,
    appealableDecisions: decisions,
    ...(rate !== undefined ? { appealRate: rate } : {}),
    bySection: [...sections.values()].filter((r) => r.grounds > 0 || r.decided > 0),
    byDecision,
    resolved: resolved.length,
    ...(medianAll !== undefined ? { medianDaysToResolution: medianAll } : {}),
    medianDaysByRoute: routes.map(([route, test]) => {
      const list = resolved.filter(test);
      const m = median(days(list));
      return { route, count: list.length, ...(m !== undefined ? { median: m } : {}) };
    }),
  };
}
