/**
 * Both documents leave the council (the inclusion plan is published; the evidence pack goes to
 * inspectors), so they follow insight's disclosure rule: a count from 1 to 4 is shown as "c", and a
 * rate only when its numerator and denominator would both be shown. Tables with totals use insight's
 * suppressTable, which also hides the cells a total would reveal.
 */
export const SMALLEST_SHOWN = 5;
export const SUPPRESSED = 'c';
export const SUPPRESSION_NOTE =
  'Counts from 1 to 4 are shown as “c”, and so is any figure from which one could be worked out, so that no child can be identified.';

export const isSmall = (n: number): boolean => n >= 1 && n < SMALLEST_SHOWN;

export function shownCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'not available';
  return isSmall(n) ? SUPPRESSED : n.toLocaleString('en-GB');
}

/** A percentage with one decimal place, or "c" when either of its counts is small. */
export function shownRate(numerator: number, denominator: number | null): string {
  if (denominator === null || denominator === 0) return 'no cases';
  if (isSmall(numerator) || isSmall(denominator)) return SUPPRESSED;
  return `${(Math.round((numerator * 1000) / denominator) / 10).toFixed(1)}%`;
}

/** A cell from a suppressed table: null means suppressed. */
export const shownCell = (v: number | null): string => (v === null ? SUPPRESSED : v.toLocaleString('en-GB'));
