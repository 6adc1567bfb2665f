/**
 * A small RFC 4180 reader for the DfE release files: quoted fields (council names such as
 * "Bournemouth, Christchurch and Poole"), doubled quotes, CRLF or LF, and the byte-order mark.
 */
export type CsvRecord = Record<string, string>;

export function parseCsvRows(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines = s.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i]!;
    if (line === '') continue;
    // Most lines have no quotes: a plain split is many times faster than a character walk.
    if (!line.includes('"')) {
      rows.push(line.split(','));
      continue;
    }
    // A quoted field may hold a line break: join lines until the quotes balance.
    while ((line.match(/"/g)?.length ?? 0) % 2 === 1 && i + 1 < lines.length) line += '\n' + lines[++i]!;
    rows.push(parseQuotedLine(line));
  }
  return rows;
}

function parseQuotedLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function parseCsv(text: string): CsvRecord[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** DfE numbers: 'x' (unavailable), 'z' (not applicable) and blanks are missing, not zero. */
export function dfeNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim().replace(/,/g, '');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** A row read by column name without building an object per row (the DfE files run to 25,000 rows of 60 columns). */
export type CsvRow = (column: string) => string | undefined;

export function readTable(text: string): CsvRow[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) return [];
  const index = new Map(header.map((h, i) => [h, i]));
  return rows.map((r) => (column: string) => {
    const i = index.get(column);
    return i === undefined ? undefined : r[i];
  });
}
