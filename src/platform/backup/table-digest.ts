import type pg from 'pg';
import type { TableInfo } from './table-catalogue.ts';

/**
 * A fingerprint of a table's content: its row count and the MD5 of every row's text, sorted. Two
 * databases hold the same data exactly when every table's fingerprint matches. The session settings
 * fix how timestamps, floats and bytes are printed, and rows sort by byte order ("C" collation), so
 * the fingerprint is the same on any server, whatever its locale, time zone or version.
 */
export interface TableDigest {
  table: string;
  rows: number;
  md5: string;
}

export async function fixOutputSettings(client: pg.Client | pg.PoolClient): Promise<void> {
  await client.query(`set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set bytea_output = 'hex'`);
}

export async function digestTable(client: pg.Client | pg.PoolClient, table: string): Promise<TableDigest> {
  const t = client.escapeIdentifier(table);
  const r = await client.query<{ rows: number; md5: string }>(
    `select count(*)::int as rows, md5(coalesce(string_agg(r, E'\\n' order by r collate "C"), '')) as md5
       from (select (x.*)::text as r from ${t} x) s`,
  );
  return { table, rows: r.rows[0]!.rows, md5: r.rows[0]!.md5 };
}

export async function digestTables(client: pg.Client | pg.PoolClient, tables: TableInfo[]): Promise<TableDigest[]> {
  await fixOutputSettings(client);
  const out: TableDigest[] = [];
  for (const t of tables) out.push(await digestTable(client, t.name));
  return out;
}

export interface DigestComparison {
  ok: boolean;
  lines: Array<{ table: string; expectedRows: number | null; actualRows: number | null; matches: boolean }>;
}

/** Compares what a table should hold (the source) with what it holds (the restored copy). */
export function compareDigests(expected: TableDigest[], actual: TableDigest[]): DigestComparison {
  const got = new Map(actual.map((d) => [d.table, d]));
  const want = new Map(expected.map((d) => [d.table, d]));
  const names = [...new Set([...want.keys(), ...got.keys()])].sort();
  const lines = names.map((table) => {
    const e = want.get(table);
    const a = got.get(table);
    // A table the source never had is fine while it is empty (a newer migration added it).
    const matches = e && a ? e.rows === a.rows && e.md5 === a.md5 : !e && a ? a.rows === 0 : false;
    return { table, expectedRows: e?.rows ?? null, actualRows: a?.rows ?? null, matches };
  });
  return { ok: lines.every((l) => l.matches), lines };
}

/** The report printed by `opensend backup verify` and `opensend restore`. */
export function formatComparison(c: DigestComparison): string[] {
  const width = Math.max(5, ...c.lines.map((l) => l.table.length));
  const out = [`${'table'.padEnd(width)}  source rows  restored rows  content`];
  for (const l of c.lines) {
    out.push(`${l.table.padEnd(width)}  ${String(l.expectedRows ?? '-').padStart(11)}  ${String(l.actualRows ?? '-').padStart(13)}  ${l.matches ? 'same' : 'DIFFERENT'}`);
  }
  const bad = c.lines.filter((l) => !l.matches).length;
  out.push(c.ok ? `Verified: all ${c.lines.length} tables match (row counts and content hashes).` : `Verification FAILED: ${bad} of ${c.lines.length} tables differ.`);
  return out;
}
