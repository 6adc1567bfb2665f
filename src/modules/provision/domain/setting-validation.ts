import type { SEN2_NEED_CODES } from '../../plans/index.ts';
import { isPhase, isSettingKind } from './setting-kinds.ts';
import type { SettingInput } from './setting-record.ts';

/**
 * Checks what someone typed (a form or a CSV line) for a setting. Messages follow the GOV.UK error
 * message pattern: say what to do, name the field. The GIAS codes come from the DfE's list, passed in.
 */
export interface FieldProblem { field: keyof SettingInput | 'form'; text: string }
export type RawSetting = Partial<Record<keyof SettingInput, string>>;
export type ValidationResult = { ok: true; value: SettingInput } | { ok: false; problems: FieldProblem[] };

type NeedCode = (typeof SEN2_NEED_CODES)[number];

export function validateSetting(raw: RawSetting, giasCodes: ReadonlySet<string>, needCodes: readonly NeedCode[]): ValidationResult {
  const problems: FieldProblem[] = [];
  // A field sent twice arrives as an array: only a string is an answer.
  const text = (k: keyof SettingInput): string => { const v: unknown = raw[k]; return typeof v === 'string' ? v.trim() : ''; };
  const name = text('name');
  if (!name) problems.push({ field: 'name', text: 'Enter the name of the setting' });
  else if (name.length > 200) problems.push({ field: 'name', text: 'Name must be 200 characters or fewer' });
  const urn = text('urn').replace(/\s/g, '');
  if (urn && !/^\d{6}$/.test(urn)) problems.push({ field: 'urn', text: 'URN must be 6 digits, like 100000' });
  const ukprn = text('ukprn').replace(/\s/g, '');
  if (ukprn && !/^\d{8}$/.test(ukprn)) problems.push({ field: 'ukprn', text: 'UKPRN must be 8 digits, like 10000000' });
  const gias = text('giasTypeCode');
  if (!gias) problems.push({ field: 'giasTypeCode', text: 'Enter the GIAS establishment type code' });
  else if (!giasCodes.has(gias)) problems.push({ field: 'giasTypeCode', text: `GIAS establishment type code must be one on the GIAS list (${gias} is not)` });
  const kind = text('kind');
  if (!isSettingKind(kind)) problems.push({ field: 'kind', text: 'Select the kind of setting' });
  const phase = text('phase');
  if (!isPhase(phase)) problems.push({ field: 'phase', text: 'Select the phase' });
  const ageFrom = wholeNumber(text('ageFrom'));
  const ageTo = wholeNumber(text('ageTo'));
  if (ageFrom === null || ageFrom < 0 || ageFrom > 25) problems.push({ field: 'ageFrom', text: 'Youngest age must be a whole number from 0 to 25' });
  if (ageTo === null || ageTo < 0 || ageTo > 25) problems.push({ field: 'ageTo', text: 'Oldest age must be a whole number from 0 to 25' });
  else if (ageFrom !== null && ageTo < ageFrom) problems.push({ field: 'ageTo', text: 'Oldest age must be the same as or older than the youngest age' });
  const needs = text('needsDesignated').split(/[\s,;|]+/).filter(Boolean).map((n) => n.toUpperCase());
  const unknown = needs.filter((n) => !(needCodes as readonly string[]).includes(n));
  if (unknown.length) problems.push({ field: 'needsDesignated', text: `Needs must be SEN2 need codes (${unknown.join(', ')} not recognised)` });
  const places = wholeNumber(text('commissionedPlaces') || '0');
  if (places === null || places < 0 || places > 5000) problems.push({ field: 'commissionedPlaces', text: 'Commissioned places must be a whole number from 0 to 5000' });
  const inArea = text('inArea').toLowerCase();
  if (!['yes', 'no', 'true', 'false', ''].includes(inArea)) problems.push({ field: 'inArea', text: 'Select whether the setting is in the council’s area' });
  const cost = text('placeCostPence') ? poundsToPence(text('placeCostPence')) : null;
  if (cost === undefined) problems.push({ field: 'placeCostPence', text: 'Place cost must be an amount in pounds, like 23000 or 23000.50' });
  const postcode = text('postcode').toUpperCase().replace(/\s+/g, ' ');
  if (postcode && !/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(postcode)) problems.push({ field: 'postcode', text: 'Enter a real postcode, like ZZ99 1AB' });
  if (problems.length || !isSettingKind(kind) || !isPhase(phase) || ageFrom === null || ageTo === null || places === null || cost === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      name, urn: urn || null, ukprn: ukprn || null, giasTypeCode: gias, kind, phase, ageFrom, ageTo,
      needsDesignated: [...new Set(needs)], commissionedPlaces: places, inArea: inArea !== 'no' && inArea !== 'false',
      placeCostPence: cost, postcode: postcode || null, trustName: text('trustName') || null,
    },
  };
}

function wholeNumber(s: string): number | null {
  return /^\d{1,6}$/.test(s) ? Number(s) : null;
}

/** "£23,000.50" → 2300050. Money is kept in whole pence so totals never drift. */
export function poundsToPence(s: string): number | undefined {
  const m = /^£?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s.replace(/,/g, '').trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function penceToPounds(p: number): string {
  return `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
}
