import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import { caseCalendar } from '../../cases/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import type { DisputeEvent, DisputeEventPayloads, DisputeEventType } from './dispute-events.ts';
import { daysToResolution, deriveDisputeState } from './dispute-state.ts';
import { DISPUTE_RULE_BOOK } from './tribunal-order-rules.ts';

const calendar = caseCalendar();
const at = (iso: string) => ({ today: parseLocalDate(iso), calendar });
function history() {
  const events: DisputeEvent[] = [];
  return {
    events,
    add<T extends DisputeEventType>(type: T, occurredOn: string, data: DisputeEventPayloads[T]) {
      events.push({ seq: events.length + 1, type, occurredOn, data } as DisputeEvent);
      return this;
    },
  };
}
/** The clock's own answer, to check each hand-worked date against. */
const clock = (ruleId: string, from: string, certificate?: string) =>
  formatIsoDate(computeDeadline({ ruleId, from: parseLocalDate(from), ...(certificate ? { certificate: parseLocalDate(certificate) } : {}) }, calendar, DISPUTE_RULE_BOOK).due);
const due = (state: ReturnType<typeof deriveDisputeState>, key: string) => state.deadlines.find((d) => d.key === key);

describe('a dispute through mediation to an agreed amendment', () => {
  const h = history().add('dispute-opened', '2026-01-12', { decisionKind: 'plan-content', noticeSentOn: '2026-01-12', sections: ['F', 'G'] });

  it('gives the family 2 months to contact the mediation adviser: 12 January → 12 March 2026', () => {
    const s = deriveDisputeState(h.events, at('2026-01-20'));
    expect(s.stage).toBe('contact-window');
    expect(due(s, 'mediation-contact')?.dueIso).toBe('2026-03-12');
    expect(clock('mediation-contact', '2026-01-12')).toBe('2026-03-12');
    expect(due(s, 'mediation-contact')?.familySentence).toBe('If you want to appeal, you must contact the mediation adviser by 12 March 2026.');
    expect(due(s, 'tribunal-appeal')?.dueIso).toBe('2026-03-12');
  });

  it('holds mediation within 30 days of the council being told (3 February → 5 March 2026) with health, as Section G is in dispute', () => {
    h.add('mediation-adviser-contacted', '2026-02-02', { choice: 'mediation' });
    let s = deriveDisputeState(h.events, at('2026-02-02'));
    expect(s.tasks).toContain('Arrange the mediation: the family wants mediation.');
    h.add('mediation-arranged', '2026-02-03', { partners: [], meetingOn: '2026-02-24' });
    s = deriveDisputeState(h.events, at('2026-02-10'));
    expect(s.stage).toBe('mediation');
    expect(due(s, 'mediation-meeting')?.dueIso).toBe('2026-03-05');
    expect(clock('mediation-meeting', '2026-02-03')).toBe('2026-03-05');
    expect(due(s, 'mediation-contact')?.status).toBe('met');
    expect(s.mediation?.partnersNeeded).toEqual(['health']);
    expect(s.tasks.join(' ')).toContain('health commissioning body');
  });

  it('records the agreed changes as an amendment to be drafted, then resolves when it is drafted', () => {
    h.add('mediation-held', '2026-02-24', { outcome: 'agreed', partnersAttended: ['health'], agreedChanges: [{ section: 'F', change: 'Speech and language therapy: 1 hour a week' }, { section: 'G', change: 'Physiotherapy review each term' }] });
    let s = deriveDisputeState(h.events, at('2026-02-25'));
    expect(s.stage).toBe('amendment');
    expect(due(s, 'mediation-meeting')?.status).toBe('met');
    expect(s.deadlines.some((d) => d.key === 'certificate-after-mediation')).toBe(false);
    expect(s.tasks.find((t) => t.startsWith('Amendment to be drafted'))).toContain('Sections F, G');
    h.add('amendment-drafted', '2026-03-02', { planVersion: 2 });
    s = deriveDisputeState(h.events, at('2026-03-03'));
    expect(s.stage).toBe('closed');
    expect(s.resolution).toBe('mediation-agreement');
    expect(daysToResolution(s)).toBe(49);
    expect(s.open).toEqual([]);
  });
});

describe('a dispute through a certificate to the Tribunal with a Section I ground', () => {
  const h = history().add('dispute-opened', '2025-10-02', { decisionKind: 'plan-content', noticeSentOn: '2025-10-01', sections: ['B', 'F', 'I'] });

  it('issues the certificate within 3 working days of the adviser being told (Wed 26 → Mon 1 December 2025)', () => {
    h.add('mediation-adviser-contacted', '2025-11-26', { choice: 'certificate-only' });
    const s = deriveDisputeState(h.events, at('2025-11-26'));
    expect(s.stage).toBe('certificate');
    expect(due(s, 'certificate')?.dueIso).toBe('2025-12-01');
    expect(clock('mediation-certificate', '2025-11-26')).toBe('2025-12-01');
    expect(due(s, 'mediation-contact')?.dueIso).toBe('2025-12-01');
  });

  it('moves the appeal deadline to the later date, then past the Christmas closure: 28 December → 2 January 2026', () => {
    h.add('certificate-issued', '2025-11-28', { after: 'no-mediation' });
    const s = deriveDisputeState(h.events, at('2025-12-01'));
    expect(s.stage).toBe('appeal-window');
    expect(due(s, 'tribunal-appeal')?.dueIso).toBe('2026-01-02');
    expect(clock('tribunal-appeal', '2025-10-01', '2025-11-28')).toBe('2026-01-02');
    expect(due(s, 'tribunal-appeal')?.explanation).toContain('r20(1)(c)');
  });

  it('records the appeal, the Tribunal dates, the outcome per ground and the 5-week order to amend (27 April → 1 June 2026), complied on time', () => {
    h.add('appeal-registered', '2025-12-15', { tribunalReference: 'EH370/25/00123', grounds: [{ section: 'B' }, { section: 'F', sought: 'Weekly speech and language therapy' }, { section: 'I', sought: 'Name Riverside Special School' }] })
      .add('tribunal-date-set', '2025-12-20', { kind: 'hearing', date: '2026-04-20' })
      .add('tribunal-date-set', '2025-12-20', { kind: 'response-due', date: '2026-01-26' });
    let s = deriveDisputeState(h.events, at('2026-01-05'));
    expect(s.stage).toBe('appeal');
    expect(due(s, 'tribunal-appeal')?.status).toBe('met');
    expect(s.appeal?.dates.map((d) => d.kind)).toEqual(['response-due', 'hearing']);
    h.add('tribunal-decided', '2026-04-27', {
      grounds: [{ section: 'B', outcome: 'dismissed' }, { section: 'F', outcome: 'partly-upheld' }, { section: 'I', outcome: 'upheld' }],
      orders: [{ orderId: 'o1', kind: 'amend-plan', detail: 'Amend F and name Riverside Special School in I' }],
    });
    s = deriveDisputeState(h.events, at('2026-05-20'));
    expect(s.stage).toBe('complying');
    const order = s.appeal!.orders[0]!;
    expect(order.deadlines[0]?.dueIso).toBe('2026-06-01');
    expect(clock('order-amend-plan', '2026-04-27')).toBe('2026-06-01');
    expect(order.deadlines[0]?.citation).toBe('SEND Regulations 2014, reg 44(2)(e)');
    expect(order.deadlines[0]?.status).toBe('due-soon'); // 12 days before the due date
    h.add('order-complied', '2026-05-28', { orderId: 'o1' });
    s = deriveDisputeState(h.events, at('2026-06-10'));
    expect(s.stage).toBe('closed');
    expect(s.resolution).toBe('tribunal');
    expect(s.appeal!.orders[0]!.deadlines[0]?.status).toBe('met');
    expect(daysToResolution(s)).toBe(239);
  });
});

describe('other clocks, hand-checked', () => {
  it.each([
    ['mediation-contact', '2025-12-31', undefined, '2026-02-28'], // no 31 February: the last day of the month
    ['tribunal-appeal', '2026-06-10', undefined, '2026-09-01'], // 10 August is in the Tribunal's August closure
    ['order-section-i', '2026-04-27', undefined, '2026-05-11'],
    ['order-draft-plan', '2026-03-02', undefined, '2026-04-06'],
    ['order-final-plan', '2026-03-02', undefined, '2026-05-18'],
    ['order-assess', '2026-03-02', undefined, '2026-03-16'],
    ['mediation-certificate', '2026-04-02', undefined, '2026-04-09'], // Good Friday 3 April and Easter Monday 6 April are not working days
  ])('%s from %s (certificate %s) is due %s', (ruleId, from, certificate, expected) => {
    expect(clock(ruleId, from, certificate)).toBe(expected);
  });

  it('needs no mediation certificate for an appeal only about Section I, and a family period that runs out has ended', () => {
    const h = history().add('dispute-opened', '2026-01-05', { decisionKind: 'plan-content', noticeSentOn: '2026-01-05', sections: ['I'] });
    const s = deriveDisputeState(h.events, at('2026-03-20'));
    expect(s.mediationRequired).toBe(false);
    expect(due(s, 'mediation-contact')).toBeUndefined();
    expect(due(s, 'tribunal-appeal')?.status).toBe('ended');
    expect(s.stage).toBe('closed');
    expect(s.resolution).toBe('no-appeal');
  });

  it('gives make-plan orders two clocks, each completed separately', () => {
    const h = history()
      .add('dispute-opened', '2025-11-03', { decisionKind: 'refuse-issue', noticeSentOn: '2025-11-03', sections: [] })
      .add('appeal-registered', '2025-12-01', { tribunalReference: 'EH370/25/00200', grounds: [{ section: 'decision' }] })
      .add('tribunal-decided', '2026-03-02', { grounds: [{ section: 'decision', outcome: 'upheld' }], orders: [{ orderId: 'p', kind: 'make-plan' }] })
      .add('order-complied', '2026-04-01', { orderId: 'p', ruleId: 'order-draft-plan' });
    const s = deriveDisputeState(h.events, at('2026-04-02'));
    expect(s.appeal!.orders[0]!.deadlines.map((d) => [d.dueIso, d.status])).toEqual([['2026-04-06', 'met'], ['2026-05-18', 'on-track']]);
    expect(s.stage).toBe('complying');
    expect(s.next?.dueIso).toBe('2026-05-18');
  });
});
