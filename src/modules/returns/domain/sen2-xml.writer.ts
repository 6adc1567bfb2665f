import type { Sen2ActivePlan, Sen2Assessment, Sen2Header, Sen2Person, Sen2PlacementDetail, Sen2Request, Sen2SettingDetail } from './sen2-record.ts';

/**
 * The SEN2 XML, written piece by piece: the header and opening tags, one string per person, then the
 * closing tags, so the export can stream a council of any size. Element order follows the 2024 XSD
 * with the 2026 items placed where the DfE item list puts them (see docs/sen2.md). Canonical form:
 * two-space indentation, "\n" line ends, items in schema order, booleans as 1/0.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Line = [string, string | undefined];
const yn = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? '1' : '0');

function items(indent: string, lines: Line[]): string {
  let out = '';
  for (const [name, value] of lines) if (value !== undefined) out += `${indent}<${name}>${escapeXml(value)}</${name}>\n`;
  return out;
}

export function sen2XmlOpening(h: Sen2Header): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n' +
    items('      ', [['Collection', 'SEN2'], ['Year', h.year], ['ReferenceDate', h.referenceDate]]) +
    '    </CollectionDetails>\n    <Source>\n' +
    items('      ', [
      ['SourceLevel', 'L'], ['LEA', h.laCode], ['SoftwareCode', h.softwareCode], ['Release', h.release], ['SerialNo', h.serialNo],
      ['DateTime', h.dateTime], ['DMO', h.dmo], ['DCO', h.dco], ['DSCO', h.dsco],
    ]) +
    '    </Source>\n  </Header>\n  <Persons>\n';
}

export const SEN2_XML_CLOSING = '  </Persons>\n</Message>\n';

function settingLines(d: Sen2SettingDetail): Line[] {
  return [['URN', d.urn], ['UKPRN', d.ukprn], ['SENSetting', d.senSetting], ['SENSettingOther', d.senSettingOther], ['PlacementRank', String(d.rank)]];
}

function placementXml(p: Sen2PlacementDetail, ind: string): string {
  return `${ind}<PlacementDetail>\n` + items(`${ind}  `, [
    ...settingLines(p), ['EntryDate', p.entryDate], ['LeavingDate', p.leavingDate],
    ['SENunitIndicator', yn(p.senUnit)], ['ResourcedProvisionIndicator', yn(p.resourcedProvision)],
  ]) + `${ind}</PlacementDetail>\n`;
}

function activePlanXml(a: Sen2ActivePlan, ind: string): string {
  let out = `${ind}<ActivePlans>\n` + items(`${ind}  `, [['TransferLA', a.transferLa]]);
  for (const p of a.placements) out += placementXml(p, `${ind}  `);
  for (const n of a.needs) out += `${ind}  <SENneed>\n` + items(`${ind}    `, [['SENtype', n.type], ['SENtypeRank', String(n.rank)]]) + `${ind}  </SENneed>\n`;
  out += items(`${ind}  `, [
    ['ReviewMeeting', a.reviewMeeting], ['ReviewOutcome', a.reviewOutcome], ['ReviewDraft', a.reviewDraft],
    ['PhaseTransferDueDate', a.phaseTransferDueDate], ['PhaseTransferFinalDate', a.phaseTransferFinalDate], ['LastReview', a.lastReview],
  ]);
  return `${out}${ind}</ActivePlans>\n`;
}

function assessmentXml(a: Sen2Assessment, ind: string): string {
  let out = `${ind}<Assessment>\n` + items(`${ind}  `, [['AssessmentOutcome', a.outcome], ['AssessmentOutcomeDate', a.outcomeDate], ['Week20', yn(a.week20)]]);
  if (a.namedPlan) {
    const np = a.namedPlan;
    out += `${ind}  <NamedPlan>\n` + items(`${ind}    `, [['StartDate', np.startDate]]);
    for (const d of np.details) {
      out += `${ind}    <PlanDetail>\n` + items(`${ind}      `, [
        ...settingLines(d), ['SENunitIndicator', yn(d.senUnit)], ['ResourcedProvisionIndicator', yn(d.resourcedProvision)],
      ]) + `${ind}    </PlanDetail>\n`;
    }
    out += items(`${ind}    `, [['CeaseDate', np.ceaseDate], ['CeaseReason', np.ceaseReason]]) + `${ind}  </NamedPlan>\n`;
  }
  return `${out}${ind}</Assessment>\n`;
}

function requestXml(r: Sen2Request, ind: string): string {
  let out = `${ind}<Requests>\n` + items(`${ind}  `, [
    ['ReceivedDate', r.receivedDate], ['RequestSource', r.requestSource], ['RYA', yn(r.rya)], ['RequestOutcomeDate', r.outcomeDate],
    ['RequestOutcome', r.outcome], ['Exported', r.exported],
  ]);
  if (r.assessment) out += assessmentXml(r.assessment, `${ind}  `);
  if (r.activePlan) out += activePlanXml(r.activePlan, `${ind}  `);
  return `${out}${ind}</Requests>\n`;
}

export function sen2PersonXml(p: Sen2Person): string {
  let out = '    <Person>\n' + items('      ', [
    ['Surname', p.surname], ['Forename', p.forename], ['PersonBirthDate', p.birthDate], ['Sex', p.sex], ['Ethnicity', p.ethnicity],
  ]) + `      <PostCode>${escapeXml(p.postcode)}</PostCode>\n` +
    items('      ', [['UPN', p.upn], ['UniqueLearnerNumber', p.uln], ['UPNunknown', p.upnUnknown]]);
  for (const r of p.requests) out += requestXml(r, '      ');
  return `${out}    </Person>\n`;
}
