import type { CaseEvent } from '../../cases/index.ts';
import type { CollectionPeriod } from './collection-period.ts';
import type { Sen2AssessmentOutcome, Sen2RequestOutcome } from './sen2-record.ts';

/**
 * The facts of one request (one case), read from its events up to the reference date. Later
 * events do not exist as far as this return is concerned.
 */
export interface RequestFacts {
  received?: string;
  source?: string;
  decision?: { on: string; assess: boolean };
  withdrawnOn?: string;
  notToIssueOn?: string;
  final?: { on: string; primaryNeed?: string; secondaryNeeds: string[]; settingId?: string };
  exception: boolean;
  lastReview?: string;
  /** The plan stopped on or before the reference date: ceased (with its SEN2 reason) or moved to another council. */
  ended?: { on: string; ceaseReason?: string };
}

function first<T extends CaseEvent['type']>(events: CaseEvent[], type: T): CaseEvent<T> | undefined {
  return events.find((e) => e.type === type) as CaseEvent<T> | undefined;
}

export function requestFacts(events: CaseEvent[], period: CollectionPeriod): RequestFacts {
  const seen = events.filter((e) => e.occurredOn <= period.referenceDate).sort((a, b) => a.seq - b.seq);
  const request = first(seen, 'request-received');
  const decision = first(seen, 'decision-to-assess');
  const final = first(seen, 'final-plan-issued');
  const reviews = seen.filter((e) => e.type === 'annual-review-held').map((e) => e.occurredOn).sort();
  const facts: RequestFacts = { exception: seen.some((e) => e.type === 'exception-recorded') };
  if (request) {
    facts.received = request.occurredOn;
    facts.source = request.data.source;
  }
  if (decision) facts.decision = { on: decision.occurredOn, assess: decision.data.decision === 'assess' };
  const withdrawn = first(seen, 'request-withdrawn');
  if (withdrawn) facts.withdrawnOn = withdrawn.occurredOn;
  const notToIssue = first(seen, 'decision-not-to-issue');
  if (notToIssue) facts.notToIssueOn = notToIssue.occurredOn;
  if (final) {
    facts.final = { on: final.occurredOn, secondaryNeeds: final.data.secondaryNeeds ?? [] };
    if (final.data.primaryNeed) facts.final.primaryNeed = final.data.primaryNeed;
    if (final.data.settingId) facts.final.settingId = final.data.settingId;
  }
  const last = reviews.at(-1);
  if (last) facts.lastReview = last;
  if (final) {
    const end = seen.find((e) => (e.type === 'plan-ceased' || e.type === 'plan-transferred-out') && e.seq > final.seq);
    if (end?.type === 'plan-ceased') facts.ended = { on: end.occurredOn, ceaseReason: (end as CaseEvent<'plan-ceased'>).data.reasonCode };
    else if (end) facts.ended = { on: end.occurredOn };
  }
  return facts;
}

/** SEN2 RequestOutcome. 'H': the plan was issued before this collection period began. */
export function requestOutcome(f: RequestFacts, period: CollectionPeriod): Sen2RequestOutcome {
  if (f.final && f.final.on < period.periodStart) return 'H';
  if (f.decision) return f.decision.assess ? 'Y' : 'N';
  if (f.withdrawnOn) return 'W';
  return 'A';
}

/** SEN2 AssessmentOutcome, for requests that went to assessment. */
export function assessmentOutcome(f: RequestFacts, period: CollectionPeriod): Sen2AssessmentOutcome {
  if (f.final) return f.final.on < period.periodStart ? 'H' : 'Y';
  if (f.notToIssueOn) return 'N';
  if (f.withdrawnOn) return 'W';
  return 'A';
}

/** A request that finished before the period and holds no plan in force is not in this return. */
export function concludedBefore(f: RequestFacts, period: CollectionPeriod): boolean {
  const ended = f.final?.on ?? f.notToIssueOn ?? f.withdrawnOn ?? (f.decision && !f.decision.assess ? f.decision.on : undefined);
  return ended !== undefined && ended < period.periodStart;
}
