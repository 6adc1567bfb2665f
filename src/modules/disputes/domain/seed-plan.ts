import { addDays, formatIsoDate, type LocalDate } from '../../../platform/calendar/index.ts';
import type { DecisionKind, DisputeEventPayloads, DisputeEventType, DisputeSection } from './dispute-events.ts';

export interface SeedDecision {
  caseId: string;
  caseReference: string;
  seq: number;
  kind: DecisionKind;
  noticeSentOn: LocalDate;
}

export interface SeedDisputePlan {
  caseId: string;
  caseReference: string;
  openedOn: string;
  opened: DisputeEventPayloads['dispute-opened'];
  events: Array<{ type: DisputeEventType; occurredOn: string; data: DisputeEventPayloads[DisputeEventType] }>;
}

// Section I and F dominate real appeals; G and H2 bring health and social care into mediation.
const SECTION_SETS: DisputeSection[][] = [['I'], ['F', 'I'], ['B', 'F'], ['F', 'G'], ['B', 'F', 'I'], ['F', 'H2'], ['I'], ['F']];
const CHANGES: Record<string, string> = {
  B: 'Add the speech and language needs described in the therapist’s report',
  F: 'Speech and language therapy: 1 hour a week from a qualified therapist',
  G: 'Physiotherapy review each term',
  H2: 'Short breaks: one weekend a month',
  I: 'Name the requested special school',
};
// How many disputes to take from decisions of each age (days since the notice), so the demo shows
// every stage: families still within their 2 months, mediations, appeals, and orders complied with.
const AGE_BANDS: Array<{ from: number; to: number; quota: number }> = [
  { from: 3, to: 20, quota: 3 },
  { from: 20, to: 45, quota: 4 },
  { from: 45, to: 60, quota: 3 },
  { from: 60, to: 200, quota: 7 },
  { from: 200, to: 430, quota: 7 },
];

/** Evenly spaced decisions from each age band, newest first: the same decisions for the same data and day. */
function chooseDecisions(decisions: readonly SeedDecision[], today: LocalDate): SeedDecision[] {
  const sorted = [...decisions].sort((a, b) => b.noticeSentOn - a.noticeSentOn || a.caseReference.localeCompare(b.caseReference) || a.seq - b.seq);
  return AGE_BANDS.flatMap((band) => {
    const inBand = sorted.filter((d) => today - d.noticeSentOn >= band.from && today - d.noticeSentOn < band.to);
    const step = Math.max(1, Math.floor(inBand.length / band.quota));
    return inBand.filter((_, i) => i % step === 0).slice(0, band.quota);
  });
}

/**
 * Which decisions become disputes and what has happened on each, as a pure function of the
 * decisions and today: a spread of stages from "may contact the adviser" to orders complied with.
 * Each step follows the last by a few days, within its statutory period, and never after today.
 */
export function planSeedDisputes(decisions: readonly SeedDecision[], today: LocalDate, ids: { mediationServiceId: string | undefined; mediatorUserId: string | undefined }): SeedDisputePlan[] {
  const chosen = chooseDecisions(decisions, today);
  return chosen.map((d, i) => {
    const age = today - d.noticeSentOn;
    const at = (days: number) => {
      const day = addDays(d.noticeSentOn, days);
      return formatIsoDate(day > today ? today : day);
    };
    const sections = d.kind === 'plan-content' ? SECTION_SETS[i % SECTION_SETS.length]! : [];
    const events: SeedDisputePlan['events'] = [];
    const add = <T extends DisputeEventType>(type: T, days: number, data: DisputeEventPayloads[T]) => events.push({ type, occurredOn: at(days), data });
    const onlyI = sections.length > 0 && sections.every((s) => s === 'I');
    const mediation = !onlyI && i % 3 !== 2;
    if (age >= 20 && !onlyI) add('mediation-adviser-contacted', 14, { choice: mediation ? 'mediation' : 'certificate-only' });
    if (age >= 20 && mediation) {
      const partners = [...(sections.includes('G') ? ['health' as const] : []), ...(sections.includes('H2') ? ['social-care' as const] : [])];
      add('mediation-arranged', 16, { partners, ...(ids.mediationServiceId ? { organisationId: ids.mediationServiceId } : {}), ...(ids.mediatorUserId ? { mediatorUserId: ids.mediatorUserId } : {}), meetingOn: formatIsoDate(addDays(d.noticeSentOn, 38)) });
    }
    if (age >= 45 && mediation) {
      const agreed = i % 2 === 0 && sections.length > 0;
      add('mediation-held', 38, { outcome: agreed ? 'agreed' : 'not-agreed', partnersAttended: [], agreedChanges: agreed ? sections.map((s) => ({ section: s, change: CHANGES[s] ?? 'Agreed wording' })) : [] });
      if (agreed && age >= 60 && i % 4 === 0) add('amendment-drafted', 52, {});
      if (!agreed) add('certificate-issued', 40, { after: 'mediation' });
    }
    if (age >= 20 && !mediation && !onlyI) add('certificate-issued', 16, { after: 'no-mediation' });
    const appealed = age >= 60 && !(mediation && i % 2 === 0 && sections.length > 0);
    if (appealed) {
      const grounds = d.kind === 'plan-content' ? sections.filter((s) => ['B', 'F', 'I', 'G', 'H1', 'H2'].includes(s)).map((s) => ({ section: s as 'B' })) : [{ section: 'decision' as const }];
      add('appeal-registered', 55, { tribunalReference: `EH${d.caseReference.replace(/\W/g, '').slice(-6)}/${i + 1}`, grounds });
      add('tribunal-date-set', 58, { kind: 'response-due', date: formatIsoDate(addDays(d.noticeSentOn, 55 + 42)) });
      add('tribunal-date-set', 58, { kind: 'hearing', date: formatIsoDate(addDays(d.noticeSentOn, 55 + 140)) });
      if (age >= 200) {
        const outcomes = grounds.map((g, k) => ({ section: g.section, outcome: (k + i) % 5 === 4 ? ('dismissed' as const) : ('upheld' as const) }));
        const kind = d.kind === 'refuse-assess' ? 'assess' : d.kind === 'refuse-issue' ? 'make-plan' : onlyI ? 'amend-section-i' : 'amend-plan';
        add('tribunal-decided', 196, { grounds: outcomes, orders: [{ orderId: 'o1', kind }] });
        if (age >= 230 && i % 3 !== 1) add('order-complied', 225, { orderId: 'o1' });
      }
    }
    return {
      caseId: d.caseId,
      caseReference: d.caseReference,
      openedOn: at(10),
      opened: { decisionKind: d.kind, noticeSentOn: formatIsoDate(d.noticeSentOn), caseEventSeq: d.seq, sections },
      events,
    };
  });
}
