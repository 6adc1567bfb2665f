/**
 * The SEN2 collection year. The DfE's census (reference) day falls in January; the return counts
 * requests, assessments and plans issued in the previous calendar year (1 January to 31 December)
 * and reports plans in force, their placements and needs, as at the reference date itself.
 * Outcomes are read from events up to and including the reference date, so a decision made in the
 * first days of January about a December request is reported.
 */
export interface CollectionPeriod {
  /** The collection year: the year of the reference date (SEN2 2026 has its census in January 2026). */
  year: string;
  referenceDate: string;
  periodStart: string;
  periodEnd: string;
}

export class ReferenceDateError extends Error {}

export function collectionPeriod(referenceDate: string): CollectionPeriod {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate);
  if (!m) throw new ReferenceDateError(`the reference date must be written YYYY-MM-DD, not '${referenceDate}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new ReferenceDateError(`the reference date ${referenceDate} is not a real date`);
  }
  if (mo !== 1) throw new ReferenceDateError(`the SEN2 reference date is the January census day (e.g. ${y}-01-15), not ${referenceDate}`);
  return { year: String(y), referenceDate, periodStart: `${y - 1}-01-01`, periodEnd: `${y - 1}-12-31` };
}

/** Whole days from a to b ('YYYY-MM-DD'); date-only, so no time zones are involved. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
