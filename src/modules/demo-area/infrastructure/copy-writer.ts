import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk loading with PostgreSQL's COPY FROM STDIN (text format), streamed: rows are encoded in
 * chunks of a few hundred kilobytes and written as the socket drains, so loading millions of case
 * events costs neither a round trip per batch nor the whole table in memory as one string.
 */
const CHUNK_CHARS = 256 * 1024;

/** COPY text format escapes: backslash, and the characters that separate fields and rows. */
function escapeText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** A PostgreSQL array literal of text elements, e.g. {"ASD","SLCN"}. */
function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** One field in COPY text format: \N for null, t/f for booleans, JSON for objects (jsonb columns). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (typeof value === 'object') return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

export function copyLine(row: Record<string, unknown>, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i += 1) {
    if (i > 0) line += '\t';
    line += copyField(row[columns[i]!]);
  }
  return `${line}\n`;
}

function* chunks(rows: readonly object[], columns: readonly string[], onRows?: (n: number) => void): Generator<string> {
  let buffer = '';
  let pending = 0;
  for (const row of rows) {
    buffer += copyLine(row as Record<string, unknown>, columns);
    pending += 1;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      onRows?.(pending);
      buffer = '';
      pending = 0;
    }
  }
  if (buffer) yield buffer;
  if (pending) onRows?.(pending);
}

/** Copies `rows` into `table` on this client (inside the caller's transaction, if any). */
export async function copyRows(
  client: pg.ClientBase, table: string, columns: readonly string[], rows: readonly object[], onRows?: (n: number) => void,
): Promise<number> {
  if (rows.length === 0) return 0;
  const target = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks(rows, columns, onRows)), target);
  return rows.length;
}
