import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { parsePounds } from '../domain/ledger-csv.ts';
import { LINES, type Line } from '../domain/money-lines.ts';
import type { ScenarioChange, ScenarioKind } from '../domain/scenarios.ts';
import type { SaveBudget } from '../infrastructure/finance.repository.ts';

/** Validation of the finance forms: each returns the value to save or the GOV.UK errors to show. */
export type Body = Record<string, string | undefined>;
type Result<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

const penceToPounds = (p: number): string => (p / 100).toFixed(2);
const bpToPercent = (bp: number): string => String(bp / 100);

function percentToBp(v: string | undefined): number | null {
  const s = (v ?? '').trim().replace(/%$/, '');
  if (!/^-?\d{1,2}(\.\d{1,2})?$/.test(s)) return null;
  const bp = Math.round(Number(s) * 100);
  return bp >= -2000 && bp <= 5000 ? bp : null;
}

export function budgetValues(b: SaveBudget & { version: number }): Body {
  return {
    version: String(b.version), allocation: penceToPounds(b.allocationPence), broughtForward: penceToPounds(b.broughtForwardPence),
    inflation: bpToPercent(b.inflationBp), allocationGrowth: bpToPercent(b.allocationGrowthBp),
    ...Object.fromEntries(LINES.map((l) => [`line-${l}`, penceToPounds(b.lines.get(l) ?? 0)])),
  };
}

export function parseBudget(body: Body): Result<SaveBudget & { version: number }> {
  const errors = emptyErrors();
  const allocationPence = parsePounds((body.allocation ?? '').trim());
  if (allocationPence === null || allocationPence < 0) addError(errors, 'allocation', 'Enter the high-needs allocation in pounds, for example 45000000');
  const broughtForwardPence = parsePounds((body.broughtForward ?? '').trim() || '0');
  if (broughtForwardPence === null) addError(errors, 'broughtForward', 'Enter the position brought forward in pounds; a deficit is negative, for example -3500000');
  const inflationBp = percentToBp(body.inflation);
  if (inflationBp === null) addError(errors, 'inflation', 'Enter inflation as a percentage between -20 and 50, for example 3');
  const allocationGrowthBp = percentToBp(body.allocationGrowth);
  if (allocationGrowthBp === null) addError(errors, 'allocationGrowth', 'Enter allocation growth as a percentage between -20 and 50, for example 3');
  const lines = new Map<Line, number>();
  for (const l of LINES) {
    const v = parsePounds((body[`line-${l}`] ?? '').trim() || '0');
    if (v === null || v < 0) addError(errors, `line-${l}`, 'Enter the line’s budget in pounds, 0 or more');
    else lines.set(l, v);
  }
  const version = Number(body.version ?? '0');
  if (!Number.isInteger(version) || version < 0) addError(errors, 'allocation', 'The form is out of date: open the budget again');
  if (errors.list.length) return { ok: false, errors };
  return { ok: true, value: { version, allocationPence: allocationPence!, broughtForwardPence: broughtForwardPence!, inflationBp: inflationBp!, allocationGrowthBp: allocationGrowthBp!, lines } };
}

const KINDS: readonly ScenarioKind[] = ['more-mainstream', 'fewer-independent', 'faster-ap-returns', 'new-special-school'];
const wholeNumber = (v: string | undefined, min: number, max: number): number | null => {
  const s = (v ?? '').trim();
  if (!/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** A GOV.UK date input's three fields as 'YYYY-MM-DD', or null when it is not a real date. */
export function dateFromParts(body: Body, name: string): string | null {
  const part = (k: string): string => String(body[`${name}-${k}`] ?? '').trim();
  const [d, m, y] = [part('day'), part('month'), part('year')];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(iso) && y >= '2014' && y <= '2100' ? iso : null;
}

export function parseScenario(raw: Body): Result<{ name: string; change: ScenarioChange }> {
  // A field sent twice arrives as an array: keep only the fields that are strings.
  const body: Body = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string'));
  const errors = emptyErrors();
  const name = (body.name ?? '').trim();
  if (!name) addError(errors, 'name', 'Enter a name for the scenario');
  else if (name.length > 120) addError(errors, 'name', 'Name must be 120 characters or fewer');
  const kind = KINDS.find((k) => k === body.kind);
  let change: ScenarioChange | undefined;
  if (!kind) addError(errors, 'kind', 'Select what the scenario changes', 'kind');
  else if (kind === 'more-mainstream') {
    const n = wholeNumber(body.childrenPerYear, 1, 10_000);
    if (n === null) addError(errors, 'childrenPerYear', 'Enter how many more children a year, a whole number from 1 to 10,000');
    else change = { kind, childrenPerYear: n };
  } else if (kind === 'fewer-independent' || kind === 'faster-ap-returns') {
    const field = kind === 'fewer-independent' ? 'independentPercent' : 'apPercent';
    const p = wholeNumber(body[field], 1, 100);
    if (p === null) addError(errors, field, 'Enter a percentage, a whole number from 1 to 100');
    else change = { kind, percent: p };
  } else {
    const places = wholeNumber(body.places, 1, 2000);
    if (places === null) addError(errors, 'places', 'Enter the school’s places, a whole number from 1 to 2,000');
    const opensOn = dateFromParts(body, 'opensOn');
    if (!opensOn) addError(errors, 'opensOn', 'Enter the date the school opens, for example 1 9 2027', 'opensOn-day');
    if (places !== null && opensOn) change = { kind, places, opensOn };
  }
  if (errors.list.length || !change) return { ok: false, errors };
  return { ok: true, value: { name, change } };
}

export const PROJECT_KINDS = [{ value: 'new-school', text: 'New special school' }, { value: 'unit', text: 'Resourced provision or SEN unit' }, { value: 'expansion', text: 'Expansion of a special school' }];

export function parseProject(body: Body, needCodes: readonly string[]): Result<{ name: string; kind: string; places: number; ageFrom: number; ageTo: number; needs: string[]; opensOn: string }> {
  const errors = emptyErrors();
  const name = (body.projectName ?? '').trim();
  if (!name) addError(errors, 'projectName', 'Enter the project’s name');
  else if (name.length > 200) addError(errors, 'projectName', 'Name must be 200 characters or fewer');
  const kind = PROJECT_KINDS.find((k) => k.value === body.projectKind)?.value;
  if (!kind) addError(errors, 'projectKind', 'Select the kind of project');
  const places = wholeNumber(body.projectPlaces, 1, 2000);
  if (places === null) addError(errors, 'projectPlaces', 'Enter the places, a whole number from 1 to 2,000');
  const ageFrom = wholeNumber(body.ageFrom, 0, 25), ageTo = wholeNumber(body.ageTo, 0, 25);
  if (ageFrom === null) addError(errors, 'ageFrom', 'Enter the youngest age, from 0 to 25');
  if (ageTo === null) addError(errors, 'ageTo', 'Enter the oldest age, from 0 to 25');
  else if (ageFrom !== null && ageTo < ageFrom) addError(errors, 'ageTo', 'Oldest age must be the same as or more than the youngest');
  const needs = (body.needs ?? '').toUpperCase().split(/[\s,]+/).filter(Boolean);
  const unknown = needs.filter((n) => !needCodes.includes(n));
  if (unknown.length) addError(errors, 'needs', `Needs must be SEN2 codes (${needCodes.join(', ')}); not ${unknown.join(', ')}`);
  const opensOn = dateFromParts(body, 'projectOpensOn');
  if (!opensOn) addError(errors, 'projectOpensOn', 'Enter the date the places open, for example 1 9 2027', 'projectOpensOn-day');
  if (errors.list.length) return { ok: false, errors };
  return { ok: true, value: { name, kind: kind!, places: places!, ageFrom: ageFrom!, ageTo: ageTo!, needs: [...new Set(needs)], opensOn: opensOn! } };
}

export function parseTariff(body: Body): Result<{ line: Line; annualPence: number; from: string }> {
  const errors = emptyErrors();
  const line = LINES.find((l) => l === body.tariffLine && l !== 'personal-budgets');
  if (!line) addError(errors, 'tariffLine', 'Select the line the tariff is for');
  const annualPence = parsePounds((body.tariffAmount ?? '').trim());
  if (annualPence === null || annualPence < 0) addError(errors, 'tariffAmount', 'Enter the cost of a place a year in pounds, for example 24000');
  const from = dateFromParts(body, 'tariffFrom');
  if (!from) addError(errors, 'tariffFrom', 'Enter the date the tariff starts, for example 1 4 2026', 'tariffFrom-day');
  if (errors.list.length) return { ok: false, errors };
  return { ok: true, value: { line: line!, annualPence: annualPence!, from: from! } };
}
