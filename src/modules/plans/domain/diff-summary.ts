import { formatDate, isIsoDate } from './iso-date.ts';
import { isJsonObject, type JsonObject, type JsonValue } from './json-value.ts';
import type { Frequency } from './plan-document.ts';
import type { FieldDelta } from './plan-diff-types.ts';
import { describeQuantityShort } from './provision-wording.ts';

/**
 * The sentences of "what changed", written for families first: section, the item in its own words
 * and the change, e.g. "Section F: speech and language therapy changed from 1 × 30 minutes a week
 * to 2 × 30 minutes a week". Long texts are shortened here; the diff keeps them in full.
 */

const LABELS: Record<string, string> = {
  aspirations: 'my aspirations', interests: 'my interests', whatPeopleLikeAndAdmire: 'what people like and admire about me',
  whatIsImportant: 'what is important to me', howBestToSupport: 'how best to support me', parentsViews: "parents' views",
  writtenBy: 'who wrote "all about me"', statement: 'wording', evidence: 'evidence', area: 'area of need', text: 'wording',
  successLooksLike: 'what success looks like', byWhen: 'by when', preparingForAdulthood: 'preparing-for-adulthood area',
  needIds: 'needs it relates to', outcomeIds: 'outcomes it serves', what: 'description', deliveredBy: 'who delivers it',
  frequency: 'how often', durationMinutes: 'session length', groupSize: 'group size', startDate: 'start date',
  endDate: 'end date', reviewBy: 'review date', fundedBy: 'who funds it', noNeedsIdentified: '"no needs identified" confirmation',
  I: 'the placement', description: 'description', amountPence: 'amount', kind: 'kind', section: 'section paid for',
  source: 'source', authorRole: 'author', date: 'date', title: 'title', documentId: 'document',
  givenName: "child's given name", familyName: "child's family name", dateOfBirth: 'date of birth', upn: 'UPN', uln: 'ULN',
  code: 'LA code', name: 'LA name', primaryNeed: 'primary need', secondaryNeeds: 'secondary needs', status: 'status',
  version: 'version', issuedOn: 'issue date', issuedBy: 'who issued it', planId: 'plan id', schemaVersion: 'schema version',
  needs: 'needs', outcomes: 'outcomes', provision: 'provision', items: 'budget items', advice: 'advice',
};

const ITEM_NOUN: Record<string, string> = { needs: 'need', outcomes: 'outcome', provision: 'provision', items: 'budget item', advice: 'advice' };

function label(key: string): string {
  return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function where(path: readonly string[]): string {
  return path[0] === 'sections' && path[1] !== undefined ? `Section ${path[1]}` : 'Plan details';
}

/** Shortens at a word boundary so a summary never ends mid-word. */
function shorten(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A value as a person would say it; `field` picks the wording for money, dates and quantities. */
export function describeValue(field: string, value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'nothing';
  if (field === 'amountPence' && typeof value === 'number') return `£${(value / 100).toFixed(2)}`;
  if (field === 'durationMinutes' && typeof value === 'number') return `${value} minutes`;
  if (field === 'groupSize' && typeof value === 'number') return value === 1 ? '1:1' : `a group of ${value}`;
  if (typeof value === 'string') return isIsoDate(value) ? formatDate(value) : `“${shorten(value)}”`;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (isJsonObject(value)) {
    if (typeof value.role === 'string' && typeof value.qualification === 'string') return `${value.role} (${value.qualification})`;
    if (typeof value.times === 'number' && typeof value.per === 'string') return `${value.times} a ${value.per}`;
    if (typeof value.confirmedBy === 'string') return `confirmed by ${value.confirmedBy} (${String(value.role)})`;
    if (typeof value.settingName === 'string') return `${value.settingName}${typeof value.urn === 'string' ? ` (URN ${value.urn})` : ''}`;
    if (typeof value.settingType === 'string') return `a ${value.settingType.replace(/-/g, ' ')} (type only)`;
    if (typeof value.name === 'string') return `${value.name}${typeof value.role === 'string' ? ` (${value.role})` : ''}`;
    return JSON.stringify(value);
  }
  return String(value);
}

function changeSentence(field: string, before: JsonValue | undefined, after: JsonValue | undefined): string {
  if (before === undefined || before === null) return `${label(field)} added: ${describeValue(field, after)}`;
  if (after === undefined || after === null) return `${label(field)} removed (was ${describeValue(field, before)})`;
  return `${label(field)} changed from ${describeValue(field, before)} to ${describeValue(field, after)}`;
}

export function summariseField(path: readonly string[], before: JsonValue | undefined, after: JsonValue | undefined): string {
  return `${where(path)}: ${changeSentence(path[path.length - 1] ?? '', before, after)}`;
}

/** The item in its own words: what a provision is, an outcome's text, an advice title. */
export function itemName(list: readonly string[], item: JsonObject): string {
  const name = [item.what, item.title, item.description, item.text, item.statement].find((v) => typeof v === 'string');
  const noun = ITEM_NOUN[list[list.length - 1] ?? ''] ?? 'item';
  if (typeof name !== 'string') return `${noun} ${String(item.id)}`;
  return noun === 'provision' || noun === 'advice' || noun === 'budget item' ? shorten(name, 60) : `${noun} “${shorten(name, 60)}”`;
}

export function summariseItemAdded(list: readonly string[], item: JsonObject): string {
  return `${where(list)}: added ${itemName(list, item)}`;
}

export function summariseItemRemoved(list: readonly string[], item: JsonObject): string {
  return `${where(list)}: removed ${itemName(list, item)}`;
}

export function summariseReorder(list: readonly string[]): string {
  return `${where(list)}: the order of the ${label(list[list.length - 1] ?? 'items')} changed`;
}

const QUANTITY = new Set(['frequency', 'durationMinutes']);

export function summariseItemChanged(list: readonly string[], before: JsonObject, after: JsonObject, fields: readonly FieldDelta[]): string {
  const parts: string[] = [];
  if (fields.some((f) => QUANTITY.has(f.field))) {
    const from = describeQuantityShort((before.frequency ?? null) as Frequency | null, (before.durationMinutes ?? null) as number | null);
    const to = describeQuantityShort((after.frequency ?? null) as Frequency | null, (after.durationMinutes ?? null) as number | null);
    parts.push(`changed from ${from} to ${to}`);
  }
  for (const f of fields) if (!QUANTITY.has(f.field)) parts.push(changeSentence(f.field, f.before, f.after));
  const [first, ...rest] = parts;
  const head = `${where(list)}: ${itemName(list, after)}`;
  if (first?.startsWith('changed from') && rest.length === 0) return `${head} ${first}`;
  return `${head}: ${parts.join('; ')}`;
}
