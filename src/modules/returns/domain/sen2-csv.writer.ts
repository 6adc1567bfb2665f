import type { Sen2Header, Sen2Person } from './sen2-record.ts';

/**
 * The module CSVs named as DfE COLLECT's "Blade" export names them
 * (Blade-Export_<DD-MM-YYYY>_<module>.csv, one per module, the date being the reference date).
 * Rows of a module link to their parent by the *_table_id columns, numbered in file order, as the
 * Blade export does; column names are the SEN2 item names.
 */
export const CSV_MODULES = ['sen2', 'person', 'requests', 'assessment', 'namedplan', 'plandetail', 'activeplans', 'placementdetail', 'senneed'] as const;
export type CsvModule = (typeof CSV_MODULES)[number];

export const CSV_COLUMNS: Record<CsvModule, string[]> = {
  sen2: ['Collection', 'Year', 'ReferenceDate', 'SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime', 'DMO', 'DCO', 'DSCO'],
  person: ['person_table_id', 'Surname', 'Forename', 'PersonBirthDate', 'Sex', 'Ethnicity', 'PostCode', 'UPN', 'UniqueLearnerNumber', 'UPNunknown'],
  requests: ['requests_table_id', 'person_table_id', 'ReceivedDate', 'RequestSource', 'RYA', 'RequestOutcomeDate', 'RequestOutcome', 'RequestMediation', 'RequestTribunal', 'Exported'],
  assessment: ['assessment_table_id', 'requests_table_id', 'AssessmentOutcome', 'AssessmentOutcomeDate', 'AssessmentMediation', 'AssessmentTribunal', 'OtherMediation', 'OtherTribunal', 'Week20'],
  namedplan: ['namedplan_table_id', 'assessment_table_id', 'StartDate', 'PlanRes', 'PlanWBP', 'PB', 'OA', 'DP', 'CeaseDate', 'CeaseReason'],
  plandetail: ['plandetail_table_id', 'namedplan_table_id', 'URN', 'UKPRN', 'SENSetting', 'SENSettingOther', 'PlacementRank', 'SENunitIndicator', 'ResourcedProvisionIndicator'],
  activeplans: ['activeplans_table_id', 'requests_table_id', 'TransferLA', 'ReviewMeeting', 'ReviewOutcome', 'ReviewDraft', 'PhaseTransferDueDate', 'PhaseTransferFinalDate', 'LastReview'],
  placementdetail: ['placementdetail_table_id', 'activeplans_table_id', 'URN', 'UKPRN', 'SENSetting', 'SENSettingOther', 'PlacementRank', 'EntryDate', 'LeavingDate', 'SENunitIndicator', 'ResourcedProvisionIndicator', 'Res', 'WBP'],
  senneed: ['senneed_table_id', 'activeplans_table_id', 'SENtype', 'SENtypeRank'],
};

export function csvFileName(module: CsvModule, referenceDate: string): string {
  const [y, m, d] = referenceDate.split('-');
  return `Blade-Export_${d}-${m}-${y}_${module}.csv`;
}

function cell(v: string | number | boolean | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csvLine = (values: (string | number | boolean | undefined)[]): string => `${values.map(cell).join(',')}\r\n`;
export const csvHeader = (module: CsvModule): string => csvLine(CSV_COLUMNS[module]);

export function headerCsvRow(h: Sen2Header): string {
  return csvLine(['SEN2', h.year, h.referenceDate, 'L', h.laCode, h.softwareCode, h.release, h.serialNo, h.dateTime, h.dmo, h.dco, h.dsco]);
}

/** Running row numbers across the whole file, one counter per module. */
export type CsvCounters = Record<Exclude<CsvModule, 'sen2'>, number>;
export const newCsvCounters = (): CsvCounters => ({ person: 0, requests: 0, assessment: 0, namedplan: 0, plandetail: 0, activeplans: 0, placementdetail: 0, senneed: 0 });

/** One person's rows, module by module. */
export function personCsvRows(p: Sen2Person, n: CsvCounters): Partial<Record<CsvModule, string>> {
  const out: Partial<Record<CsvModule, string>> = {};
  const add = (m: CsvModule, line: string): void => { out[m] = (out[m] ?? '') + line; };
  const pid = (n.person += 1);
  add('person', csvLine([pid, p.surname, p.forename, p.birthDate, p.sex, p.ethnicity, p.postcode, p.upn, p.uln, p.upnUnknown]));
  for (const r of p.requests) {
    const rid = (n.requests += 1);
    add('requests', csvLine([rid, pid, r.receivedDate, r.requestSource, r.rya, r.outcomeDate, r.outcome, undefined, undefined, r.exported]));
    if (r.assessment) {
      const a = r.assessment;
      const aid = (n.assessment += 1);
      add('assessment', csvLine([aid, rid, a.outcome, a.outcomeDate, undefined, undefined, undefined, undefined, a.week20]));
      if (a.namedPlan) {
        const npid = (n.namedplan += 1);
        add('namedplan', csvLine([npid, aid, a.namedPlan.startDate, undefined, undefined, undefined, undefined, undefined, a.namedPlan.ceaseDate, a.namedPlan.ceaseReason]));
        for (const d of a.namedPlan.details) {
          add('plandetail', csvLine([(n.plandetail += 1), npid, d.urn, d.ukprn, d.senSetting, d.senSettingOther, d.rank, d.senUnit, d.resourcedProvision]));
        }
      }
    }
    if (r.activePlan) {
      const ap = r.activePlan;
      const apid = (n.activeplans += 1);
      add('activeplans', csvLine([apid, rid, ap.transferLa, ap.reviewMeeting, ap.reviewOutcome, ap.reviewDraft, ap.phaseTransferDueDate, ap.phaseTransferFinalDate, ap.lastReview]));
      for (const d of ap.placements) {
        add('placementdetail', csvLine([(n.placementdetail += 1), apid, d.urn, d.ukprn, d.senSetting, d.senSettingOther, d.rank, d.entryDate, d.leavingDate, d.senUnit, d.resourcedProvision, undefined, undefined]));
      }
      for (const s of ap.needs) add('senneed', csvLine([(n.senneed += 1), apid, s.type, s.rank]));
    }
  }
  return out;
}
