import { requestSourceFromCode } from './sen2-codes.ts';
import type { Sen2Person, Sen2Request, Sen2SettingDetail } from './sen2-record.ts';

/**
 * What importing one SEN2 person writes, before ids exist. The stable key is the council plus the
 * person identifier (UPN, else ULN, else surname + forename + date of birth) plus, for each request,
 * its received date: re-importing the same file finds the same child and the same cases and adds
 * nothing. Dates the file does not give are taken from the nearest earlier date it does give.
 */
export interface SettingRef { urn?: string; ukprn?: string; senSetting?: string; name?: string; senUnit: boolean; resourcedProvision: boolean }
export interface PlannedEvent { type: string; occurredOn: string; data: Record<string, unknown>; namedSetting?: SettingRef }
export interface PlannedCase { openedOn: string; events: PlannedEvent[] }
export interface PlannedPlacement { setting: SettingRef; startsOn: string; endsOn: string | null; senUnit: boolean; resourcedProvision: boolean }
export interface PlannedPerson {
  key: { upn?: string; uln?: string; surname: string; forename: string; birthDate: string };
  child: { givenName: string; familyName: string; dateOfBirth: string; upn: string | null; uln: string | null; gender: string; postcode: string | null };
  ethnicity: string;
  upnUnknown: string | null;
  cases: PlannedCase[];
  placements: PlannedPlacement[];
}

export function settingRefOf(d: Sen2SettingDetail): SettingRef {
  const ref: SettingRef = { senUnit: d.senUnit, resourcedProvision: d.resourcedProvision };
  if (d.urn) ref.urn = d.urn;
  if (d.ukprn) ref.ukprn = d.ukprn;
  if (!d.urn && !d.ukprn && d.senSetting) ref.senSetting = d.senSetting;
  if (d.senSettingOther) ref.name = d.senSettingOther;
  return ref;
}

function caseOf(r: Sen2Request): PlannedCase {
  const opened = r.receivedDate ?? r.outcomeDate ?? r.assessment?.outcomeDate ?? r.assessment?.namedPlan?.startDate;
  const events: PlannedEvent[] = [];
  const source = (r.requestSource && requestSourceFromCode(r.requestSource)) ?? 'other';
  events.push({ type: 'request-received', occurredOn: opened!, data: { source } });
  const decidedOn = r.outcomeDate ?? opened!;
  if (r.outcome === 'Y' || r.outcome === 'H') events.push({ type: 'decision-to-assess', occurredOn: decidedOn, data: { decision: 'assess' } });
  if (r.outcome === 'N') events.push({ type: 'decision-to-assess', occurredOn: decidedOn, data: { decision: 'not-assess' } });
  if (r.outcome === 'W') events.push({ type: 'request-withdrawn', occurredOn: decidedOn, data: {} });
  const a = r.assessment;
  if (a && (r.outcome === 'Y' || r.outcome === 'H')) {
    // SEN2 says only that an exception applied, not which or when: it is recorded at the decision.
    if (a.week20) events.push({ type: 'exception-recorded', occurredOn: decidedOn, data: { reason: 'exceptional-personal-circumstances', note: 'Recorded in an imported SEN2 return (Week20)' } });
    const on = a.outcomeDate ?? a.namedPlan?.startDate ?? decidedOn;
    if (a.outcome === 'Y' || a.outcome === 'H') {
      const needs = [...(r.activePlan?.needs ?? [])].sort((x, y) => x.rank - y.rank);
      const data: Record<string, unknown> = { secondaryNeeds: needs.filter((n) => n.rank === 2).map((n) => n.type) };
      const primary = needs.find((n) => n.rank === 1);
      if (primary) data.primaryNeed = primary.type;
      const named = a.namedPlan?.details.find((d) => d.rank === 1) ?? a.namedPlan?.details[0];
      events.push({ type: 'final-plan-issued', occurredOn: a.namedPlan?.startDate ?? on, data, ...(named ? { namedSetting: settingRefOf(named) } : {}) });
      // A ceased plan in the return comes back as the cease, so the next export reports it the same.
      if (a.namedPlan?.ceaseDate) events.push({ type: 'plan-ceased', occurredOn: a.namedPlan.ceaseDate, data: { reasonCode: a.namedPlan.ceaseReason ?? '9' } });
    }
    if (a.outcome === 'N') events.push({ type: 'decision-not-to-issue', occurredOn: on, data: {} });
    if (a.outcome === 'W') events.push({ type: 'request-withdrawn', occurredOn: on, data: {} });
  }
  if (r.activePlan?.lastReview) events.push({ type: 'annual-review-held', occurredOn: r.activePlan.lastReview, data: {} });
  return { openedOn: opened!, events };
}

export function planPersonImport(p: Sen2Person): PlannedPerson {
  const placements: PlannedPlacement[] = [];
  for (const r of p.requests) {
    for (const d of r.activePlan?.placements ?? []) {
      placements.push({ setting: settingRefOf(d), startsOn: d.entryDate, endsOn: d.leavingDate ?? null, senUnit: d.senUnit, resourcedProvision: d.resourcedProvision });
    }
  }
  const key: PlannedPerson['key'] = { surname: p.surname, forename: p.forename, birthDate: p.birthDate };
  if (p.upn) key.upn = p.upn;
  if (p.uln) key.uln = p.uln;
  return {
    key,
    child: { givenName: p.forename, familyName: p.surname, dateOfBirth: p.birthDate, upn: p.upn ?? null, uln: p.uln ?? null, gender: p.sex, postcode: p.postcode || null },
    ethnicity: p.ethnicity,
    upnUnknown: p.upnUnknown ?? null,
    cases: p.requests.map(caseOf).filter((c) => c.openedOn !== undefined),
    placements,
  };
}

/** Problems the schema cannot see: a request with no date at all cannot become case history. */
export function importRuleProblems(p: Sen2Person): string[] {
  return p.requests.flatMap((r, i) => (r.receivedDate ?? r.outcomeDate ?? r.assessment?.outcomeDate ?? r.assessment?.namedPlan?.startDate)
    ? [] : [`request ${i + 1} of ${p.forename} ${p.surname} has no dates at all, so it cannot be placed in the case history`]);
}
