import { parseCsv, type CsvRecord } from './csv-parser.ts';
import { UnknownCouncilError } from './council.ts';

/**
 * The numbers a synthetic local area is calibrated to, read from the DfE "Education, health and
 * care plans" 2025 release for one council. Pure: CSV text in, numbers out.
 */
export const NEED_CODES = ['ASD', 'HI', 'MLD', 'MSI', 'OTH', 'PD', 'PMLD', 'SEMH', 'SLCN', 'SLD', 'SPLD', 'VI'] as const;
export type NeedCode = (typeof NEED_CODES)[number];

export const SETTING_GROUPS = [
  'mainstream', 'resourced-provision', 'sen-unit', 'special', 'independent-special',
  'alternative-provision', 'post-16', 'specialist-post-16', 'early-years', 'other',
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export interface CalibrationSources {
  senNeedsAllPlans: string;
  caseload: string;
  requests: string;
  timeliness20Week: string;
}

export interface Calibration {
  laCode: string;
  laName: string;
  academicYear: string;
  calendarYear: string;
  plansInPlace: number;
  needs: Record<NeedCode, number>;
  needUnknown: number;
  settingMix: Record<SettingGroup, number>;
  /** Plans by age of the child or young person (age in whole years; "under 3" counts as 2). */
  ages: { age: number; count: number }[];
  /** Plans by whole years in place ("Less than a year" is 0, "12 or more" is 12). */
  yearsInPlace: { years: number; count: number }[];
  requests: {
    received: number; decidedToAssess: number; decidedNotToAssess: number; decisionNotMade: number;
    withdrawn: number; withinSixWeeks: number; overSixWeeks: number;
  };
  timeliness: {
    issued: number; issuedExcludingExceptions: number;
    within20Weeks: number; within20WeeksExcludingExceptions: number;
  };
  /** Values the DfE marks x / c / z / low (unavailable, suppressed, not applicable), read as 0. */
  notes: string[];
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

class Reader {
  readonly notes: string[] = [];
  constructor(private readonly file: string) {}
  num(row: CsvRecord, column: string): number {
    const raw = (row[column] ?? '').trim();
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    this.notes.push(`${this.file} ${column} for "${row.breakdown ?? ''}" is '${raw}' (not available): counted as 0`);
    return 0;
  }
}

function latest(rows: CsvRecord[]): string {
  return rows.reduce((best, r) => ((r.time_period ?? '') > best ? (r.time_period ?? '') : best), '');
}

interface ParsedSource { byCouncil: Map<string, CsvRecord[]>; national: CsvRecord[] }

// Each file is parsed once and kept by its text, so calibrating all 153 councils (the national
// dataset) costs one parse per file rather than 153.
const parsedSources = new Map<string, ParsedSource>();

function parsed(text: string): ParsedSource {
  const cached = parsedSources.get(text);
  if (cached) return cached;
  const rows = parseCsv(text, (cell) => cell('old_la_code') !== '' || cell('geographic_level') === 'National');
  const source: ParsedSource = { byCouncil: new Map(), national: [] };
  for (const r of rows) {
    if (r.geographic_level === 'National') source.national.push(r);
    if (r.old_la_code) {
      const list = source.byCouncil.get(r.old_la_code) ?? [];
      list.push(r);
      source.byCouncil.set(r.old_la_code, list);
    }
  }
  if (parsedSources.size >= 8) parsedSources.clear();
  parsedSources.set(text, source);
  return source;
}

/** Rows for this council (and England, for fallbacks) in the file's latest period. */
function rowsFor(text: string, laCode: string): { la: CsvRecord[]; national: CsvRecord[]; period: string } {
  const source = parsed(text);
  const councilRows = source.byCouncil.get(laCode) ?? [];
  const rows = source.national.concat(councilRows.filter((r) => r.geographic_level !== 'National'));
  const period = latest(rows);
  const inPeriod = rows.filter((r) => r.time_period === period);
  return {
    la: inPeriod.filter((r) => r.old_la_code === laCode),
    national: inPeriod.filter((r) => r.geographic_level === 'National'),
    period,
  };
}

function topic(rows: CsvRecord[], name: string): CsvRecord[] {
  return rows.filter((r) => r.breakdown_topic === name);
}

function parseAge(label: string): number | undefined {
  if (/^under 3$/i.test(label)) return 2;
  const m = /(\d+)/.exec(label);
  return m ? Number(m[1]) : undefined;
}

function parseYears(label: string): number | undefined {
  if (/less than a year/i.test(label)) return 0;
  const m = /(\d+)/.exec(label);
  return m ? Number(m[1]) : undefined;
}

export function readCalibration(sources: CalibrationSources, laCode: string): Calibration {
  const needsReader = new Reader('sen_needs_all_plans.csv');
  const needsRows = rowsFor(sources.senNeedsAllPlans, laCode);
  const all = topic(needsRows.la, 'All EHC plans')[0];
  if (!all) throw new UnknownCouncilError(laCode);
  const needs = Object.fromEntries(NEED_CODES.map((c) => [c, needsReader.num(all, `number_${c.toLowerCase()}`)])) as Record<NeedCode, number>;

  // Councils without characteristics (the guidance names Surrey) borrow England's age shape.
  const notes: string[] = [];
  let ageRows = topic(needsRows.la, 'Child or young persons age');
  if (ageRows.length === 0) {
    ageRows = topic(needsRows.national, 'Child or young persons age');
    notes.push('No age breakdown for this council: England\'s age distribution is used');
  }
  const ages = ageRows
    .map((r) => ({ age: parseAge(r.breakdown ?? ''), count: needsReader.num(r, 'ehc_plans') }))
    .filter((a): a is { age: number; count: number } => a.age !== undefined)
    .sort((a, b) => a.age - b.age);

  const caseReader = new Reader('caseload.csv');
  const caseRows = rowsFor(sources.caseload, laCode);
  const load = topic(caseRows.la, 'All EHC plans')[0];
  const c = (col: string): number => (load ? caseReader.num(load, col) : 0);
  if (!load) notes.push('No caseload row for this council: setting mix is empty');
  const settingMix: Record<SettingGroup, number> = {
    mainstream: sum(['mainstream_la_maintained', 'mainstream_academy', 'mainstream_free_school', 'mainstream_independent'].map(c)),
    'resourced-provision': sum(['mainstream_la_maintained_resourced_provision', 'mainstream_academy_resourced_provision', 'mainstream_free_school_resourced_provision'].map(c)),
    'sen-unit': sum(['mainstream_la_maintained_senunit', 'mainstream_academy_senunit', 'mainstream_free_school_senunit'].map(c)),
    special: c('special_la_maintained') + c('special_academy_free'),
    'independent-special': c('special_independent') + c('special_non_maintained'),
    'alternative-provision': c('ap_pru_total'),
    'post-16': c('general_fe_tertiary_colleges') + c('ukrlp_provider'),
    'specialist-post-16': c('specialist_post_16_institutions'),
    'early-years': c('nm_early_years'),
    // Educated elsewhere (home education, other arrangements, NEET) and placement not known.
    other: c('ed_elsewhere') + c('placement_unknown'),
  };
  let yearsRows = topic(caseRows.la, 'Years EHC plan in place');
  if (yearsRows.length === 0) {
    yearsRows = topic(caseRows.national, 'Years EHC plan in place');
    notes.push('No years-in-place breakdown for this council: England\'s is used');
  }
  const yearsInPlace = yearsRows
    .map((r) => ({ years: parseYears(r.breakdown ?? ''), count: caseReader.num(r, 'ehcplans') }))
    .filter((y): y is { years: number; count: number } => y.years !== undefined)
    .sort((a, b) => a.years - b.years);

  const reqReader = new Reader('requests.csv');
  const reqRows = rowsFor(sources.requests, laCode);
  const req = topic(reqRows.la, 'All requests for EHC needs assessments')[0];
  const r = (col: string): number => (req ? reqReader.num(req, col) : 0);

  const timeReader = new Reader('timeliness_20_week.csv');
  const timeRows = rowsFor(sources.timeliness20Week, laCode);
  const t20 = topic(timeRows.la, 'All EHC plans issued')[0];
  const t = (col: string): number => (t20 ? timeReader.num(t20, col) : 0);

  return {
    laCode,
    laName: all.la_name ?? laCode,
    academicYear: needsRows.period,
    calendarYear: reqRows.period,
    plansInPlace: needsReader.num(all, 'ehc_plans'),
    needs,
    needUnknown: needsReader.num(all, 'number_need_unknown'),
    settingMix,
    ages,
    yearsInPlace,
    requests: {
      received: r('requests_received_in_year'),
      decidedToAssess: r('requests_decided_to_assess'),
      decidedNotToAssess: r('requests_decided_not_to_assess'),
      decisionNotMade: r('requests_decision_not_made'),
      withdrawn: r('requests_withdrawn'),
      withinSixWeeks: r('request_outcome_six_weeks'),
      overSixWeeks: r('request_outcome_over_6_weeks'),
    },
    timeliness: {
      issued: t('plans_issued_den'),
      issuedExcludingExceptions: t('plans_issued_den_ex'),
      within20Weeks: t('plans_issued_within_20_weeks'),
      within20WeeksExcludingExceptions: t('plans_issued_20_weeks_ex'),
    },
    notes: [...notes, ...needsReader.notes, ...caseReader.notes, ...reqReader.notes, ...timeReader.notes],
  };
}
