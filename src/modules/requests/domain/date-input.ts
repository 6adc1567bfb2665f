import { daysInMonth } from '../../../platform/calendar/index.ts';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateCheck =
  | { ok: true; iso: string }
  | { ok: false; message: string; /** the part to link to from the error summary */ part: 'day' | 'month' | 'year' };

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * The GOV.UK date input checks, in its wording: "Date of birth must include a month", "… must be a
 * real date", "… must be in the past". `label` is the field's name in the sentence ("Date of birth").
 */
export function checkDateInput(parts: DateParts, label: string, options: { today: string; past?: boolean; emptyMessage: string }): DateCheck {
  const d = parts.day.trim();
  const m = parts.month.trim();
  const y = parts.year.trim();
  if (!d && !m && !y) return { ok: false, message: options.emptyMessage, part: 'day' };
  const missing = (['day', 'month', 'year'] as const).filter((p) => !{ day: d, month: m, year: y }[p]);
  if (missing.length > 0) {
    const words = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]!}`;
    return { ok: false, message: `${label} must include a ${words}`, part: missing[0]! };
  }
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d+$/.test(y)) return { ok: false, message: `${label} must be a real date`, part: !/^\d{1,2}$/.test(d) ? 'day' : !/^\d{1,2}$/.test(m) ? 'month' : 'year' };
  if (y.length !== 4) return { ok: false, message: 'Year must include 4 numbers', part: 'year' };
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (month < 1 || month > 12) return { ok: false, message: `${label} must be a real date`, part: 'month' };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, message: `${label} must be a real date`, part: 'day' };
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (options.past && iso >= options.today) return { ok: false, message: `${label} must be in the past`, part: 'day' };
  if (!options.past && iso > options.today) return { ok: false, message: `${label} must be today or in the past`, part: 'day' };
  return { ok: true, iso };
}

/** Whole years from a date of birth to a day, both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function splitIsoDate(iso: string | undefined): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}
