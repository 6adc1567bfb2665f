import { formatIsoDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import type { Tx } from '../../../platform/db/connection.ts';
import { deriveCaseState } from '../../cases/index.ts';
import { computeDeadline, DeadlineInputError, RuleNotInForceError } from '../../statutory/index.ts';
import { startedOn } from '../domain/commitment-status.ts';
import type { Obligation } from '../domain/obligation.ts';
import { dutyBook, type DutyBook } from '../domain/partner-duties.ts';
import { partnerCases } from '../infrastructure/partner-case-events.query.ts';
import { commitments, ladders, localDuties, requests, type CommitmentRow } from '../infrastructure/partnership.repository.ts';

/** The council's duties: national ones, its local ones and its own ladders. */
export async function councilDutyBook(tx: Tx, laCode: string): Promise<DutyBook> {
  return dutyBook(await localDuties(tx, laCode), await ladders(tx, laCode));
}

function due(book: DutyBook, ruleId: string, from: string, calendar: WorkingDayCalendar): string | undefined {
  try {
    return formatIsoDate(computeDeadline({ ruleId, from: parseLocalDate(from) }, calendar, book.book).due);
  } catch (e) {
    // A clock outside the rule's years or the holiday data has no due date: it is not tracked.
    if (e instanceof DeadlineInputError || e instanceof RuleNotInForceError) return undefined;
    throw e;
  }
}

/**
 * Everything owed by the council's partners (or only these organisations): advice and consultation
 * responses from the case events, partnership requests, and committed provision to start. Advice
 * due dates come from the case's own derivation, so the tray, the caseworker and the board agree.
 */
export async function loadObligations(tx: Tx, laCode: string, book: DutyBook, calendar: WorkingDayCalendar, today: LocalDate, organisationIds?: readonly string[]): Promise<{ obligations: Obligation[]; commitments: CommitmentRow[] }> {
  const mine = (id: string | undefined): id is string => id !== undefined && (organisationIds === undefined || organisationIds.includes(id));
  const out: Obligation[] = [];
  for (const c of await partnerCases(tx, laCode, organisationIds)) {
    const base = { laCode, caseId: c.caseId, reference: c.reference, childId: c.child.id, childName: `${c.child.givenName} ${c.child.familyName}` };
    const state = deriveCaseState(c.events, { today, calendar });
    for (const a of state.advice) {
      if (!mine(a.organisationId) || !a.deadline) continue;
      out.push({
        ...base, key: `advice:${c.caseId}:${a.adviceId}`, dutyId: 'advice', organisationId: a.organisationId, title: `${a.kindName} advice`,
        askedOn: a.requestedOn, dueIso: a.deadline.dueIso, ...(a.receivedOn ? { doneOn: a.receivedOn } : {}),
        ...(a.deadline.exception !== undefined || a.deadline.status === 'exception' ? { exception: true } : {}),
      });
    }
    const responses = new Map<string, string>();
    for (const e of c.events) if (e.type === 'consultation-response-received') responses.set((e.data as { consultationId: string }).consultationId, e.occurredOn);
    for (const e of c.events) {
      if (e.type !== 'setting-consulted') continue;
      const data = e.data as { consultationId: string; organisationId?: string };
      const dueIso = due(book, 'partner-consultation-response', e.occurredOn, calendar);
      if (!mine(data.organisationId) || !dueIso) continue;
      const answered = responses.get(data.consultationId);
      out.push({ ...base, key: `consultation:${c.caseId}:${data.consultationId}`, dutyId: 'consultation-response', organisationId: data.organisationId, title: 'consultation on naming the setting', askedOn: e.occurredOn, dueIso, ...(answered ? { doneOn: answered } : {}) });
    }
  }
  for (const r of await requests(tx, laCode, organisationIds)) {
    const duty = book.find(r.dutyId);
    const dueIso = duty ? due(book, duty.ruleId, r.clockFrom, calendar) : undefined;
    if (!duty || !dueIso) continue;
    out.push({
      key: `request:${r.id}`, laCode, dutyId: r.dutyId, organisationId: r.organisationId, title: r.title, askedOn: r.askedOn, dueIso,
      ...(r.caseId ? { caseId: r.caseId } : {}), ...(r.reference ? { reference: r.reference } : {}), ...(r.childId ? { childId: r.childId } : {}), ...(r.childName ? { childName: r.childName } : {}),
      ...(r.doneOn ? { doneOn: r.doneOn } : {}),
    });
  }
  const committed = await commitments(tx, laCode, organisationIds ? { organisationIds } : {});
  for (const c of committed) {
    const dutyId = c.section === 'G' ? 'health-provision' : 'social-care-provision';
    const dueIso = due(book, 'partner-provision-start', c.committedOn, calendar);
    if (!dueIso) continue;
    const started = startedOn(c.events);
    out.push({
      key: `commitment:${c.id}`, laCode, dutyId, organisationId: c.organisationId, caseId: c.caseId, reference: c.reference, childId: c.childId, childName: c.childName,
      title: `${c.section} provision: ${c.provision.length > 60 ? `${c.provision.slice(0, 57)}…` : c.provision}`, askedOn: c.committedOn, dueIso, ...(started ? { doneOn: started } : {}),
    });
  }
  return { obligations: out, commitments: committed };
}
