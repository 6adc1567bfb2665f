import { ETHNICITIES, SEN_SETTINGS, SEN_TYPES } from './sen2-codes.ts';

/**
 * The SEN2 structure as OpenSEND validates it on import: the liia-tools 2024 XSD, element for
 * element, plus the 2026 items (optional, where the DfE item list places them) and with SENSetting
 * optional (the XSD's known defect: it is only required when no URN/UKPRN names the setting, which
 * the import checks as a rule instead). Kept as data so the import can say exactly what is wrong and
 * where, which a schema validator's messages do not do in plain English.
 */
export type ValueType =
  | { kind: 'date' } | { kind: 'gYear' } | { kind: 'dateTime' } | { kind: 'string'; nonEmpty?: boolean }
  | { kind: 'pattern'; re: RegExp; what: string } | { kind: 'enum'; values: readonly string[] };

export interface ItemSpec { name: string; min: number; max: number; type: ValueType | 'complex' }

const date: ValueType = { kind: 'date' };
const str: ValueType = { kind: 'string' };
const yesNo: ValueType = { kind: 'enum', values: ['true', 'false', 'TRUE', 'FALSE', '0', '1'] };
const rank: ValueType = { kind: 'enum', values: ['1', '2'] };
const yNR: ValueType = { kind: 'enum', values: ['Y', 'N', 'R'] };
const outcome: ValueType = { kind: 'enum', values: ['Y', 'N', 'A', 'W', 'H'] };
const la: ValueType = { kind: 'pattern', re: /^\d{3}$/, what: 'a three-digit LA number' };
const urn: ValueType = { kind: 'pattern', re: /^\d{6}$/, what: 'a six-digit URN' };
const ukprn: ValueType = { kind: 'pattern', re: /^\d{8}$/, what: 'an eight-digit UKPRN' };
const one = (name: string, type: ValueType | 'complex'): ItemSpec => ({ name, min: 1, max: 1, type });
const opt = (name: string, type: ValueType | 'complex'): ItemSpec => ({ name, min: 0, max: 1, type });

const settingItems: ItemSpec[] = [
  opt('URN', urn), opt('UKPRN', ukprn), opt('SENSetting', { kind: 'enum', values: SEN_SETTINGS }), opt('SENSettingOther', str),
  one('PlacementRank', rank),
];

/** Children of each complex element, in sequence order. Element names are unique per structure. */
export const SEN2_STRUCTURE: Record<string, ItemSpec[]> = {
  Message: [one('Header', 'complex'), one('Persons', 'complex')],
  Header: [one('CollectionDetails', 'complex'), one('Source', 'complex')],
  CollectionDetails: [opt('Collection', { kind: 'enum', values: ['SEN2'] }), opt('Year', { kind: 'gYear' }), opt('ReferenceDate', date)],
  Source: [
    opt('SourceLevel', { kind: 'enum', values: ['L'] }), one('LEA', la), opt('SoftwareCode', str), opt('Release', str),
    opt('SerialNo', { kind: 'pattern', re: /^\d{3}\d*$/, what: 'at least three digits' }), opt('DateTime', { kind: 'dateTime' }),
    one('DMO', yNR), one('DCO', yNR), opt('DSCO', yNR),
  ],
  Persons: [{ name: 'Person', min: 1, max: Infinity, type: 'complex' }],
  Person: [
    one('Surname', str), one('Forename', str), one('PersonBirthDate', date), one('Sex', { kind: 'enum', values: ['M', 'F', 'U'] }),
    one('Ethnicity', { kind: 'enum', values: ETHNICITIES }), one('PostCode', str),
    opt('UPN', { kind: 'pattern', re: /^[A-Za-z]\d{12}$|^[A-Za-z]\d{11}[A-Za-z]$/, what: 'a UPN: a letter, 11 digits, then a digit or letter' }),
    opt('UniqueLearnerNumber', { kind: 'pattern', re: /^\d{10}$/, what: 'a ten-digit ULN' }),
    opt('UPNunknown', { kind: 'enum', values: ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7', 'UN8', 'UN9', 'UN10'] }),
    { name: 'Requests', min: 1, max: Infinity, type: 'complex' },
  ],
  Requests: [
    opt('ReceivedDate', date), opt('RequestSource', { kind: 'string', nonEmpty: true }), opt('RYA', yesNo), opt('RequestOutcomeDate', date),
    one('RequestOutcome', outcome), opt('RequestMediation', yesNo), opt('RequestTribunal', yesNo), opt('Exported', la),
    opt('Assessment', 'complex'), opt('ActivePlans', 'complex'),
  ],
  Assessment: [
    one('AssessmentOutcome', outcome), opt('AssessmentOutcomeDate', date), opt('AssessmentMediation', yesNo), opt('AssessmentTribunal', yesNo),
    opt('OtherMediation', yesNo), opt('OtherTribunal', yesNo), opt('Week20', yesNo), opt('NamedPlan', 'complex'),
  ],
  NamedPlan: [
    one('StartDate', date), { name: 'PlanDetail', min: 1, max: 2, type: 'complex' }, opt('PlanRes', { kind: 'enum', values: ['A', 'B'] }),
    opt('PlanWBP', { kind: 'enum', values: ['A', 'T', 'S'] }), opt('PB', yesNo), opt('OA', yesNo), opt('DP', { kind: 'enum', values: ['E', 'S', 'H', 'I'] }),
    opt('CeaseDate', date), opt('CeaseReason', { kind: 'enum', values: ['1', '2', '3', '4', '5', '6', '7', '8', '9'] }),
  ],
  PlanDetail: [...settingItems, one('SENunitIndicator', yesNo), one('ResourcedProvisionIndicator', yesNo)],
  ActivePlans: [
    opt('TransferLA', la), { name: 'PlacementDetail', min: 1, max: 2, type: 'complex' }, { name: 'SENneed', min: 1, max: 2, type: 'complex' },
    opt('ReviewMeeting', date), opt('ReviewOutcome', { kind: 'enum', values: ['A', 'C', 'M'] }), opt('ReviewDraft', date),
    opt('PhaseTransferDueDate', date), opt('PhaseTransferFinalDate', date), opt('LastReview', date),
  ],
  PlacementDetail: [
    ...settingItems, one('EntryDate', date), opt('LeavingDate', date), one('SENunitIndicator', yesNo), one('ResourcedProvisionIndicator', yesNo),
    opt('Res', { kind: 'enum', values: ['A', 'B'] }), opt('WBP', { kind: 'enum', values: ['A', 'T', 'S'] }),
  ],
  SENneed: [one('SENtype', { kind: 'enum', values: SEN_TYPES }), one('SENtypeRank', rank)],
};

/** Why a value does not fit its type, or null when it does. */
export function valueProblem(value: string, type: ValueType): string | null {
  switch (type.kind) {
    case 'string':
      return type.nonEmpty && value.trim() === '' ? 'is empty' : null;
    case 'enum':
      return type.values.includes(value) ? null : `'${value}' is not one of ${type.values.join(', ')}`;
    case 'pattern':
      return type.re.test(value) ? null : `'${value}' is not ${type.what}`;
    case 'gYear':
      return /^\d{4}$/.test(value) ? null : `'${value}' is not a year (YYYY)`;
    case 'dateTime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value) && realDate(value.slice(0, 10))
        ? null : `'${value}' is not a date and time (YYYY-MM-DDThh:mm:ss)`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && realDate(value) ? null : `'${value}' is not a real date (YYYY-MM-DD)`;
  }
}

function realDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
