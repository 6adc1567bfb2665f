/**
 * A small RFC 4180 CSV reader: quoted fields (with doubled quotes, commas and newlines inside),
 * CRLF or LF line ends, and the UTF-8 byte order mark the DfE files start with.
 */
export type CsvRecord = Record<string, string>;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: string[] = [];
  // Fields are sliced out of the text rather than built a character at a time: the DfE files are
  // megabytes long and almost every field is unquoted.
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      field = value;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j += 1;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      // A trailing comma at the end of the text still ends with an empty field.
      if (i === n) row.push('');
    } else {
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 1;
      i += 1;
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Reads one cell of a row by column name, before the row is turned into a record. */
export type CellReader = (column: string) => string;

/** Rows as records keyed by the header line; `keep` filters first so large files stay cheap. */
export function parseCsv(text: string, keep?: (cell: CellReader) => boolean): CsvRecord[] {
  const [header, ...body] = parseCsvRows(text);
  if (!header) return [];
  const index = new Map(header.map((name, i) => [name, i]));
  const records: CsvRecord[] = [];
  for (const cells of body) {
    if (cells.length === 1 && cells[0] === '') continue;
    if (keep && !keep((column) => cells[index.get(column) ?? -1] ?? '')) continue;
    const record: CsvRecord = {};
    header.forEach((name, i) => {
      record[name] = cells[i] ?? '';
    });
    records.push(record);
  }
  return records;
}
