import { formatIsoDate, localDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { isActionStatus, type ActionInput, type ActionStatus, type PriorityInput } from '../domain/planning-facts.ts';

/**
 * The editor's three forms, read and checked here (pure) so the rules are tested without a
 * browser. Each returns either the clean value or GOV.UK errors; the route re-renders the form with
 * what was typed. The date and author of an entry come from the server, never the form.
 */
export type Body = Record<string, string | string[] | undefined>;

export const field = (body: Body, name: string): string => {
  const v = body[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

const done = <T>(errors: FormErrors, value: () => T): Parsed<T> => (hasErrors(errors) ? { ok: false, errors } : { ok: true, value: value() });

function text(body: Body, name: string, label: string, max: number, errors: FormErrors): string {
  const v = field(body, name).replace(/\r\n/g, '\n');
  if (!v) addError(errors, name, `Enter ${label}`);
  else if (v.length > max) addError(errors, name, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer`);
  return v;
}

/** The version the form was loaded at: the optimistic-concurrency check needs it on every edit. */
export function readVersion(body: Body): number | undefined {
  const v = field(body, 'version');
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export function parsePriority(body: Body): Parsed<PriorityInput> {
  const errors = emptyErrors();
  const raw = field(body, 'position');
  const position = Number(raw);
  if (!raw) addError(errors, 'position', 'Enter the priority’s number');
  else if (!/^\d{1,2}$/.test(raw) || position < 1) addError(errors, 'position', 'The priority’s number must be a whole number from 1 to 99');
  const title = text(body, 'title', 'a title for the priority', 200, errors);
  const description = text(body, 'description', 'what the priority is and why it matters', 5000, errors);
  return done(errors, () => ({ position, title, description }));
}

export function parseAction(body: Body, today: LocalDate): Parsed<ActionInput> {
  const errors = emptyErrors();
  const description = text(body, 'description', 'the action', 2000, errors);
  const lead = text(body, 'lead', 'who leads the action', 200, errors);
  const dueOn = readDate(body, 'due', 'The date it is due by', errors, today);
  const status = field(body, 'status');
  if (!isActionStatus(status)) addError(errors, 'status', 'Select the action’s status', 'status');
  return done(errors, () => ({ description, lead, dueOn: dueOn!, status: status as ActionStatus }));
}

export interface SelfEvaluationInput { body: string }

export function parseSelfEvaluation(body: Body): Parsed<SelfEvaluationInput> {
  const errors = emptyErrors();
  const value = text(body, 'body', 'the partnership’s evaluation', 10_000, errors);
  return done(errors, () => ({ body: value }));
}

/** A GOV.UK date input (`due-day`, `due-month`, `due-year`), within ten years either side of today. */
function readDate(body: Body, name: string, label: string, errors: FormErrors, today: LocalDate): string | undefined {
  const d = field(body, `${name}-day`);
  const m = field(body, `${name}-month`);
  const y = field(body, `${name}-year`);
  if (!d && !m && !y) {
    addError(errors, name, `Enter ${label.toLowerCase()}`, `${name}-day`);
    return undefined;
  }
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter((x): x is string => Boolean(x));
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
  if (Math.abs(date - today) > 3653) {
    addError(errors, name, `${label} must be within 10 years of today`, `${name}-day`);
    return undefined;
  }
  return formatIsoDate(date);
}
