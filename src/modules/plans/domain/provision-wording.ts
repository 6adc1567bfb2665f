import type { Deliverer, Frequency, FrequencyPeriod, ProvisionItem } from './plan-document.ts';

/**
 * Plain-English wording for provision quantities, shared by the plan page, the diff summaries and
 * the PDF so that a family reads the same sentence everywhere.
 */

const PER: Record<FrequencyPeriod, string> = { day: 'a day', week: 'a week', month: 'a month', term: 'a term', year: 'a year' };

/** 30 → "30 minutes", 60 → "1 hour", 90 → "1 hour 30 minutes". */
export function describeDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? '' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const m = rest === 0 ? '' : `${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
  return [h, m].filter(Boolean).join(' ') || '0 minutes';
}

/** "2 sessions of 30 minutes a week"; says plainly which part is still missing. */
export function describeFrequency(frequency: Frequency | null, durationMinutes: number | null): string {
  if (frequency === null && durationMinutes === null) return 'how often and for how long not yet specified';
  if (frequency === null) return `sessions of ${describeDuration(durationMinutes ?? 0)}, how often not yet specified`;
  const sessions = `${frequency.times} ${frequency.times === 1 ? 'session' : 'sessions'}`;
  if (durationMinutes === null) return `${sessions} ${PER[frequency.per]}, length not yet specified`;
  return `${sessions} of ${describeDuration(durationMinutes)} ${PER[frequency.per]}`;
}

export function describeGroupSize(groupSize: number | null): string | null {
  if (groupSize === null) return null;
  return groupSize === 1 ? '1:1' : `in a group of ${groupSize}`;
}

/** "by a speech and language therapist (HCPC registered)". */
export function describeDeliverer(deliveredBy: Deliverer | null): string {
  if (deliveredBy === null) return 'who delivers it not yet specified';
  const article = /^[aeiou]/i.test(deliveredBy.role) ? 'an' : 'a';
  return `by ${article} ${deliveredBy.role} (${deliveredBy.qualification})`;
}

/** "2 sessions of 30 minutes a week, 1:1, by a speech and language therapist (HCPC registered)". */
export function describeProvisionQuantity(item: Pick<ProvisionItem, 'frequency' | 'durationMinutes' | 'groupSize' | 'deliveredBy'>): string {
  return [describeFrequency(item.frequency, item.durationMinutes), describeGroupSize(item.groupSize), describeDeliverer(item.deliveredBy)]
    .filter((part): part is string => part !== null)
    .join(', ');
}

/** Compact form used in "what changed" lines: "2 × 30 minutes a week". */
export function describeQuantityShort(frequency: Frequency | null, durationMinutes: number | null): string {
  const times = frequency === null ? '?' : String(frequency.times);
  const length = durationMinutes === null ? '?' : describeDuration(durationMinutes);
  const per = frequency === null ? '' : ` ${PER[frequency.per]}`;
  return `${times} × ${length}${per}`;
}
