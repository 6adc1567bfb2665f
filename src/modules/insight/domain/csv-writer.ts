import { formatSuppressed } from './disclosure-control.ts';
import { findIndicator } from './indicator-catalogue.ts';
import type { ReleasedValue } from './released-values.ts';

/**
 * CSV downloads: one row per indicator, breakdown and period, suppressed counts shown as "c" (the
 * DfE convention), and the partnership's narrative as a column so the figure never travels alone.
 */
export interface NarrativeColumns {
  body: string;
  writtenOn: string;
  authorName: string;
}

/** Quotes a field, and defuses text a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['indicator_id', 'indicator', 'breakdown', 'category', 'period', 'numerator', 'denominator', 'value', 'unit', 'comparable_with_dfe', 'narrative', 'narrative_written_on', 'narrative_author'];

export function indicatorsCsv(values: readonly ReleasedValue[], narratives: ReadonlyMap<string, NarrativeColumns>): string {
  const lines = [CSV_HEADER.join(',')];
  for (const v of values) {
    const def = findIndicator(v.indicatorId);
    const n = narratives.get(v.indicatorId);
    lines.push(
      [
        v.indicatorId, def?.name ?? '', v.breakdown?.id ?? '', v.breakdown?.category ?? '', v.periodKey,
        formatSuppressed(v.numerator), v.denominator === null && def?.unit === 'count' ? '' : formatSuppressed(v.denominator), formatSuppressed(v.value),
        def?.unit ?? '', def?.comparableWithDfe ? 'yes' : 'no', n?.body ?? '', n?.writtenOn ?? '', n?.authorName ?? '',
      ].map((f) => csvField(String(f))).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
