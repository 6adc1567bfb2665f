import { formatLongDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import type { DisputeView } from '../application/dispute-views.ts';
import { DECISION_NAMES, type DisputeEvent } from '../domain/dispute-events.ts';
import { ORDER_KINDS, isOrderKind } from '../domain/tribunal-order-rules.ts';
import {
  deadlineTag, EVENT_LABELS, MEDIATION_OUTCOMES, OUTCOME_NAMES, OWNER_NAMES, PARTNER_NAMES, RESOLUTION_NAMES, sectionName, STAGE_NAMES, TRIBUNAL_DATE_KINDS,
} from './dispute-labels.ts';

const long = (iso: string) => formatLongDate(parseLocalDate(iso));
const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));

/** What each event says on the history timeline, in words. */
export function eventDetails(e: DisputeEvent, names: Map<string, string>): string[] {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'dispute-opened': {
      const o = (e as DisputeEvent<'dispute-opened'>).data;
      return [`Decision: ${DECISION_NAMES[o.decisionKind]}, notice sent ${long(o.noticeSentOn)}`, `Sections: ${list(o.sections)}`, ...(o.summary ? [o.summary] : [])];
    }
    case 'mediation-adviser-contacted':
      return [d.choice === 'mediation' ? 'The family wants mediation' : 'The family wants a certificate only'];
    case 'mediation-arranged': {
      const a = e.data as { organisationId?: string; mediatorUserId?: string; partners: string[]; meetingOn?: string };
      return [
        ...(a.organisationId ? [`Mediation service: ${names.get(a.organisationId) ?? 'not known'}`] : []),
        ...(a.mediatorUserId ? [`Mediator: ${names.get(a.mediatorUserId) ?? 'not known'}`] : []),
        `Partners taking part: ${list(a.partners.map((p) => PARTNER_NAMES[p] ?? p))}`,
        ...(a.meetingOn ? [`Meeting: ${long(a.meetingOn)}`] : []),
      ];
    }
    case 'mediation-held': {
      const h = e.data as { outcome: string; agreedChanges: Array<{ section: string; change: string }> };
      return [MEDIATION_OUTCOMES[h.outcome] ?? h.outcome, ...h.agreedChanges.map((c) => `Agreed, Section ${c.section}: ${c.change}`)];
    }
    case 'certificate-issued':
      return [d.after === 'mediation' ? 'After mediation' : 'The family did not want mediation'];
    case 'amendment-drafted':
      return [...(d.planVersion ? [`Plan version ${String(d.planVersion)}`] : []), ...(d.note ? [String(d.note)] : [])];
    case 'appeal-registered': {
      const a = e.data as { tribunalReference: string; grounds: Array<{ section: string; sought?: string }> };
      return [`Tribunal reference: ${a.tribunalReference}`, ...a.grounds.map((g) => `Ground: ${sectionName(g.section)}${g.sought ? ` – ${g.sought}` : ''}`)];
    }
    case 'tribunal-date-set':
      return [`${TRIBUNAL_DATE_KINDS[String(d.kind)] ?? String(d.kind)}: ${long(String(d.date))}`, ...(d.note ? [String(d.note)] : [])];
    case 'tribunal-decided': {
      const t = e.data as { grounds: Array<{ section: string; outcome: string }>; orders: Array<{ kind: string; detail?: string }> };
      return [
        ...t.grounds.map((g) => `${sectionName(g.section)}: ${OUTCOME_NAMES[g.outcome] ?? g.outcome}`),
        ...t.orders.map((o) => `Order: ${isOrderKind(o.kind) ? ORDER_KINDS[o.kind].name : o.kind}${o.detail ? ` – ${o.detail}` : ''}`),
      ];
    }
    case 'order-complied':
      return d.note ? [String(d.note)] : [];
    case 'dispute-closed':
      return [String(d.reason).replace(/-/g, ' '), ...(d.note ? [String(d.note)] : [])];
  }
  return [];
}

/** The model both the caseworker's and the mediator's views start from. */
export function disputeSummary(view: DisputeView) {
  const { record, state } = view;
  return {
    id: record.id,
    reference: record.reference,
    caseId: record.caseId,
    caseReference: record.caseReference,
    childName: record.childName,
    decision: DECISION_NAMES[state.decisionKind],
    noticeSentOn: state.noticeSentOn,
    sections: state.sections,
    stageName: STAGE_NAMES[state.stage],
    resolution: state.resolution ? RESOLUTION_NAMES[state.resolution] : undefined,
    next: state.next ? { ...state.next, tag: deadlineTag(state.next.status), ownerName: OWNER_NAMES[state.next.owner] } : undefined,
    tribunalDate: state.nextTribunalDate ? { ...state.nextTribunalDate, kindName: TRIBUNAL_DATE_KINDS[state.nextTribunalDate.kind] ?? state.nextTribunalDate.kind } : undefined,
  };
}

export function disputePageModel(view: DisputeView, names: Map<string, string>) {
  const { record, state } = view;
  return {
    ...disputeSummary(view),
    state,
    deadlines: [...state.deadlines].sort((a, b) => a.due - b.due).map((d) => ({ ...d, tag: deadlineTag(d.status), ownerName: OWNER_NAMES[d.owner] })),
    mediationService: state.mediation?.organisationId ? names.get(state.mediation.organisationId) : undefined,
    mediator: state.mediation?.mediatorUserId ? names.get(state.mediation.mediatorUserId) : undefined,
    partners: (state.mediation?.partners ?? []).map((p) => PARTNER_NAMES[p]),
    mediationOutcome: state.mediation?.outcome ? MEDIATION_OUTCOMES[state.mediation.outcome] : undefined,
    outcomes: (state.appeal?.outcomes ?? []).map((o) => ({ section: sectionName(o.section), outcome: OUTCOME_NAMES[o.outcome] })),
    grounds: (state.appeal?.grounds ?? []).map((g) => ({ section: sectionName(g.section), sought: g.sought })),
    tribunalDates: (state.appeal?.dates ?? []).map((d) => ({ ...d, kindName: TRIBUNAL_DATE_KINDS[d.kind] ?? d.kind })),
    timeline: [...record.events].reverse().map((e) => ({ label: EVENT_LABELS[e.type] ?? e.type, occurredOn: e.occurredOn, who: e.actorName, details: eventDetails(e, names) })),
  };
}
