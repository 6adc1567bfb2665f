import { formatLongDate, monthName, type LocalDate } from '../../../platform/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../../platform/calendar/working-day-calendar.ts';
import { applySimplePeriod, tribunalHoliday } from './period-arithmetic.ts';
import type { DeadlineInput, Period, SimplePeriod, StatutoryRule } from './statutory-rule.ts';

// One sentence per deadline, built from the rule's data so the words can never disagree with the
// arithmetic: "Due 26 May 2025: 20 weeks from 6 January 2025, when the request was received
// (SEND Regulations 2014, reg 13(2))."

function unitWord(unit: string, amount: number): string {
  const singular = unit.replace(/s$/, '');
  return amount === 1 ? singular : `${singular}s`;
}

/** "20 weeks", "15 working days", "1 month". */
export function describeAmount(period: SimplePeriod | Extract<Period, { kind: 'before' }>): string {
  const unit = period.kind === 'working-days' ? 'working days' : period.unit;
  return `${period.amount} ${unitWord(unit, period.amount)}`;
}

/** "20-week", "15-working-day": how the limit is named in "The 20-week limit does not apply". */
export function describeLimit(rule: StatutoryRule): string {
  const period = rule.period.kind === 'later-of' ? rule.period.first : rule.period;
  if (period.kind === 'fixed-date') return 'fixed-date';
  const unit = period.kind === 'working-days' ? 'working days' : period.unit;
  return `${period.amount}-${unitWord(unit, 1).replace(' ', '-')}`;
}

/** The period in words for lists and docs: "20 weeks (within)", "15 days beginning with the day". */
export function describePeriod(period: Period): string {
  switch (period.kind) {
    case 'calendar':
    case 'working-days':
      return period.counting === 'within' ? `within ${describeAmount(period)}` : `${describeAmount(period)} beginning with the day`;
    case 'before':
      return `at least ${describeAmount(period)} before`;
    case 'fixed-date':
      return '15 February of the transfer year; 31 March for secondary to post-16';
    case 'later-of':
      return `later of ${describeAmount(period.first)} and ${describeAmount(period.second)} from the second date`;
  }
}

function fromClause(period: SimplePeriod, start: LocalDate, phrase: string): string {
  return period.counting === 'within'
    ? `${describeAmount(period)} from ${formatLongDate(start)}, ${phrase}`
    : `${describeAmount(period)} beginning with ${formatLongDate(start)}, ${phrase}`;
}

function body(rule: StatutoryRule, input: DeadlineInput, due: LocalDate, calendar: WorkingDayCalendar): string {
  const period = rule.period;
  switch (period.kind) {
    case 'calendar':
    case 'working-days':
      return fromClause(period, input.from!, rule.startPhrase);
    case 'before':
      return `the latest day, at least ${describeAmount(period)} before ${rule.startPhrase} on ${formatLongDate(input.from!)}`;
    case 'fixed-date': {
      const date = period.routes[input.route!];
      return `${date.day} ${monthName(date.month)} in ${input.year}, the calendar year of ${date.phrase}`;
    }
    case 'later-of': {
      const first = applySimplePeriod(period.first, input.from!, calendar);
      let text = fromClause(period.first, input.from!, rule.startPhrase);
      let later = first;
      if (input.certificate !== undefined) {
        const second = applySimplePeriod(period.second, input.certificate, calendar);
        later = first > second ? first : second;
        text =
          `the later of ${text} (${formatLongDate(first)}), and ` +
          `${fromClause(period.second, input.certificate, period.secondPhrase)} (${formatLongDate(second)})`;
      }
      if (later !== due) {
        const why =
          tribunalHoliday(later) === 'august'
            ? 'the first working day in September, as the Tribunal does not count days in August'
            : 'the next working day after 1 January, as the Tribunal does not count 25 December to 1 January';
        text += `, which falls on ${formatLongDate(later)} and so moves to ${why}`;
      }
      return text;
    }
  }
}

export function explainDeadline(rule: StatutoryRule, input: DeadlineInput, due: LocalDate, calendar: WorkingDayCalendar): string {
  return `Due ${formatLongDate(due)}: ${body(rule, input, due, calendar)} (${rule.citation}).`;
}

/** What the family is told, from the rule's own wording. */
export function familySentence(rule: StatutoryRule, due: LocalDate): string {
  return rule.familyWording.replace('{due}', formatLongDate(due));
}
