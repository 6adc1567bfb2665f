import { toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
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
    };
  });
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

interface PlanInPlace { plan: IssuedPlan; band: string }

/** Each child counted once, by their latest plan issued on or before the day, if aged 0–25 then. */
function plansInPlace(facts: readonly PreparedFacts[], on: LocalDate): PlanInPlace[] {
  const byChild = new Map<string, PlanInPlace>();
  for (const f of facts) {
    let latest: IssuedPlan | undefined;
    for (const p of f.plans) if (p.on <= on && (!latest || p.on >= latest.on)) latest = p;
    if (!latest) continue;
    const band = ageBand(ageOn(f.dateOfBirth, on));
    if (!band) continue;
    const held = byChild.get(f.childId);
    if (!held || held.plan.on <= latest.on) byChild.set(f.childId, { plan: latest, band });
  }
  return [...byChild.values()];
}

const within = (d: LocalDate | null | undefined, p: Period): d is LocalDate => d !== null && d !== undefined && d >= p.from && d <= p.to;

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
export function indicatorsForPeriod(facts: readonly PreparedFacts[], period: Period, asOf: LocalDate): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  const stockDay = period.to < asOf ? period.to : asOf;
  const inPlace = plansInPlace(facts, stockDay);
  const total = inPlace.length;
  out.push(row('plans-in-place', period, total, null));
  for (const [id, counts] of [
    ['age-band', tally(AGE_BANDS, inPlace.map((p) => p.band))],
    ['primary-need', tally(NEED_ORDER, inPlace.map((p) => p.plan.primaryNeed))],
    ['setting-type', tally(SETTING_ORDER, inPlace.map((p) => p.plan.settingGroup))],
  ] as const) {
    for (const [category, n] of counts) out.push(row('plans-in-place', period, n, null, { id, category }));
  }
  out.push(row('mainstream-share', period, inPlace.filter((p) => p.plan.settingGroup === 'mainstream').length, total));

  let newPlans = 0, requests = 0, refused = 0, decided = 0, decidedInTime = 0;
  let issued = 0, issuedInTime = 0, issuedEx = 0, issuedExInTime = 0;
  let reviewsDueN = 0, reviewsOnTime = 0, adviceDueN = 0, adviceOnTime = 0;
  for (const f of facts) {
    if (within(f.requestOn, period)) {
      requests += 1;
      if (f.decision === 'not-assess') refused += 1;
      if (f.decidedInTime !== null) {
        decided += 1;
        if (f.decidedInTime) decidedInTime += 1;
      }
    }
    if (within(f.plans[0]?.on, period)) {
      newPlans += 1;
      if (f.planInTime !== null) {
        issued += 1;
        if (f.planInTime) issuedInTime += 1;
        if (!f.exceptionBeforePlan) {
          issuedEx += 1;
          if (f.planInTime) issuedExInTime += 1;
        }
      }
    }
    for (const r of f.reviewsDue) if (within(r.due, period)) { reviewsDueN += 1; if (r.onTime) reviewsOnTime += 1; }
    for (const a of f.adviceDue) if (within(a.due, period)) { adviceDueN += 1; if (a.onTime) adviceOnTime += 1; }
  }
  out.push(row('new-plans', period, newPlans, null));
  out.push(row('requests', period, requests, null));
  out.push(row('refusal-rate', period, refused, requests));
  out.push(row('decisions-within-6-weeks', period, decidedInTime, decided));
  out.push(row('plans-within-20-weeks', period, issuedInTime, issued));
  out.push(row('plans-within-20-weeks-excluding-exceptions', period, issuedExInTime, issuedEx));
  out.push(row('reviews-on-time', period, reviewsOnTime, reviewsDueN));
  out.push(row('advice-within-6-weeks', period, adviceOnTime, adviceDueN));
  return out;
}
