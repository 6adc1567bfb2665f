import { formatIsoDate, localDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { addError, type FormErrors } from '../../../platform/web/form-errors.ts';

export type Body = Record<string, string | string[] | undefined>;

export const field = (body: Body, name: string): string => {
  const v = body[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};
export const fields = (body: Body, name: string): string[] => {
  const v = body[name];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);
};

export interface DateLimits {
  notAfter?: { date: LocalDate; what: string };
  notBefore?: { date: LocalDate; what: string };
  optional?: boolean;
}

/**
 * Reads a GOV.UK date input (`<name>-day`, `-month`, `-year`) with the GOV.UK error messages,
 * anchored on the first part in error so the summary link lands in the input.
 */
export function readDate(body: Body, name: string, label: string, errors: FormErrors, limits: DateLimits = {}): string | undefined {
  const d = field(body, `${name}-day`);
  const m = field(body, `${name}-month`);
  const y = field(body, `${name}-year`);
  if (!d && !m && !y) {
    if (!limits.optional) addError(errors, name, `Enter ${label.toLowerCase()}`, `${name}-day`);
    return undefined;
  }
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean);
  if (missing.length > 0) {
    addError(errors, name, `${label} must include a ${missing.join(' and ')}`, `${name}-${missing[0]}`);
    return undefined;
  }
  let date: LocalDate | undefined;
  try {
    if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)) date = localDate(Number(y), Number(m), Number(d));
  } catch {
    date = undefined;
  }
  if (date === undefined) {
    addError(errors, name, `${label} must be a real date`, `${name}-day`);
    return undefined;
  }
  if (limits.notAfter && date > limits.notAfter.date) {
    addError(errors, name, `${label} must be ${limits.notAfter.what}`, `${name}-day`);
    return undefined;
  }
  if (limits.notBefore && date < limits.notBefore.date) {
    addError(errors, name, `${label} must be on or after ${limits.notBefore.what}`, `${name}-day`);
    return undefined;
  }
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
