import type { ScorecardRow } from '../domain/scorecard.ts';

/** Quotes a field and defuses text a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const SCORECARD_CSV_HEADER = [
  'period', 'partner', 'partner_kind', 'advice_due', 'advice_on_time', 'advice_on_time_percent', 'median_days_late',
  'outstanding', 'overdue', 'commitments', 'commitments_delivered', 'commitments_not_delivered', 'escalations', 'board_escalations',
];

/** One row per partner and the partnership total; empty cells where a figure has no denominator. */
export function scorecardCsv(periodKey: string, rows: readonly ScorecardRow[], total: ScorecardRow): string {
  const line = (r: ScorecardRow) => [
    periodKey, r.name, r.kind, r.adviceDue, r.adviceOnTime, r.adviceOnTimePercent ?? '', r.medianDaysLate ?? '',
    r.outstanding, r.overdue, r.commitments, r.commitmentsDelivered, r.commitmentsNotDelivered, r.escalations, r.boardEscalations,
  ].map((v) => csvField(String(v))).join(',');
  return [SCORECARD_CSV_HEADER.join(','), ...rows.map(line), line(total)].join('\r\n') + '\r\n';
}
