/**
 * A small RFC 4180 reader for the DfE release files: quoted fields (council names such as
 * "Bournemouth, Christchurch and Poole"), doubled quotes, CRLF or LF, and the byte-order mark.
 */
export type CsvRecord = Record<string, string>;

export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
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
