import { daysFromCivil, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import { NO_AREA_FACTS, type AreaFacts } from './area-facts.ts';
import type { CaseFacts, IssuedPlan, SettingGroup } from './case-facts.ts';
import { findIndicator, type BreakdownId, type IndicatorId } from './indicator-catalogue.ts';
import type { Period } from './periods.ts';

/**
 * The indicator definitions as pure functions of case facts. Statutory due dates come in from the
 * statutory clock (never ad-hoc date maths here), computed once per case by `prepareFacts`.
 */
export interface StatutoryDeadlines {
  decisionToAssess(request: LocalDate): LocalDate;
  finalPlan(request: LocalDate): LocalDate;
  advice(received: LocalDate): LocalDate;
  annualReview(issuedOrReviewed: LocalDate): LocalDate;
  /**
   * The reg 18(1) deadline for the phase transfer a child makes in September of `transferYear`
   * (15 February, or 31 March for secondary → post-16), or undefined when the child makes none
   * that year or the route has no statutory date.
   */
  phaseTransferDue(dateOfBirth: LocalDate, settingPhase: string | undefined, transferYear: number): LocalDate | undefined;
}

export interface Judged {
  due: LocalDate;
  onTime: boolean;
}

export interface PreparedFacts extends CaseFacts {
  decidedInTime: boolean | null;
  planInTime: boolean | null;
  reviewsDue: Judged[];
  adviceDue: Judged[];
  phaseTransfers: Judged[];
}

export interface IndicatorValue {
  indicatorId: IndicatorId;
  /** Absent for the headline figure; otherwise the breakdown and its category. */
  breakdown?: { id: BreakdownId; category: string };
  periodKey: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

export const AGE_BANDS = ['0-4', '5-10', '11-15', '16-19', '20-25'] as const;
const MAX_REVIEWS = 40;

export function prepareFacts(facts: readonly CaseFacts[], clock: StatutoryDeadlines, asOf: LocalDate): PreparedFacts[] {
  return facts.map((f) => {
    const first = f.plans[0];
    return {
      ...f,
      decidedInTime: f.requestOn !== null && f.decisionOn !== null ? f.decisionOn <= clock.decisionToAssess(f.requestOn) : null,
      planInTime: f.requestOn !== null && first ? first.on <= clock.finalPlan(f.requestOn) : null,
      // Plans end by 25: reviews due after then are not counted.
      reviewsDue: first ? reviewsDue(first.on, f.reviews, clock, asOf).filter((r) => ageOn(f.dateOfBirth, r.due) <= 25) : [],
      adviceDue: f.advice
        .map((a) => ({ due: clock.advice(a.startedOn), receivedOn: a.receivedOn }))
        .filter((a) => a.receivedOn !== null || a.due <= asOf)
        .map((a) => ({ due: a.due, onTime: a.receivedOn !== null && a.receivedOn <= a.due })),
      phaseTransfers: first ? phaseTransfersDue(f, clock, asOf) : [],
    };
  });
}

/** The plan in place on `day`: the latest issued on or before it, unless it has since ended. */
export function planInPlace(f: Pick<CaseFacts, 'plans' | 'endings'>, day: LocalDate): IssuedPlan | undefined {
  let latest: IssuedPlan | undefined;
  for (const p of f.plans) if (p.on <= day) latest = p;
  if (!latest) return undefined;
  const issuedOn = latest.on;
  return f.endings.some((e) => e > issuedOn && e <= day) ? undefined : latest;
}

/**
 * Each phase transfer deadline this case's child met with a plan in place here, judged by whether
 * the new setting was named for that transfer year by the deadline. Deadlines after today are not
 * judged yet.
 */
export function phaseTransfersDue(f: CaseFacts, clock: StatutoryDeadlines, asOf: LocalDate): Judged[] {
  const first = f.plans[0];
  if (!first) return [];
  const out: Judged[] = [];
  const fromYear = toYearMonthDay(first.on).year;
  const toYear = toYearMonthDay(asOf).year;
  for (let year = fromYear; year <= toYear; year++) {
    // The setting named on 1 January decides infant → junior (only infant schools' pupils move).
    const before = planInPlace(f, daysFromCivil(year, 1, 1));
    const due = clock.phaseTransferDue(f.dateOfBirth, before?.settingPhase ?? planInPlace(f, asOf)?.settingPhase, year);
    if (due === undefined || due > asOf || !planInPlace(f, due) || ageOn(f.dateOfBirth, due) > 25) continue;
    out.push({ due, onTime: f.phaseNamed.some((n) => n.transferYear === year && n.on <= due) });
  }
  return out;
}

/** Each review due date from the plan's issue, judged by whether a review was held by then. */
export function reviewsDue(issuedOn: LocalDate, reviews: readonly LocalDate[], clock: StatutoryDeadlines, asOf: LocalDate): Judged[] {
  const out: Judged[] = [];
  let anchor = issuedOn;
  while (out.length < MAX_REVIEWS) {
    const due = clock.annualReview(anchor);
    if (due > asOf) break;
    const next = reviews.find((r) => r > anchor);
    if (next !== undefined && next <= due) {
      out.push({ due, onTime: true });
      anchor = next;
    } else {
      out.push({ due, onTime: false });
      // A late review restarts the 12 months from when it was held; a missing one from its due date.
      anchor = next ?? due;
    }
  }
  return out;
}

export function ageOn(dateOfBirth: LocalDate, on: LocalDate): number {
  const b = toYearMonthDay(dateOfBirth);
  const d = toYearMonthDay(on);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

export function ageBand(age: number): string | undefined {
  if (age < 0 || age > 25) return undefined;
  return age <= 4 ? '0-4' : age <= 10 ? '5-10' : age <= 15 ? '11-15' : age <= 19 ? '16-19' : '20-25';
}


export function valueOf(indicatorId: IndicatorId, numerator: number, denominator: number | null): number | null {
  if (findIndicator(indicatorId)?.unit === 'count') return numerator;
  return denominator ? Math.round((numerator / denominator) * 1000) / 10 : null;
}

function row(indicatorId: IndicatorId, period: Period, numerator: number, denominator: number | null, breakdown?: IndicatorValue['breakdown']): IndicatorValue {
  return { indicatorId, ...(breakdown ? { breakdown } : {}), periodKey: period.key, numerator, denominator, value: valueOf(indicatorId, numerator, denominator) };
}

function tally(keys: readonly string[], values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

export const NEED_ORDER = ['ASD', 'HI', 'MLD', 'MSI', 'OTH', 'PD', 'PMLD', 'SEMH', 'SLCN', 'SLD', 'SPLD', 'VI', 'not-recorded'];
export const SETTING_ORDER: readonly SettingGroup[] = ['mainstream', 'special', 'alternative-provision', 'early-years', 'post-16', 'not-recorded'];

/** Every indicator for one period. Stocks are measured on `min(period end, asOf)`. */
export function indicatorsForPeriod(facts: readonly PreparedFacts[], period: Period, asOf: LocalDate, area: AreaFacts = NO_AREA_FACTS): IndicatorValue[] {
  return indicatorsForPeriods(facts, [period], asOf, area);
}

/** The plan sections disputes are counted by (reg 12), with "decision" for a decision itself. */
export const SECTION_ORDER = ['decision', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'];

interface ChildPlans { dob: LocalDate; plans: IssuedPlan[]; next: number; endings: LocalDate[]; nextEnding: number }

/**
 * Every indicator for a series of periods (oldest first, not overlapping) in one pass over the
 * facts for the flows, and one sweep per child for the stocks: a series costs about as much as a
 * single period, whatever the granularity.
 */
export function indicatorsForPeriods(facts: readonly PreparedFacts[], periods: readonly Period[], asOf: LocalDate, area: AreaFacts = NO_AREA_FACTS): IndicatorValue[] {
  const n = periods.length;
  const zeros = (): number[] => new Array<number>(n).fill(0);
  const indexOf = (d: LocalDate | null | undefined): number => {
    if (d === null || d === undefined) return -1;
    let lo = 0, hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = periods[mid]!;
      if (d < p.from) hi = mid - 1;
      else if (d > p.to) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const c = {
    newPlans: zeros(), requests: zeros(), refused: zeros(), decided: zeros(), decidedInTime: zeros(),
    issued: zeros(), issuedInTime: zeros(), issuedEx: zeros(), issuedExInTime: zeros(),
    reviewsDue: zeros(), reviewsOnTime: zeros(), adviceDue: zeros(), adviceOnTime: zeros(),
    phaseDue: zeros(), phaseOnTime: zeros(), apStarted: zeros(), apEnded: zeros(), apReturned: zeros(),
    decisions: zeros(), mediations: zeros(), appeals: zeros(),
  };
  const mediationSections = periods.map(() => tally(SECTION_ORDER, []));
  const appealSections = periods.map(() => tally(SECTION_ORDER, []));
  const children = new Map<string, ChildPlans>();
  for (const f of facts) {
    const r = indexOf(f.requestOn);
    if (r >= 0) {
      c.requests[r]! += 1;
      if (f.decision === 'not-assess') c.refused[r]! += 1;
      if (f.decidedInTime !== null) {
        c.decided[r]! += 1;
        if (f.decidedInTime) c.decidedInTime[r]! += 1;
      }
    }
    const p = indexOf(f.plans[0]?.on);
    if (p >= 0) {
      c.newPlans[p]! += 1;
      if (f.planInTime !== null) {
        c.issued[p]! += 1;
        if (f.planInTime) c.issuedInTime[p]! += 1;
        if (!f.exceptionBeforePlan) {
          c.issuedEx[p]! += 1;
          if (f.planInTime) c.issuedExInTime[p]! += 1;
        }
      }
    }
    for (const rv of f.reviewsDue) {
      const i = indexOf(rv.due);
      if (i >= 0) { c.reviewsDue[i]! += 1; if (rv.onTime) c.reviewsOnTime[i]! += 1; }
    }
    for (const a of f.adviceDue) {
      const i = indexOf(a.due);
      if (i >= 0) { c.adviceDue[i]! += 1; if (a.onTime) c.adviceOnTime[i]! += 1; }
    }
    for (const t of f.phaseTransfers) {
      const i = indexOf(t.due);
      if (i >= 0) { c.phaseDue[i]! += 1; if (t.onTime) c.phaseOnTime[i]! += 1; }
    }
    for (const d of f.appealableDecisions) {
      const i = indexOf(d);
      if (i >= 0) c.decisions[i]! += 1;
    }
    if (f.plans.length > 0) {
      const child = children.get(f.childId) ?? { dob: f.dateOfBirth, plans: [], next: 0, endings: [], nextEnding: 0 };
      child.plans.push(...f.plans);
      child.endings.push(...f.endings);
      children.set(f.childId, child);
    }
  }
  for (const ap of area.apPlacements) {
    const s = indexOf(ap.startsOn);
    if (s >= 0) c.apStarted[s]! += 1;
    const e = indexOf(ap.endsOn);
    if (e >= 0 && ap.outcome !== null) {
      c.apEnded[e]! += 1;
      if (ap.outcome === 'returned-to-mainstream') c.apReturned[e]! += 1;
    }
  }
  for (const d of area.disputes) {
    const m = indexOf(d.mediationOn);
    if (m >= 0) {
      c.mediations[m]! += 1;
      for (const section of d.sections) mediationSections[m]!.set(section, (mediationSections[m]!.get(section) ?? 0) + 1);
    }
    const a = indexOf(d.appealOn);
    if (a >= 0) {
      c.appeals[a]! += 1;
      for (const section of d.appealSections) appealSections[a]!.set(section, (appealSections[a]!.get(section) ?? 0) + 1);
    }
  }
  // A stable sort keeps a later case's plan after an earlier one issued the same day.
  for (const child of children.values()) {
    child.plans.sort((a, b) => a.on - b.on);
    child.endings.sort((a, b) => a - b);
  }

  const out: IndicatorValue[] = [];
  periods.forEach((period, i) => {
    const stockDay = period.to < asOf ? period.to : asOf;
    const bands = tally(AGE_BANDS, []), needs = tally(NEED_ORDER, []), settings = tally(SETTING_ORDER, []);
    let total = 0, mainstream = 0;
    for (const child of children.values()) {
      // Periods run forward, so each child's pointer to its latest plan only moves forward.
      while (child.next < child.plans.length && child.plans[child.next]!.on <= stockDay) child.next += 1;
      while (child.nextEnding < child.endings.length && child.endings[child.nextEnding]! <= stockDay) child.nextEnding += 1;
      const latest = child.plans[child.next - 1];
      if (!latest) continue;
      // Ceased or transferred away since its latest plan was issued: no longer in place here.
      const lastEnding = child.endings[child.nextEnding - 1];
      if (lastEnding !== undefined && lastEnding > latest.on) continue;
      const band = ageBand(ageOn(child.dob, stockDay));
      if (!band) continue;
      total += 1;
      if (latest.settingGroup === 'mainstream') mainstream += 1;
      bands.set(band, (bands.get(band) ?? 0) + 1);
      needs.set(latest.primaryNeed, (needs.get(latest.primaryNeed) ?? 0) + 1);
      settings.set(latest.settingGroup, (settings.get(latest.settingGroup) ?? 0) + 1);
    }
    out.push(row('plans-in-place', period, total, null));
    for (const [id, counts] of [['age-band', bands], ['primary-need', needs], ['setting-type', settings]] as const) {
      for (const [category, k] of counts) out.push(row('plans-in-place', period, k, null, { id, category }));
    }
    out.push(row('mainstream-share', period, mainstream, total));
    out.push(row('new-plans', period, c.newPlans[i]!, null));
    out.push(row('requests', period, c.requests[i]!, null));
    out.push(row('refusal-rate', period, c.refused[i]!, c.requests[i]!));
    out.push(row('decisions-within-6-weeks', period, c.decidedInTime[i]!, c.decided[i]!));
    out.push(row('plans-within-20-weeks', period, c.issuedInTime[i]!, c.issued[i]!));
    out.push(row('plans-within-20-weeks-excluding-exceptions', period, c.issuedExInTime[i]!, c.issuedEx[i]!));
    out.push(row('reviews-on-time', period, c.reviewsOnTime[i]!, c.reviewsDue[i]!));
    out.push(row('advice-within-6-weeks', period, c.adviceOnTime[i]!, c.adviceDue[i]!));
    out.push(row('phase-transfers-by-deadline', period, c.phaseOnTime[i]!, c.phaseDue[i]!));
    out.push(row('ap-placements-started', period, c.apStarted[i]!, null));
    out.push(row('ap-returns-to-mainstream', period, c.apReturned[i]!, c.apEnded[i]!));
    for (const [id, total, sections] of [['mediations-per-100-decisions', c.mediations[i]!, mediationSections[i]!], ['appeals-per-100-decisions', c.appeals[i]!, appealSections[i]!]] as const) {
      out.push(row(id, period, total, c.decisions[i]!));
      for (const [category, k] of sections) out.push(row(id, period, k, c.decisions[i]!, { id: 'plan-section', category }));
    }
  });
  return out;
}
