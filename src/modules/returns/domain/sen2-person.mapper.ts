import { ETHNICITY_NOT_OBTAINED, SEN2_REQUEST_SOURCE_CODES } from './sen2-codes.ts';
import type { CollectionPeriod } from './collection-period.ts';
import type { ChildHistory, PlacementFacts, SettingFacts } from './child-history.ts';
import { assessmentOutcome, concludedBefore, requestFacts, requestOutcome, type RequestFacts } from './request-outcomes.ts';
import type { Sen2ActivePlan, Sen2Need, Sen2Person, Sen2PlacementDetail, Sen2Request, Sen2SettingDetail } from './sen2-record.ts';
import type { RequestSource } from '../../cases/index.ts';

/**
 * A child's SEN2 person record, derived from their case events, placements and settings. Returns
 * null when nothing about the child belongs in this collection year.
 */
export function sen2PersonOf(child: ChildHistory, period: CollectionPeriod): Sen2Person | null {
  const cases = child.cases
    .map((c) => ({ c, facts: requestFacts(c.events, period) }))
    .filter(({ facts }) => facts.received !== undefined && facts.received <= period.periodEnd)
    .sort((a, b) => (a.facts.received! < b.facts.received! ? -1 : a.facts.received! > b.facts.received! ? 1 : a.c.reference < b.c.reference ? -1 : 1));
  // One plan is in force: the latest issued by the reference date (an earlier one was replaced),
  // unless it has since ceased or moved to another council.
  const latest = cases.filter((x) => x.facts.final).sort((a, b) => (a.facts.final!.on < b.facts.final!.on ? -1 : 1)).at(-1);
  const active = latest && !latest.facts.ended ? latest : undefined;
  const requests: Sen2Request[] = [];
  for (const { c, facts } of cases) {
    const holdsActive = active?.c.id === c.id;
    if (!holdsActive && concludedBefore(facts, period)) continue;
    requests.push(requestOf(c.id, facts, period, holdsActive ? child : null, child));
  }
  if (requests.length === 0) return null;
  const person: Sen2Person = {
    childId: child.childId,
    surname: child.familyName,
    forename: child.givenName,
    birthDate: child.dateOfBirth,
    sex: child.gender === 'M' || child.gender === 'F' ? child.gender : 'U',
    ethnicity: child.ethnicity ?? ETHNICITY_NOT_OBTAINED,
    postcode: child.postcode ?? '',
    requests,
  };
  if (child.upn) person.upn = child.upn;
  if (child.uln) person.uln = child.uln;
  if (!child.upn && !child.uln && child.upnUnknown) person.upnUnknown = child.upnUnknown;
  return person;
}

function requestOf(caseId: string, f: RequestFacts, period: CollectionPeriod, activeFor: ChildHistory | null, child: ChildHistory): Sen2Request {
  const outcome = requestOutcome(f, period);
  const r: Sen2Request = { caseId, outcome };
  if (f.received) r.receivedDate = f.received;
  const source = f.source ? SEN2_REQUEST_SOURCE_CODES[f.source as RequestSource] : undefined;
  if (source) r.requestSource = source;
  const outcomeOn = f.decision?.on ?? (outcome === 'W' ? f.withdrawnOn : undefined);
  if (outcomeOn) r.outcomeDate = outcomeOn;
  if (outcome === 'Y' || outcome === 'H') {
    const a = assessmentOutcome(f, period);
    r.assessment = { outcome: a, week20: f.exception };
    const on = f.final?.on ?? f.notToIssueOn ?? (a === 'W' ? f.withdrawnOn : undefined);
    if (on) r.assessment.outcomeDate = on;
    // Module 4 describes plans issued in this collection year; older plans appear only in module 5.
    if (a === 'Y' && f.final) {
      r.assessment.namedPlan = { startDate: f.final.on, details: [namedDetail(f.final.settingId, child)] };
      // A plan issued this year and already ceased carries its cease date and SEN2 reason.
      if (f.ended?.ceaseReason) Object.assign(r.assessment.namedPlan, { ceaseDate: f.ended.on, ceaseReason: f.ended.ceaseReason });
    }
  }
  if (activeFor && f.final) r.activePlan = activePlanOf(f, activeFor, period);
  return r;
}

function settingDetail(s: SettingFacts | undefined, rank: 1 | 2, senUnit: boolean, rp: boolean): Sen2SettingDetail {
  const d: Sen2SettingDetail = { rank, senUnit, resourcedProvision: rp };
  if (s?.urn) d.urn = s.urn;
  if (s?.ukprn) d.ukprn = s.ukprn;
  if (!s?.urn && !s?.ukprn) {
    // No identifier: SEN2 wants the kind of arrangement instead. A setting we cannot classify is 'OTH'
    // with its name, and the pre-submission check asks for it to be put right.
    d.senSetting = s?.sen2Code ?? (s?.kind === 'early-years' ? 'EYP' : 'OTH');
    if (d.senSetting === 'OTH' && s && !s.sen2Code) d.senSettingOther = s.name;
  }
  return d;
}

function namedDetail(settingId: string | undefined, child: ChildHistory): Sen2SettingDetail {
  const s = settingId ? child.namedSettings[settingId] : undefined;
  return settingDetail(s, 1, s?.kind === 'sen-unit', s?.kind === 'resourced-provision');
}

/** Placements in force on the reference date; the earliest-started is the primary (rank 1). */
export function placementsAt(placements: PlacementFacts[], day: string): PlacementFacts[] {
  return placements
    .filter((p) => p.startsOn <= day && (p.endsOn === null || p.endsOn >= day))
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.setting.id < b.setting.id ? -1 : 1));
}

function activePlanOf(f: RequestFacts, child: ChildHistory, period: CollectionPeriod): Sen2ActivePlan {
  const current = placementsAt(child.placements, period.referenceDate).slice(0, 2);
  const placements: Sen2PlacementDetail[] = current.map((p, i) => {
    const d: Sen2PlacementDetail = { ...settingDetail(p.setting, i === 0 ? 1 : 2, p.senUnit, p.resourcedProvision), entryDate: p.startsOn };
    if (p.endsOn) d.leavingDate = p.endsOn;
    return d;
  });
  if (placements.length === 0) {
    // No placement recorded: report the setting the plan names, from the day it was issued.
    placements.push({ ...namedDetail(f.final!.settingId, child), entryDate: f.final!.on });
  }
  const needs: Sen2Need[] = [];
  if (f.final!.primaryNeed) needs.push({ type: f.final!.primaryNeed.toUpperCase(), rank: 1 });
  const secondary = f.final!.secondaryNeeds.find((n) => n.toUpperCase() !== f.final!.primaryNeed?.toUpperCase());
  if (secondary) needs.push({ type: secondary.toUpperCase(), rank: 2 });
  const plan: Sen2ActivePlan = { placements, needs };
  if (f.lastReview) plan.lastReview = f.lastReview;
  return plan;
}
