import { SEN2_NEED_CODES } from '../../plans/index.ts';
import type { SettingInput, SettingRecord } from './setting-record.ts';
import { penceToPounds, validateSetting, type RawSetting } from './setting-validation.ts';

/**
 * Settings as CSV: the columns a council's own spreadsheet would have. Import is all or nothing:
 * every problem is listed with its line number, and if there is one, nothing is written, so a
 * half-imported directory never exists.
 */
export const SETTINGS_CSV_COLUMNS = [
  ['name', 'name'], ['urn', 'urn'], ['ukprn', 'ukprn'], ['gias_type_code', 'giasTypeCode'], ['kind', 'kind'],
  ['phase', 'phase'], ['age_from', 'ageFrom'], ['age_to', 'ageTo'], ['needs_designated', 'needsDesignated'],
  ['commissioned_places', 'commissionedPlaces'], ['in_area', 'inArea'], ['place_cost_pounds', 'placeCostPence'],
  ['postcode', 'postcode'], ['trust_name', 'trustName'],
] as const satisfies ReadonlyArray<readonly [string, keyof SettingInput]>;

export interface CsvProblem { line: number; text: string }
export type CsvImportResult = { ok: true; settings: SettingInput[] } | { ok: false; problems: CsvProblem[] };

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line += 1; field += c; }
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, fields });
      fields = []; field = ''; line += 1; startLine = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: startLine, fields });
  return records;
}

export function importSettingsCsv(text: string, giasCodes: ReadonlySet<string>): CsvImportResult {
  const records = parseCsvRecords(text);
  const header = records.shift();
  if (!header) return { ok: false, problems: [{ line: 1, text: 'The file is empty' }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = SETTINGS_CSV_COLUMNS.filter(([col]) => !names.includes(col)).map(([col]) => col);
  if (missing.length) return { ok: false, problems: [{ line: header.line, text: `The header row is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` }] };
  if (records.length === 0) return { ok: false, problems: [{ line: header.line + 1, text: 'The file has no settings after the header row' }] };
  const problems: CsvProblem[] = [];
  const settings: SettingInput[] = [];
  const seenUrns = new Map<string, number>();
  for (const r of records) {
    if (r.fields.length !== names.length) {
      problems.push({ line: r.line, text: `Line has ${r.fields.length} values but the header has ${names.length}` });
      continue;
    }
    const raw: RawSetting = {};
    for (const [col, key] of SETTINGS_CSV_COLUMNS) raw[key] = r.fields[names.indexOf(col)] ?? '';
    const result = validateSetting(raw, giasCodes, SEN2_NEED_CODES);
    if (!result.ok) {
      for (const p of result.problems) problems.push({ line: r.line, text: p.text });
      continue;
    }
    const urn = result.value.urn;
    if (urn && seenUrns.has(urn)) problems.push({ line: r.line, text: `URN ${urn} is also on line ${seenUrns.get(urn)}` });
    if (urn) seenUrns.set(urn, r.line);
    settings.push(result.value);
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings };
}

function cell(v: string): string {
  // A leading = + - @ would be run as a formula by spreadsheet software: quote it as text.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportSettingsCsv(settings: readonly SettingRecord[]): string {
  const lines = [SETTINGS_CSV_COLUMNS.map(([col]) => col).join(',')];
  for (const s of settings) {
    const values: Record<keyof SettingInput, string> = {
      name: s.name, urn: s.urn ?? '', ukprn: s.ukprn ?? '', giasTypeCode: s.giasTypeCode, kind: s.kind, phase: s.phase,
      ageFrom: String(s.ageFrom), ageTo: String(s.ageTo), needsDesignated: s.needsDesignated.join(' '),
      commissionedPlaces: String(s.commissionedPlaces), inArea: s.inArea ? 'yes' : 'no',
      placeCostPence: s.placeCostPence === null ? '' : penceToPounds(s.placeCostPence), postcode: s.postcode ?? '', trustName: s.trustName ?? '',
    };
    lines.push(SETTINGS_CSV_COLUMNS.map(([, key]) => cell(values[key])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
