const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2025-05-26' → '26 May 2025' (GOV.UK style). Dates stay date-only; no time zone involved. */
export function formatDateLong(value: unknown): string {
  if (typeof value !== 'string') return value instanceof Date ? formatDateTime(value) : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** A moment shown to people in England: '3 June 2025 at 2:05pm' in UK time. */
// One formatter for the process: building one per call costs more than formatting with it.
const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

export function formatDateTime(value: Date): string {
  const parts = UK_DATE_TIME.formatToParts(value);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase()}`;
}
