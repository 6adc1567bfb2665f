import { formatLongDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import type { DisputeView } from '../application/dispute-views.ts';
import type { DecisionKind, DisputeEvent } from '../domain/dispute-events.ts';
import { OUTCOME_NAMES, sectionName, TRIBUNAL_DATE_KINDS } from './dispute-labels.ts';

const ABOUT: Record<DecisionKind, string> = {
  'refuse-assess': 'our decision not to carry out an education, health and care (EHC) needs assessment',
  'refuse-issue': 'our decision not to issue an EHC plan',
  'plan-content': 'what the EHC plan says',
  'refuse-amend': 'our decision not to change the EHC plan after its review',
  cease: 'our decision to stop the EHC plan',
};

const FAMILY_EVENTS: Record<string, string> = {
  'dispute-opened': 'You told us you disagree',
  'mediation-adviser-contacted': 'You contacted the mediation adviser',
  'mediation-arranged': 'Mediation was arranged',
  'mediation-held': 'Mediation took place',
  'certificate-issued': 'The mediation certificate was issued',
  'amendment-drafted': 'We drafted the changes to the plan',
  'appeal-registered': 'Your appeal was registered by the SEND Tribunal',
  'tribunal-date-set': 'The Tribunal set a date',
  'tribunal-decided': 'The Tribunal made its decision',
  'order-complied': "We did what the Tribunal's order said",
  'dispute-closed': 'This disagreement was closed',
};

const long = (iso: string) => formatLongDate(parseLocalDate(iso));

/**
 * What a family reads: what they can do and by when, what we must do and by when, in plain English.
 * Every date is the clock's; nothing internal (notes, who recorded it) is shown.
 */
export function familyDisputeModel(view: DisputeView, serviceName: string | undefined) {
  const { record, state } = view;
  const open = (key: string) => state.deadlines.find((d) => d.key === key && d.open);
  const youCan: string[] = [];
  const weMust: string[] = [];
  const contact = open('mediation-contact');
  if (contact) {
    youCan.push(`You must contact the mediation adviser by ${formatLongDate(contact.due)} if you want to appeal.`);
    youCan.push('You do not have to have mediation. If you do not want it, the adviser will give you a certificate so that you can appeal.');
  }
  if (!state.mediationRequired) youCan.push('You do not need a mediation certificate to appeal only about the school or college named in the plan.');
  for (const key of ['certificate', 'certificate-after-mediation', 'mediation-meeting']) {
    const d = open(key);
    if (d) weMust.push(d.familySentence);
  }
  if (state.mediation?.meetingOn && !state.mediation.heldOn) weMust.push(`The mediation meeting is on ${long(state.mediation.meetingOn)}.`);
  const appeal = open('tribunal-appeal');
  if (appeal) youCan.push(appeal.familySentence);
  if (state.agreedChanges.length > 0 && !state.amendmentDraftedOn) weMust.push('We agreed in mediation to change the plan. We will send you the proposed changes so that you can comment on them.');
  for (const o of state.appeal?.orders ?? []) for (const d of o.deadlines.filter((x) => x.open)) weMust.push(d.familySentence);
  return {
    title: 'Your disagreement with a decision',
    childName: record.childName,
    about: ABOUT[state.decisionKind],
    noticeSentOn: state.noticeSentOn,
    sections: state.sections.map(sectionName),
    closed: state.closed,
    youCan,
    weMust,
    agreed: state.agreedChanges.map((c) => ({ section: sectionName(c.section), change: c.change })),
    serviceName,
    tribunal: state.appeal
      ? {
          reference: state.appeal.reference,
          dates: state.appeal.dates.map((d) => ({ kind: TRIBUNAL_DATE_KINDS[d.kind] ?? d.kind, date: d.date })),
          outcomes: state.appeal.outcomes.map((o) => ({ section: sectionName(o.section), outcome: OUTCOME_NAMES[o.outcome] })),
        }
      : undefined,
    timeline: [...record.events].reverse().map((e: DisputeEvent) => ({ label: FAMILY_EVENTS[e.type] ?? e.type, occurredOn: e.occurredOn })),
  };
}
