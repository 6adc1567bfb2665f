import { InvalidDateError, parseLocalDate, type LocalDate } from '../../platform/calendar/index.ts';
import { DeadlineInputError, type DeadlineRequest } from '../../modules/statutory/index.ts';

/**
 * Turns the loose fields of one request (from command-line options or one JSON line) into a typed
 * DeadlineRequest. Every error is a DeadlineInputError whose message starts with the field name,
 * so a person or a tool can see at once which field to fix.
 */
export const REQUEST_FIELDS = ['rule', 'from', 'certificate', 'year', 'route'] as const;

function parseDateField(field: string, value: unknown): LocalDate {
  if (typeof value !== 'string') throw new DeadlineInputError(field, `${field}: must be a date string YYYY-MM-DD, got ${JSON.stringify(value)}`);
  try {
    return parseLocalDate(value);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new DeadlineInputError(field, `${field}: ${error.message}`);
    throw error;
  }
}

function parseYear(value: unknown): number {
  // The command line gives text, JSON a number; both must be a four-digit year.
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new DeadlineInputError('year', `year: must be a four-digit year such as 2027, got ${JSON.stringify(value)}`);
  }
  return year;
}

export function parseDeadlineFields(fields: Record<string, unknown>): DeadlineRequest {
  for (const key of Object.keys(fields)) {
    if (!(REQUEST_FIELDS as readonly string[]).includes(key)) {
      throw new DeadlineInputError(key, `unknown field "${key}"; the fields are ${REQUEST_FIELDS.join(', ')}`);
    }
  }
  const { rule, from, certificate, year, route } = fields;
  if (rule === undefined) throw new DeadlineInputError('rule', 'rule is missing: give a rule id such as final-plan');
  if (typeof rule !== 'string' || rule === '') throw new DeadlineInputError('rule', `rule: must be a rule id string, got ${JSON.stringify(rule)}`);
  const request: DeadlineRequest = { ruleId: rule };
  if (from !== undefined) request.from = parseDateField('from', from);
  if (certificate !== undefined) request.certificate = parseDateField('certificate', certificate);
  if (year !== undefined) request.year = parseYear(year);
  if (route !== undefined) {
    if (route !== 'post16' && route !== 'other') throw new DeadlineInputError('route', `route: must be post16 or other, got ${JSON.stringify(route)}`);
    request.route = route;
  }
  return request;
}
