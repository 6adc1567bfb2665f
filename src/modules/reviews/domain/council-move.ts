import { formatLongDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline } from '../../statutory/index.ts';

export interface MoveTransfer {
  /** True when the old council learnt of the move less than 15 working days before it (reg 15(2)). */
  late: boolean;
  /** The day the old council must transfer the plan by. */
  due: LocalDate;
  explanation: string;
}

/**
 * When the plan must go to the new council. reg 15(2): on the day of the move, or, where the old
 * council was not aware of it at least 15 working days before, within 15 working days beginning
 * with the day it became aware. The 15th working day is the clock's `transfer-plan` date; if the
 * move is after that day the council had its 15 working days' notice.
 */
export function moveTransfer(awareOn: LocalDate, movedOn: LocalDate, calendar: WorkingDayCalendar): MoveTransfer {
  const clock = computeDeadline({ ruleId: 'transfer-plan', from: awareOn }, calendar);
  if (movedOn > clock.due) {
    return { late: false, due: movedOn, explanation: `Due ${formatLongDate(movedOn)}, the day of the move: the council knew at least 15 working days before (${clock.citation}).` };
  }
  return { late: true, due: clock.due, explanation: clock.explanation };
}

/** The new council's 6 weeks to tell the family the plan has transferred, whether it will assess, and when it will review (reg 15(4)). */
export function informDeadline(transferredOn: LocalDate, calendar: WorkingDayCalendar): { due: LocalDate; explanation: string } {
  const d = computeDeadline({ ruleId: 'transfer-inform', from: transferredOn }, calendar);
  return { due: d.due, explanation: d.explanation };
}
