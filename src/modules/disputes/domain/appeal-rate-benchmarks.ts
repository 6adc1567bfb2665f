import { parseCsv } from './csv-rows.ts';

/** One row of the DfE/MoJ table "SEND Tribunals and appeal rate 2014-2024". */
export interface AppealRateFigure {
  year: number;
  appeals?: number;
  decisions?: number;
  /** The published rate, as a percentage ("3.20%" → 3.2). */
  rate?: number;
}

export interface AppealRateBenchmarks {
  national: Map<number, AppealRateFigure>;
  byLa: Map<string, { name: string; figures: Map<number, AppealRateFigure> }>;
  latestYear: number;
}

const num = (cell: string | undefined): number | undefined => {
  const t = (cell ?? '').replace(/[",%\s]/g, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
};

/**
 * Reads the table: a header row naming the years (each year three columns: appeals registered,
 * total appealable decisions, rate), one row per council with its code, and "England Total".
 * Suppressed (" - ", "x") cells are left undefined rather than read as zero.
 */
export function parseAppealRateTable(text: string): AppealRateBenchmarks {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows.find((r) => r[0] === 'Local Authority');
  if (!header) throw new Error('Appeal rate table: no "Local Authority" header row');
  const years: Array<{ year: number; col: number }> = [];
  header.forEach((cell, col) => {
    if (/^\d{4}$/.test(cell.trim())) years.push({ year: Number(cell), col });
  });
  const read = (row: string[]) =>
    new Map(years.map(({ year, col }) => {
      const appeals = num(row[col]);
      const decisions = num(row[col + 1]);
      const rate = num(row[col + 2]);
      return [year, { year, ...(appeals !== undefined ? { appeals } : {}), ...(decisions !== undefined ? { decisions } : {}), ...(rate !== undefined ? { rate } : {}) }];
    }));
  const byLa = new Map<string, { name: string; figures: Map<number, AppealRateFigure> }>();
  let national: Map<number, AppealRateFigure> | undefined;
  for (const row of rows) {
    const name = row[0]?.trim() ?? '';
    if (/^England Total/.test(name)) national = read(row);
    else if (/^\d{3}$/.test(row[1]?.trim() ?? '')) byLa.set(row[1]!.trim(), { name, figures: read(row) });
  }
  if (!national) throw new Error('Appeal rate table: no England Total row');
  return { national, byLa, latestYear: Math.max(...years.map((y) => y.year)) };
}
