import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { disputeDeadlineBuilder, type DisputeClockContext, type DisputeDeadline } from './dispute-deadlines.ts';
import {
  HEALTH_SECTIONS, SOCIAL_CARE_SECTIONS, type AgreedChange, type AppealGround, type DecisionKind, type DisputeEvent,
  type DisputeEventPayloads, type DisputeEventType, type DisputeSection, type GroundOutcome, type MediationPartner,
} from './dispute-events.ts';
import { ORDER_KINDS, isOrderKind } from './tribunal-order-rules.ts';

export type DisputeStage = 'contact-window' | 'certificate' | 'mediation' | 'amendment' | 'appeal-window' | 'appeal' | 'complying' | 'closed';
export type Resolution = 'mediation-agreement' | 'tribunal' | 'no-appeal' | 'resolved' | 'withdrawn' | 'no-further-action';

export interface OrderState {
  orderId: string;
  kind: string;
  name: string;
  detail?: string;
  deadlines: DisputeDeadline[];
  compliedOn?: string;
}

export interface DisputeState {
  decisionKind: DecisionKind;
  noticeSentOn: string;
  openedOn: string;
  sections: DisputeSection[];
  summary?: string;
  caseEventSeq?: number;
  /** Appeals only about Section I (the school or college named) need no mediation certificate. */
  mediationRequired: boolean;
  stage: DisputeStage;
  closed: boolean;
  resolvedOn?: string;
  resolution?: Resolution;
  contact?: { on: string; choice: 'mediation' | 'certificate-only' };
  mediation?: {
    arrangedOn: string; organisationId?: string; mediatorUserId?: string; partners: MediationPartner[]; meetingOn?: string;
    partnersNeeded: MediationPartner[]; heldOn?: string; outcome?: 'agreed' | 'partly-agreed' | 'not-agreed'; partnersAttended: MediationPartner[];
  };
  agreedChanges: AgreedChange[];
  amendmentDraftedOn?: string;
  certificateOn?: string;
  appeal?: {
    registeredOn: string; reference: string; grounds: AppealGround[]; dates: Array<{ kind: string; date: string; note?: string }>;
    decidedOn?: string; outcomes: Array<{ section: AppealGround['section']; outcome: GroundOutcome }>; orders: OrderState[];
  };
  deadlines: DisputeDeadline[];
  open: DisputeDeadline[];
  next?: DisputeDeadline;
  /** The Tribunal's next own date (response, evidence, hearing) on or after today: not a statutory clock. */
  nextTribunalDate?: { kind: string; date: string };
  tasks: string[];
  problems: string[];
}

const all = <T extends DisputeEventType>(events: readonly DisputeEvent[], type: T): Array<DisputeEvent<T>> =>
  events.filter((e): e is DisputeEvent<T> => e.type === type);
const last = <T extends DisputeEventType>(events: readonly DisputeEvent[], type: T): DisputeEvent<T> | undefined => all(events, type).at(-1);

/** The partners who must take part when health or social care elements are in dispute. */
export function partnersNeeded(sections: readonly string[]): MediationPartner[] {
  return [...(sections.some((s) => HEALTH_SECTIONS.has(s)) ? ['health' as const] : []), ...(sections.some((s) => SOCIAL_CARE_SECTIONS.has(s)) ? ['social-care' as const] : [])];
}

/** Everything the service says about a dispute, from its events, today and the calendar. */
export function deriveDisputeState(unordered: readonly DisputeEvent[], ctx: DisputeClockContext): DisputeState {
  const events = [...unordered].sort((a, b) => a.seq - b.seq);
  const opened = events.find((e): e is DisputeEvent<'dispute-opened'> => e.type === 'dispute-opened');
  if (!opened) throw new Error('A dispute starts with dispute-opened');
  const o: DisputeEventPayloads['dispute-opened'] = opened.data;
  const contact = last(events, 'mediation-adviser-contacted');
  const arranged = last(events, 'mediation-arranged');
  const held = last(events, 'mediation-held');
  const certificate = last(events, 'certificate-issued');
  const drafted = last(events, 'amendment-drafted');
  const appeal = last(events, 'appeal-registered');
  const decided = last(events, 'tribunal-decided');
  const closedBy = last(events, 'dispute-closed');
  const complied = all(events, 'order-complied');
  const mediationRequired = !o.sections.every((s) => s === 'I') || o.sections.length === 0;

  const b = disputeDeadlineBuilder(ctx);
  const live = closedBy === undefined;
  const familyLive = live && !decided;
  if (mediationRequired) {
    b.add({ key: 'mediation-contact', ruleId: 'mediation-contact', title: 'Family to contact the mediation adviser (if they want to appeal)', owner: 'family', from: o.noticeSentOn, doneOn: contact?.occurredOn, live: familyLive && !appeal });
  }
  if (contact?.data.choice === 'certificate-only') {
    b.add({ key: 'certificate', ruleId: 'mediation-certificate', title: 'Mediation adviser to issue the certificate', owner: 'mediation-adviser', from: contact.occurredOn, doneOn: certificate?.occurredOn, live });
  }
  if (arranged) {
    b.add({ key: 'mediation-meeting', ruleId: 'mediation-meeting', title: 'Hold the mediation', owner: 'council', from: arranged.occurredOn, doneOn: held?.occurredOn, live });
  }
  if (held && held.data.outcome !== 'agreed') {
    b.add({ key: 'certificate-after-mediation', ruleId: 'mediation-certificate', title: 'Mediation adviser to issue the certificate after mediation', owner: 'mediation-adviser', from: held.occurredOn, doneOn: certificate && certificate.seq > held.seq ? certificate.occurredOn : undefined, live });
  }
  const appealDeadline = b.add({ key: 'tribunal-appeal', ruleId: 'tribunal-appeal', title: 'Family may appeal to the SEND Tribunal', owner: 'family', from: o.noticeSentOn, certificate: certificate?.occurredOn, doneOn: appeal?.occurredOn, live: familyLive });

  const orders: OrderState[] = (decided?.data.orders ?? []).map((order) => {
    const kind = isOrderKind(order.kind) ? ORDER_KINDS[order.kind] : undefined;
    const doneFor = (ruleId: string) => complied.find((c) => c.data.orderId === order.orderId && (c.data.ruleId === undefined || c.data.ruleId === ruleId))?.occurredOn;
    const deadlines = (kind?.rules ?? []).flatMap((ruleId) => {
      const d = b.add({ key: `order:${order.orderId}:${ruleId}`, ruleId, title: kind?.name ?? order.kind, owner: 'council', from: decided!.occurredOn, doneOn: doneFor(ruleId), live });
      return d ? [d] : [];
    });
    const anyComplied = complied.filter((c) => c.data.orderId === order.orderId).map((c) => c.occurredOn).sort().at(-1);
    const allDone = deadlines.length > 0 ? deadlines.every((d) => d.doneOn) : anyComplied !== undefined || (kind?.rules.length ?? 1) === 0;
    const compliedOn = allDone ? (deadlines.map((d) => d.doneOn!).sort().at(-1) ?? anyComplied ?? decided!.occurredOn) : undefined;
    return { orderId: order.orderId, kind: order.kind, name: kind?.name ?? order.kind, ...(order.detail ? { detail: order.detail } : {}), deadlines, ...(compliedOn ? { compliedOn } : {}) };
  });

  const agreedChanges = held?.data.agreedChanges ?? [];
  const amendmentPending = agreedChanges.length > 0 && !drafted;
  let stage: DisputeStage;
  let resolution: Resolution | undefined;
  let resolvedOn: string | undefined;
  if (closedBy) {
    stage = 'closed';
    resolution = closedBy.data.reason;
    resolvedOn = closedBy.occurredOn;
  } else if (decided) {
    const pending = orders.filter((x) => !x.compliedOn);
    stage = pending.length > 0 ? 'complying' : 'closed';
    if (stage === 'closed') {
      resolution = 'tribunal';
      resolvedOn = [decided.occurredOn, ...orders.map((x) => x.compliedOn!)].sort().at(-1);
    }
  } else if (appeal) {
    stage = 'appeal';
  } else if (amendmentPending) {
    stage = 'amendment';
  } else if (held?.data.outcome === 'agreed' && drafted) {
    stage = 'closed';
    resolution = 'mediation-agreement';
    resolvedOn = drafted.occurredOn;
  } else if (appealDeadline?.status === 'ended' && !(arranged && !held)) {
    stage = 'closed';
    resolution = 'no-appeal';
    resolvedOn = appealDeadline.dueIso;
  } else if (arranged && !held) {
    stage = 'mediation';
  } else if (contact && !certificate && (contact.data.choice === 'certificate-only' || held)) {
    stage = 'certificate';
  } else if (certificate || !mediationRequired) {
    stage = 'appeal-window';
  } else {
    stage = contact?.data.choice === 'mediation' ? 'mediation' : 'contact-window';
  }
  const closed = stage === 'closed';
  const deadlines = b.deadlines.map((d) => (closed && d.open ? { ...d, open: false } : d));
  const open = deadlines.filter((d) => d.open).sort((x, y) => x.due - y.due);

  const needed = partnersNeeded(o.sections);
  const tasks: string[] = [];
  if (!closed) {
    if (contact?.data.choice === 'mediation' && !arranged) tasks.push('Arrange the mediation: the family wants mediation.');
    if (arranged && !held) {
      for (const p of needed.filter((p) => !arranged.data.partners.includes(p))) {
        tasks.push(p === 'health' ? 'Ask the health commissioning body to take part in the mediation: health elements are in dispute.' : 'Ask social care to take part in the mediation: social care elements are in dispute.');
      }
    }
    if (amendmentPending) tasks.push(`Amendment to be drafted: start a new draft version of the plan with the changes agreed in mediation (Sections ${[...new Set(agreedChanges.map((c) => c.section))].join(', ')}).`);
    for (const order of orders.filter((x) => !x.compliedOn)) tasks.push(`Comply with the Tribunal's order: ${order.name.toLowerCase()}.`);
  }

  return {
    decisionKind: o.decisionKind,
    noticeSentOn: o.noticeSentOn,
    openedOn: opened.occurredOn,
    sections: o.sections,
    ...(o.summary ? { summary: o.summary } : {}),
    ...(o.caseEventSeq !== undefined ? { caseEventSeq: o.caseEventSeq } : {}),
    mediationRequired,
    stage,
    closed,
    ...(resolvedOn ? { resolvedOn } : {}),
    ...(resolution ? { resolution } : {}),
    ...(contact ? { contact: { on: contact.occurredOn, choice: contact.data.choice } } : {}),
    ...(arranged
      ? {
          mediation: {
            arrangedOn: arranged.occurredOn, partners: arranged.data.partners, partnersNeeded: needed, partnersAttended: held?.data.partnersAttended ?? [],
            ...(arranged.data.organisationId ? { organisationId: arranged.data.organisationId } : {}),
            ...(arranged.data.mediatorUserId ? { mediatorUserId: arranged.data.mediatorUserId } : {}),
            ...(arranged.data.meetingOn ? { meetingOn: arranged.data.meetingOn } : {}),
            ...(held ? { heldOn: held.occurredOn, outcome: held.data.outcome } : {}),
          },
        }
      : {}),
    agreedChanges,
    ...(drafted ? { amendmentDraftedOn: drafted.occurredOn } : {}),
    ...(certificate ? { certificateOn: certificate.occurredOn } : {}),
    ...(appeal
      ? {
          appeal: {
            registeredOn: appeal.occurredOn, reference: appeal.data.tribunalReference, grounds: appeal.data.grounds,
            dates: all(events, 'tribunal-date-set').map((e) => ({ kind: e.data.kind, date: e.data.date, ...(e.data.note ? { note: e.data.note } : {}) })).sort((x, y) => x.date.localeCompare(y.date)),
            ...(decided ? { decidedOn: decided.occurredOn } : {}),
            outcomes: decided?.data.grounds ?? [],
            orders,
          },
        }
      : {}),
    deadlines,
    open,
    ...(open[0] ? { next: open[0] } : {}),
    ...nextTribunal(all(events, 'tribunal-date-set'), ctx, closed || decided !== undefined),
    tasks,
    problems: b.problems,
  };
}

function nextTribunal(dates: ReadonlyArray<DisputeEvent<'tribunal-date-set'>>, ctx: DisputeClockContext, over: boolean) {
  if (over) return {};
  const next = dates.map((e) => e.data).filter((d) => parseLocalDate(d.date) >= ctx.today).sort((a, b) => a.date.localeCompare(b.date))[0];
  return next ? { nextTribunalDate: { kind: next.kind, date: next.date } } : {};
}

/** Days from the decision notice to resolution: the analysis's "time to resolution". */
export function daysToResolution(state: DisputeState): number | undefined {
  if (!state.resolvedOn) return undefined;
  return parseLocalDate(state.resolvedOn) - parseLocalDate(state.noticeSentOn);
}
