import { formatIsoDate, type LocalDate } from '../../../platform/calendar/local-date.ts';
import { CalendarRangeError, type WorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.ts';
import { DeadlineInputError } from './deadline-errors.ts';
import { explainDeadline, familySentence } from './deadline-explanation.ts';
import { clockStart, computeDue } from './period-arithmetic.ts';
import { DEFAULT_RULE_BOOK, type RuleBook } from './rule-book.ts';
import type { DeadlineInput, Period, StatutoryRule } from './statutory-rule.ts';

export interface DeadlineRequest extends DeadlineInput {
  ruleId: string;
}

export interface Deadline {
  ruleId: string;
  due: LocalDate;
  /** One sentence saying why the date is what it is, with the citation. */
  explanation: string;
  /** What the family is told: "We must send you the final plan by 26 May 2025." */
  familySentence: string;
  citation: string;
  /** The rule version applied (the one in force when the clock started). */
  rule: StatutoryRule;
}

export type InputName = 'from' | 'certificate' | 'year' | 'route';

/** Which inputs a period takes; everything else is refused so a mistyped request is not silently ignored. */
export function inputsFor(period: Period): { required: InputName[]; optional: InputName[] } {
  if (period.kind === 'fixed-date') return { required: ['year', 'route'], optional: [] };
  if (period.kind === 'later-of') return { required: ['from'], optional: ['certificate'] };
  return { required: ['from'], optional: [] };
}

function missing(rule: StatutoryRule, name: InputName): DeadlineInputError {
  const start = /^(when |the day )/.test(rule.startPhrase) ? rule.startPhrase.replace(/^(when |the day )/, '') : `of ${rule.startPhrase}`;
  const what = name === 'from' ? `the date ${start}` : name === 'year' ? 'the calendar year of the transfer' : 'post16 or other';
  return new DeadlineInputError(name, `${name} is missing: ${rule.id} needs ${what}`);
}

function checkInputs(rule: StatutoryRule, request: DeadlineRequest, calendar: WorkingDayCalendar): void {
  const { required, optional } = inputsFor(rule.period);
  for (const name of ['from', 'certificate', 'year', 'route'] as const) {
    const present = request[name] !== undefined;
    if (!present && required.includes(name)) throw missing(rule, name);
    if (present && !required.includes(name) && !optional.includes(name)) {
      throw new DeadlineInputError(name, `${name} does not apply to ${rule.id}, which takes ${[...required, ...optional].join(' and ')}`);
    }
  }
  if (request.year !== undefined && (!Number.isInteger(request.year) || request.year < 1 || request.year > 9999)) {
    throw new DeadlineInputError('year', `year ${request.year} is not a whole year like 2027`);
  }
  if (request.route !== undefined && request.route !== 'post16' && request.route !== 'other') {
    throw new DeadlineInputError('route', `route "${String(request.route)}" must be post16 or other`);
  }
  // Every clock starts inside the bank holiday data, even for calendar-week rules, so the answer
  // never depends on data we do not hold (and the Tribunal extension needs it at the far end).
  for (const name of ['from', 'certificate'] as const) {
    const date = request[name];
    if (date !== undefined && (date < calendar.first || date > calendar.last)) {
      throw new DeadlineInputError(name, `${name} ${formatIsoDate(date)} is outside the bank holiday data, which covers ${formatIsoDate(calendar.first)} to ${formatIsoDate(calendar.last)}`);
    }
  }
  if (request.year !== undefined) {
    const start = clockStart(rule.period, request);
    if (start < calendar.first || start > calendar.last) {
      throw new DeadlineInputError('year', `year ${request.year} is outside the bank holiday data, which covers ${formatIsoDate(calendar.first)} to ${formatIsoDate(calendar.last)}`);
    }
  }
  if (request.certificate !== undefined && request.from !== undefined && request.certificate < request.from) {
    throw new DeadlineInputError('certificate', `certificate ${formatIsoDate(request.certificate)} is before the decision notice (from ${formatIsoDate(request.from)})`);
  }
}

/** The clock's start for choosing the rule version: `from`, or 1 January of the transfer year. */
function startForResolution(book: RuleBook, request: DeadlineRequest): LocalDate {
  const anyVersion = book.versions(request.ruleId)[0]!;
  for (const name of inputsFor(anyVersion.period).required) if (request[name] === undefined) throw missing(anyVersion, name);
  return clockStart(anyVersion.period, request);
}

/**
 * Computes a deadline with its explanation. Throws DeadlineInputError (naming the field) for a bad
 * request, and CalendarRangeError (as a DeadlineInputError on `from`) when the answer would need
 * bank holidays beyond the data.
 */
export function computeDeadline(request: DeadlineRequest, calendar: WorkingDayCalendar, book: RuleBook = DEFAULT_RULE_BOOK): Deadline {
  const rule = book.resolve(request.ruleId, startForResolution(book, request));
  checkInputs(rule, request, calendar);
  let due: LocalDate;
  try {
    due = computeDue(rule.period, request, calendar);
  } catch (error) {
    if (error instanceof CalendarRangeError) throw new DeadlineInputError('from', error.message);
    throw error;
  }
  return {
    ruleId: rule.id,
    due,
    explanation: explainDeadline(rule, request, due, calendar),
    familySentence: familySentence(rule, due),
    citation: rule.citation,
    rule,
  };
}
