import { daysBetween, type CollectionPeriod } from './collection-period.ts';
import { SEN_TYPES } from './sen2-codes.ts';
import type { Sen2Person } from './sen2-record.ts';

/**
 * The pre-submission check: rules over one person's SEN2 record, in plain English. An error would
 * make COLLECT reject the return or report something untrue; a query is worth a look before
 * submitting. Each finding names the case to open to fix it.
 */
export interface CheckFinding { level: 'error' | 'query'; message: string; caseId?: string }

const TWENTY_WEEKS = 140;

export function checkSen2Person(p: Sen2Person, period: CollectionPeriod): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (!p.upn && !p.uln && !p.upnUnknown) out.push({ level: 'error', message: 'No UPN or ULN, and no reason recorded why (UPNunknown).' });
  if (p.postcode === '') out.push({ level: 'query', message: 'No home postcode recorded.' });
  if (p.birthDate > period.referenceDate) out.push({ level: 'error', message: `Date of birth ${p.birthDate} is after the reference date.` });
  for (const r of p.requests) {
    const at = { caseId: r.caseId };
    const when = r.receivedDate ? `The request received on ${r.receivedDate}` : 'A request';
    if (r.receivedDate && r.receivedDate < p.birthDate) out.push({ level: 'error', message: `${when} is dated before the date of birth.`, ...at });
    if (r.receivedDate && r.outcomeDate && r.outcomeDate < r.receivedDate) out.push({ level: 'error', message: `${when} was decided on ${r.outcomeDate}, before it was received.`, ...at });
    const a = r.assessment;
    if (a?.outcomeDate && r.outcomeDate && a.outcomeDate < r.outcomeDate) out.push({ level: 'error', message: `${when}: the assessment outcome (${a.outcomeDate}) is dated before the decision to assess (${r.outcomeDate}).`, ...at });
    if (r.receivedDate && daysBetween(r.receivedDate, period.referenceDate) > TWENTY_WEEKS) {
      if (r.outcome === 'A') out.push({ level: 'error', message: `${when} has had no decision on whether to assess for more than 20 weeks.`, ...at });
      else if (a?.outcome === 'A') out.push({ level: 'query', message: `${when} is more than 20 weeks old and the assessment has no outcome yet.`, ...at });
    }
    for (const d of a?.namedPlan?.details ?? []) {
      if (d.senSetting === 'OTH' && d.senSettingOther) out.push({ level: 'query', message: `The plan names '${d.senSettingOther}', which has no URN or UKPRN: add one, or record what kind of arrangement it is.`, ...at });
      else if (!d.urn && !d.ukprn && d.senSetting === 'OTH') out.push({ level: 'query', message: 'The plan names no setting: SEN2 will report "Other". Record the setting the plan names.', ...at });
    }
    const ap = r.activePlan;
    if (!ap) continue;
    if (ap.needs.length === 0) out.push({ level: 'error', message: 'The plan in force has no primary type of need.', ...at });
    for (const n of ap.needs) if (!(SEN_TYPES as readonly string[]).includes(n.type)) out.push({ level: 'error', message: `'${n.type}' is not a SEN2 type of need.`, ...at });
    for (const pl of ap.placements) {
      if (!pl.urn && !pl.ukprn && (pl.senSetting === undefined || pl.senSettingOther)) {
        out.push({ level: 'error', message: `The placement from ${pl.entryDate}${pl.senSettingOther ? ` at '${pl.senSettingOther}'` : ''} has no URN, UKPRN or SEN2 setting code.`, ...at });
      }
      if (pl.leavingDate && pl.leavingDate < pl.entryDate) out.push({ level: 'error', message: `A placement ends (${pl.leavingDate}) before it starts (${pl.entryDate}).`, ...at });
    }
    if (ap.lastReview === undefined && ap.placements[0] && daysBetween(r.assessment?.outcomeDate ?? period.referenceDate, period.referenceDate) > 365) {
      out.push({ level: 'query', message: 'The plan has been in force for over a year with no annual review recorded.', ...at });
    }
  }
  return out;
}

export interface ChildFindings { childId?: string; name: string; findings: CheckFinding[] }
