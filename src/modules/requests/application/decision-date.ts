import { formatIsoDate, parseLocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline } from '../../statutory/index.ts';

/** reg 5(1): the council must decide whether to assess within 6 weeks of receiving the request. */
export function decisionToAssessDue(receivedOn: string, calendar: WorkingDayCalendar): string {
  return formatIsoDate(computeDeadline({ ruleId: 'decision-to-assess', from: parseLocalDate(receivedOn) }, calendar).due);
}
