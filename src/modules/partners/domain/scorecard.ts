import { formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { commitmentStatus, isNotDelivered, type CommitmentEvent } from './commitment-status.ts';
import type { Obligation } from './obligation.ts';

/**
 * The partnership board's scorecard: for each partner and period, how much advice came on time,
 * how late the rest was, what is still outstanding, whether committed provision was delivered and
 * how often the ladder had to be climbed. Pure: the figures come from the records passed in, and
 * the definitions below are the ones docs/partners.md states.
 */
export interface ScorecardInput {
  organisations: readonly { id: string; name: string; kind: string }[];
  obligations: readonly Obligation[];
  commitments: readonly { organisationId: string; committedOn: string; events: readonly CommitmentEvent[] }[];
  escalations: readonly { organisationId: string; step: string; steppedOn: string }[];
}

export interface ScorecardRow {
  organisationId: string;
  name: string;
  kind: string;
  /** Advice due in the period whose due date has passed or which was sent (exceptions left out). */
  adviceDue: number;
  adviceOnTime: number;
  /** adviceOnTime / adviceDue as a percentage with one decimal, or null when nothing was due. */
  adviceOnTimePercent: number | null;
  /** Median days late of the advice counted in adviceDue that was late (still outstanding: late to date). */
  medianDaysLate: number | null;
  /** Anything asked of the partner by the end of the period (or today) and not done by then. */
  outstanding: number;
  /** Of those, how many were past their due date. */
  overdue: number;
  commitments: number;
  commitmentsDelivered: number;
  commitmentsNotDelivered: number;
  /** Ladder steps taken in the period beyond the reminder (officer, senior manager, board). */
  escalations: number;
  boardEscalations: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const percent = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 1000) / 10);

/** Advice counted for a period, on time or not: the numerator and denominator insight also uses. */
export function adviceTimeliness(obligations: readonly Obligation[], from: LocalDate, to: LocalDate, today: LocalDate): { numerator: number; denominator: number; daysLate: number[] } {
  let numerator = 0;
  let denominator = 0;
  const daysLate: number[] = [];
  for (const o of obligations) {
    if (o.dutyId !== 'advice' || o.exception) continue;
    const due = parseLocalDate(o.dueIso);
    if (due < from || due > to) continue;
    const done = o.doneOn ? parseLocalDate(o.doneOn) : undefined;
    if (done === undefined && due >= today) continue; // not yet due: neither on time nor late
    denominator++;
    if (done !== undefined && done <= due) numerator++;
    else daysLate.push((done ?? today) - due);
  }
  return { numerator, denominator, daysLate };
}

export function scorecardRow(org: { id: string; name: string; kind: string }, input: ScorecardInput, from: LocalDate, to: LocalDate, today: LocalDate): ScorecardRow {
  const asOf = Math.min(to, today) as LocalDate;
  const mine = input.obligations.filter((o) => o.organisationId === org.id);
  const advice = adviceTimeliness(mine, from, to, today);
  let outstanding = 0;
  let overdue = 0;
  for (const o of mine) {
    if (o.exception || parseLocalDate(o.askedOn) > asOf) continue;
    if (o.doneOn !== undefined && parseLocalDate(o.doneOn) <= asOf) continue;
    outstanding++;
    if (parseLocalDate(o.dueIso) < asOf) overdue++;
  }
  const asOfIso = formatIsoDate(asOf);
  const commitments = input.commitments.filter((c) => c.organisationId === org.id && c.committedOn <= asOfIso);
  const statuses = commitments.map((c) => commitmentStatus(c.events, asOfIso));
  const fromIso = formatIsoDate(from);
  const toIso = formatIsoDate(to);
  const steps = input.escalations.filter((e) => e.organisationId === org.id && e.step !== 'reminder' && e.steppedOn >= fromIso && e.steppedOn <= toIso);
  return {
    organisationId: org.id,
    name: org.name,
    kind: org.kind,
    adviceDue: advice.denominator,
    adviceOnTime: advice.numerator,
    adviceOnTimePercent: percent(advice.numerator, advice.denominator),
    medianDaysLate: median(advice.daysLate),
    outstanding,
    overdue,
    commitments: commitments.length,
    commitmentsDelivered: statuses.filter((s) => s === 'delivered').length,
    commitmentsNotDelivered: statuses.filter(isNotDelivered).length,
    escalations: steps.length,
    boardEscalations: steps.filter((e) => e.step === 'partnership-board').length,
  };
}

/** Every partner's row, then the partnership as a whole (its median over all late advice). */
export function scorecard(input: ScorecardInput, from: LocalDate, to: LocalDate, today: LocalDate): { rows: ScorecardRow[]; total: ScorecardRow } {
  const rows = input.organisations.map((o) => scorecardRow(o, input, from, to, today));
  const all = adviceTimeliness(input.obligations.filter((o) => input.organisations.some((g) => g.id === o.organisationId)), from, to, today);
  const sum = (f: (r: ScorecardRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const total: ScorecardRow = {
    organisationId: 'all', name: 'All partners', kind: 'partnership',
    adviceDue: all.denominator, adviceOnTime: all.numerator, adviceOnTimePercent: percent(all.numerator, all.denominator), medianDaysLate: median(all.daysLate),
    outstanding: sum((r) => r.outstanding), overdue: sum((r) => r.overdue), commitments: sum((r) => r.commitments),
    commitmentsDelivered: sum((r) => r.commitmentsDelivered), commitmentsNotDelivered: sum((r) => r.commitmentsNotDelivered),
    escalations: sum((r) => r.escalations), boardEscalations: sum((r) => r.boardEscalations),
  };
  return { rows, total };
}
