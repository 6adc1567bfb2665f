import { exceptionReason, isExceptionReasonCode } from '../../statutory/index.ts';
import { ADVICE_KIND_NAMES } from '../domain/case-deadlines.ts';
import { eventLabel } from '../domain/event-labels.ts';
import type { CaseEventRow } from '../infrastructure/case-read.repository.ts';
import { SEN2_NEEDS } from './case-steps.ts';

export interface TimelineItem {
  seq: number;
  label: string;
  occurredOn: string;
  who: string | null;
  details: string[];
  noticeHref?: string;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

/**
 * The details worth reading on a timeline, per event: reasons, who was asked, what was named.
 * Families see the same facts in their own words, never internal notes.
 */
export function timelineItems(events: readonly CaseEventRow[], names: Map<string, string>, audience: 'staff' | 'family', noticeBase: string): TimelineItem[] {
  const adviceKinds = new Map(events.filter((e) => e.type === 'advice-requested').map((e) => [String(e.data.adviceId), String(e.data.adviceKind)]));
  const kindName = (k: string | undefined): string => ADVICE_KIND_NAMES[k as keyof typeof ADVICE_KIND_NAMES] ?? String(k);
  return events.map((e) => {
    const d = e.data;
    const name = (k: string): string | undefined => (typeof d[k] === 'string' ? (names.get(d[k]) ?? undefined) : undefined);
    const details: string[] = [];
    let appealable = false;
    switch (e.type) {
      case 'decision-to-assess':
        details.push(d.decision === 'not-assess' ? 'Decision: not to assess' : 'Decision: to assess');
        details.push(...list(d.reasons).map((r) => `Reason: ${r}`));
        appealable = d.decision === 'not-assess';
        break;
      case 'decision-not-to-issue':
        details.push(...list(d.reasons).map((r) => `Reason: ${r}`));
        appealable = true;
        break;
      case 'advice-requested':
        details.push(`Kind: ${kindName(String(d.adviceKind))}`);
        if (name('organisationId')) details.push(`Asked: ${name('organisationId')}`);
        break;
      case 'advice-received':
        details.push(`Kind: ${kindName(adviceKinds.get(String(d.adviceId)))}`);
        if (typeof d.summary === 'string' && audience === 'staff') details.push(`Summary: ${d.summary}`);
        break;
      case 'exception-recorded':
        details.push(`Reason: ${isExceptionReasonCode(String(d.reason)) ? exceptionReason(d.reason as never).plain : String(d.reason)}`);
        if (typeof d.note === 'string' && audience === 'staff') details.push(`Note: ${d.note}`);
        break;
      case 'draft-representations-received':
        if (typeof d.requestedSettingName === 'string') details.push(`Asked for: ${d.requestedSettingName}`);
        if (typeof d.comments === 'string') details.push(`Comments: ${d.comments}`);
        break;
      case 'setting-consulted':
        details.push(`Setting: ${typeof d.settingName === 'string' && d.settingName ? d.settingName : (name('settingId') ?? 'not recorded')}`);
        break;
      case 'consultation-response-received':
        details.push(d.response === 'cannot-meet-needs' ? 'Response: cannot meet the needs' : 'Response: can meet the needs');
        if (typeof d.reasons === 'string') details.push(`Reasons: ${d.reasons}`);
        break;
      case 'final-plan-issued': {
        if (name('settingId')) details.push(`Setting named: ${name('settingId')}`);
        const need = SEN2_NEEDS.find((n) => n.code === d.primaryNeed);
        if (need && audience === 'staff') details.push(`Primary need: ${need.name} (${need.code})`);
        appealable = true;
        break;
      }
      case 'request-received':
        if (typeof d.source === 'string' && audience === 'staff') details.push(`Requested by: ${d.source.replace('-', ' ')}`);
        break;
      default:
        break;
    }
    return {
      seq: e.seq,
      label: eventLabel(e.type, audience),
      occurredOn: e.occurredOn,
      who: e.actorName,
      details,
      ...(appealable ? { noticeHref: `${noticeBase}/notices/${e.seq}` } : {}),
    };
  });
}
