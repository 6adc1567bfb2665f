import { formatIsoDate, localDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { addError, type FormErrors } from '../../../platform/web/form-errors.ts';

export type Body = Record<string, string | string[] | undefined>;

export const field = (body: Body, name: string): string => {
  const v = body[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};

/** One entry per line, blank lines dropped: how lists (attendees, reasons, changes) are typed. */
export const lines = (body: Body, name: string): string[] => field(body, name).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/**
 * Reads a GOV.UK date input (`<name>-day`, `-month`, `-year`) with the GOV.UK error messages, the
 * error anchored on the first part so the summary link lands in the input. `when` says whether the
 * date must be in the past (something that happened) or may be in the future (a meeting arranged).
 */
export function readDate(body: Body, name: string, label: string, errors: FormErrors, limits: { today: LocalDate; when: 'past' | 'any'; notBefore?: { date: LocalDate; what: string } }): string | undefined {
  const d = field(body, `${name}-day`);
  const m = field(body, `${name}-month`);
  const y = field(body, `${name}-year`);
  if (!d && !m && !y) return void addError(errors, name, `Enter ${label.toLowerCase()}`, `${name}-day`);
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean);
  if (missing.length > 0) return void addError(errors, name, `${label} must include a ${missing.join(' and ')}`, `${name}-${missing[0]}`);
  let date: LocalDate;
  try {
    if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) throw new Error('not a date');
    date = localDate(Number(y), Number(m), Number(d));
  } catch {
    return void addError(errors, name, `${label} must be a real date`, `${name}-day`);
  }
  if (limits.when === 'past' && date > limits.today) return void addError(errors, name, `${label} must be today or in the past`, `${name}-day`);
  if (limits.notBefore && date < limits.notBefore.date) return void addError(errors, name, `${label} must be on or after ${limits.notBefore.what}`, `${name}-day`);
  return formatIsoDate(date);
}

/** The items for govukDateInput, keeping what was typed and marking the parts in error. */
export function dateItems(body: Body, name: string, hasError: boolean): Array<{ name: string; label: string; value: string; classes: string }> {
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    label: part[0]!.toUpperCase() + part.slice(1),
    value: field(body, `${name}-${part}`),
    classes: `govuk-input--width-${part === 'year' ? 4 : 2}${hasError ? ' govuk-input--error' : ''}`,
  }));
}
