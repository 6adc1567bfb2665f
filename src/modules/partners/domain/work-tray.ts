import type { LocalDate, WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { deriveCaseState, type AdviceItem, type CaseDeadlineStatus, type CaseEvent } from '../../cases/index.ts';

/** One piece of advice asked of a partner organisation, as their work tray shows it. */
export interface TrayItem {
  laCode: string;
  caseId: string;
  reference: string;
  childName: string;
  adviceId: string;
  kindName: string;
  organisationId: string;
  requestedOn: string;
  /** 'YYYY-MM-DD' (reg 8: 6 weeks from the day the request for advice was received). */
  dueIso?: string;
  status?: CaseDeadlineStatus;
  answeredOn?: string;
  summary?: string;
}

export interface TrayCase {
  laCode: string;
  caseId: string;
  reference: string;
  child: { givenName: string; familyName: string };
  events: readonly CaseEvent[];
}

/**
 * The advice asked of these organisations on one case. Due dates and status come from the case's
 * own derivation (the statutory clock, with any exception recorded), so the tray and the caseworker
 * never disagree about what is late.
 */
export function trayItems(c: TrayCase, organisationIds: readonly string[], today: LocalDate, calendar: WorkingDayCalendar): TrayItem[] {
  const state = deriveCaseState(c.events, { today, calendar });
  return state.advice
    .filter((a): a is AdviceItem & { organisationId: string } => a.organisationId !== undefined && organisationIds.includes(a.organisationId))
    .map((a) => ({
      laCode: c.laCode,
      caseId: c.caseId,
      reference: c.reference,
      childName: `${c.child.givenName} ${c.child.familyName}`,
      adviceId: a.adviceId,
      kindName: a.kindName,
      organisationId: a.organisationId,
      requestedOn: a.requestedOn,
      ...(a.deadline ? { dueIso: a.deadline.dueIso, status: a.deadline.status } : {}),
      ...(a.receivedOn ? { answeredOn: a.receivedOn } : {}),
      ...(a.summary ? { summary: a.summary } : {}),
    }));
}

const RANK: Partial<Record<CaseDeadlineStatus, number>> = { overdue: 0, 'due-soon': 1, 'on-track': 2, exception: 3 };

/** Outstanding first, most urgent first (overdue, then due soon, by due date); answered newest first. */
export function sortTray(items: TrayItem[]): { outstanding: TrayItem[]; answered: TrayItem[] } {
  const outstanding = items.filter((i) => !i.answeredOn).sort((a, b) => (RANK[a.status ?? 'on-track'] ?? 9) - (RANK[b.status ?? 'on-track'] ?? 9) || (a.dueIso ?? '').localeCompare(b.dueIso ?? ''));
  const answered = items.filter((i) => i.answeredOn).sort((a, b) => (b.answeredOn ?? '').localeCompare(a.answeredOn ?? ''));
  return { outstanding, answered };
}

export const STATUS_TAGS: Partial<Record<CaseDeadlineStatus, { text: string; classes: string }>> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--orange' },
  'on-track': { text: 'On track', classes: 'govuk-tag--blue' },
  exception: { text: 'Exception applies', classes: 'govuk-tag--grey' },
  met: { text: 'Sent on time', classes: 'govuk-tag--green' },
  'met-late': { text: 'Sent late', classes: 'govuk-tag--yellow' },
};
