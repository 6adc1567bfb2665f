import type { Sen2ActivePlan, Sen2Assessment, Sen2Header, Sen2Person, Sen2PlacementDetail, Sen2Request, Sen2SettingDetail } from '../domain/sen2-record.ts';
import type { XmlNode } from './sen2-xml.reader.ts';

/** A validated SEN2 element tree as the domain's records. Only call after validateSen2Tree found nothing. */
const kid = (n: XmlNode, name: string): XmlNode | undefined => n.children.find((c) => c.name === name);
const all = (n: XmlNode, name: string): XmlNode[] => n.children.filter((c) => c.name === name);
const val = (n: XmlNode, name: string): string | undefined => kid(n, name)?.text.trim();
const bool = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : ['1', 'true', 'TRUE'].includes(v));

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function setting(n: XmlNode): Sen2SettingDetail {
  const d: Sen2SettingDetail = {
    rank: val(n, 'PlacementRank') === '2' ? 2 : 1, senUnit: bool(val(n, 'SENunitIndicator')) ?? false,
    resourcedProvision: bool(val(n, 'ResourcedProvisionIndicator')) ?? false,
  };
  put(d, 'urn', val(n, 'URN'));
  put(d, 'ukprn', val(n, 'UKPRN'));
  put(d, 'senSetting', val(n, 'SENSetting'));
  put(d, 'senSettingOther', val(n, 'SENSettingOther'));
  return d;
}

function assessment(n: XmlNode): Sen2Assessment {
  const a: Sen2Assessment = { outcome: val(n, 'AssessmentOutcome') as Sen2Assessment['outcome'] };
  put(a, 'outcomeDate', val(n, 'AssessmentOutcomeDate'));
  put(a, 'week20', bool(val(n, 'Week20')));
  const np = kid(n, 'NamedPlan');
  if (np) {
    a.namedPlan = { startDate: val(np, 'StartDate')!, details: all(np, 'PlanDetail').map(setting) };
    put(a.namedPlan, 'ceaseDate', val(np, 'CeaseDate'));
    put(a.namedPlan, 'ceaseReason', val(np, 'CeaseReason'));
  }
  return a;
}

function activePlan(n: XmlNode): Sen2ActivePlan {
  const placements = all(n, 'PlacementDetail').map((p) => {
    const d: Sen2PlacementDetail = { ...setting(p), entryDate: val(p, 'EntryDate')! };
    put(d, 'leavingDate', val(p, 'LeavingDate'));
    return d;
  });
  const needs = all(n, 'SENneed').map((s) => ({ type: val(s, 'SENtype')!, rank: (val(s, 'SENtypeRank') === '2' ? 2 : 1) as 1 | 2 }));
  const plan: Sen2ActivePlan = { placements, needs };
  put(plan, 'transferLa', val(n, 'TransferLA'));
  put(plan, 'reviewMeeting', val(n, 'ReviewMeeting'));
  put(plan, 'reviewOutcome', val(n, 'ReviewOutcome') as Sen2ActivePlan['reviewOutcome']);
  put(plan, 'reviewDraft', val(n, 'ReviewDraft'));
  put(plan, 'phaseTransferDueDate', val(n, 'PhaseTransferDueDate'));
  put(plan, 'phaseTransferFinalDate', val(n, 'PhaseTransferFinalDate'));
  put(plan, 'lastReview', val(n, 'LastReview'));
  return plan;
}

function request(n: XmlNode): Sen2Request {
  const r: Sen2Request = { outcome: val(n, 'RequestOutcome') as Sen2Request['outcome'] };
  put(r, 'receivedDate', val(n, 'ReceivedDate'));
  put(r, 'requestSource', val(n, 'RequestSource'));
  put(r, 'rya', bool(val(n, 'RYA')));
  put(r, 'outcomeDate', val(n, 'RequestOutcomeDate'));
  put(r, 'exported', val(n, 'Exported'));
  const a = kid(n, 'Assessment');
  if (a) r.assessment = assessment(a);
  const ap = kid(n, 'ActivePlans');
  if (ap) r.activePlan = activePlan(ap);
  return r;
}

export function personOf(n: XmlNode): Sen2Person {
  const p: Sen2Person = {
    surname: val(n, 'Surname')!, forename: val(n, 'Forename')!, birthDate: val(n, 'PersonBirthDate')!,
    sex: val(n, 'Sex') as Sen2Person['sex'], ethnicity: val(n, 'Ethnicity')!, postcode: val(n, 'PostCode') ?? '',
    requests: all(n, 'Requests').map(request),
  };
  put(p, 'upn', val(n, 'UPN'));
  put(p, 'uln', val(n, 'UniqueLearnerNumber'));
  put(p, 'upnUnknown', val(n, 'UPNunknown'));
  return p;
}

export function sen2FileOf(root: XmlNode): { header: Partial<Sen2Header> & { laCode: string }; persons: Sen2Person[] } {
  const header = kid(root, 'Header')!;
  const details = kid(header, 'CollectionDetails')!;
  const source = kid(header, 'Source')!;
  const h: Partial<Sen2Header> & { laCode: string } = { laCode: val(source, 'LEA')! };
  put(h, 'year', val(details, 'Year'));
  put(h, 'referenceDate', val(details, 'ReferenceDate'));
  return { header: h, persons: all(kid(root, 'Persons')!, 'Person').map(personOf) };
}
