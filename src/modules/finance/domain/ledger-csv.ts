import { isLine, LINES, type Line } from './money-lines.ts';

/**
 * The council's ledger export, as CSV: one payment a row. The file is taken whole or not at all:
 * a ledger half-imported would make the variance quietly wrong, so every problem is reported with
 * its line number and nothing is saved until the file is clean.
 *
 * Columns (header row required, any order, case-insensitive): date (YYYY-MM-DD or DD/MM/YYYY),
 * line (a budget line code), amount (pounds, two decimals; negative for a refund or credit),
 * reference (the ledger's own id, unique within the file), description (optional; not personal).
 */
export interface LedgerRow { postedOn: string; line: Line; amountPence: number; reference: string; description: string }
export interface LedgerProblem { line: number; message: string }
export type LedgerParse = { ok: true; rows: LedgerRow[] } | { ok: false; problems: LedgerProblem[] };

export const LEDGER_COLUMNS = ['date', 'line', 'amount', 'reference', 'description'] as const;
const REQUIRED = ['date', 'line', 'amount', 'reference'] as const;
const MAX_ROWS = 50_000;

/** RFC 4180 records with the physical line each starts on (a quoted field may span lines). */
export function csvRecords(text: string): Array<{ line: number; fields: string[] }> | { error: LedgerProblem } {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [], field = '', quoted = false, line = 1, startLine = 1, i = 0, wasQuoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endField = () => { fields.push(wasQuoted ? field : field.trim()); field = ''; wasQuoted = false; };
  const endRecord = () => { endField(); if (fields.some((f) => f !== '')) out.push({ line: startLine, fields }); fields = []; startLine = line; };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      if (c === '\n') line += 1;
      field += c; i += 1; continue;
    }
    if (c === '"' && field.trim() === '') { quoted = true; wasQuoted = true; field = ''; i += 1; continue; }
    if (c === ',') { endField(); i += 1; continue; }
    if (c === '\r' && src[i + 1] === '\n') { i += 1; continue; }
    if (c === '\n') { line += 1; endRecord(); i += 1; continue; }
    field += c; i += 1;
  }
  if (quoted) return { error: { line: startLine, message: 'A quoted field is not closed' } };
  endRecord();
  return out;
}

function parseDate(v: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : uk ? [uk[3]!, uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')] : [];
  if (!y) return null;
  const s = `${y}-${m}-${d}`;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s) ? s : null;
}

/** "£1,234.56", "1234.5", "-20" → pence; anything else is refused rather than guessed. */
export function parsePounds(v: string): number | null {
  const m = /^(-)?£?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(v.replace(/^£-/, '-£'));
  if (!m) return null;
  const pounds = Number(m[2]!.replace(/,/g, ''));
  const pence = pounds * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return null;
  return m[1] ? -pence : pence;
}

export function parseLedgerCsv(text: string): LedgerParse {
  const records = csvRecords(text);
  if (!Array.isArray(records)) return { ok: false, problems: [records.error] };
  const [head, ...body] = records;
  if (!head) return { ok: false, problems: [{ line: 1, message: 'The file is empty: it needs a header row and at least one payment' }] };
  const names = head.fields.map((f) => f.toLowerCase());
  const problems: LedgerProblem[] = [];
  for (const r of REQUIRED) if (!names.includes(r)) problems.push({ line: head.line, message: `The header has no "${r}" column (columns: ${LEDGER_COLUMNS.join(', ')})` });
  if (problems.length) return { ok: false, problems };
  if (body.length === 0) problems.push({ line: head.line, message: 'The file has a header but no payments' });
  if (body.length > MAX_ROWS) return { ok: false, problems: [{ line: head.line, message: `The file has ${body.length} payments; the most in one file is ${MAX_ROWS}` }] };
  const col = (fields: string[], n: string): string => fields[names.indexOf(n)] ?? '';
  const seen = new Map<string, number>();
  const rows: LedgerRow[] = [];
  for (const { line, fields } of body) {
    const before = problems.length;
    if (fields.length !== names.length) problems.push({ line, message: `Expected ${names.length} fields, found ${fields.length}` });
    const postedOn = parseDate(col(fields, 'date'));
    if (!postedOn) problems.push({ line, message: `Date "${col(fields, 'date')}" is not a real date (use YYYY-MM-DD or DD/MM/YYYY)` });
    const lineCode = col(fields, 'line').toLowerCase();
    if (!isLine(lineCode)) problems.push({ line, message: `Line "${col(fields, 'line')}" is not a budget line (one of: ${LINES.join(', ')})` });
    const amountPence = parsePounds(col(fields, 'amount'));
    if (amountPence === null) problems.push({ line, message: `Amount "${col(fields, 'amount')}" is not an amount in pounds (for example 1234.56)` });
    const reference = col(fields, 'reference');
    if (!reference) problems.push({ line, message: 'Reference is empty: every payment needs the ledger’s reference' });
    else if (reference.length > 100) problems.push({ line, message: 'Reference is longer than 100 characters' });
    else if (seen.has(reference)) problems.push({ line, message: `Reference "${reference}" is also on line ${seen.get(reference)}` });
    else seen.set(reference, line);
    const description = col(fields, 'description');
    if (description.length > 500) problems.push({ line, message: 'Description is longer than 500 characters' });
    if (problems.length === before) rows.push({ postedOn: postedOn!, line: lineCode as Line, amountPence: amountPence!, reference, description });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** Actual spend by line for one financial year's rows. */
export function actualByLine(rows: ReadonlyArray<{ line: Line; amountPence: number }>): Map<Line, number> {
  const out = new Map<Line, number>();
  for (const r of rows) out.set(r.line, (out.get(r.line) ?? 0) + r.amountPence);
  return out;
}
