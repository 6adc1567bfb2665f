import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { caseCalendar } from '../../cases/index.ts';
import { parseAppealRateTable } from './appeal-rate-benchmarks.ts';
import { analyseDisputes } from './dispute-analysis.ts';
import type { DisputeEvent, DisputeEventPayloads, DisputeEventType } from './dispute-events.ts';
import { deriveDisputeState } from './dispute-state.ts';

const ctx = { today: parseLocalDate('2026-11-20'), calendar: caseCalendar() };
type Step = [DisputeEventType, string, unknown];
const dispute = (...steps: Step[]) =>
  deriveDisputeState(steps.map(([type, occurredOn, data], i) => ({ seq: i + 1, type, occurredOn, data: data as DisputeEventPayloads[typeof type] }) as DisputeEvent), ctx);
const opened = (on: string, kind: string, sections: string[]): Step => ['dispute-opened', on, { decisionKind: kind, noticeSentOn: on, sections }];

describe('dispute analysis', () => {
  // Five disputes in 2026, written so each figure can be counted by eye.
  const disputes = [
    // 1: mediation, agreed, amendment drafted: resolved by mediation in 49 days.
    dispute(opened('2026-01-12', 'plan-content', ['F']), ['mediation-adviser-contacted', '2026-02-02', { choice: 'mediation' }], ['mediation-arranged', '2026-02-03', { partners: [] }],
      ['mediation-held', '2026-02-24', { outcome: 'agreed', partnersAttended: [], agreedChanges: [{ section: 'F', change: 'x' }] }], ['amendment-drafted', '2026-03-02', {}]),
    // 2: mediation not agreed, then an appeal on F and I: F upheld, I dismissed; amend order complied.
    dispute(opened('2026-02-02', 'plan-content', ['F', 'I']), ['mediation-adviser-contacted', '2026-02-10', { choice: 'mediation' }], ['mediation-arranged', '2026-02-11', { partners: [] }],
      ['mediation-held', '2026-03-01', { outcome: 'not-agreed', partnersAttended: [], agreedChanges: [] }], ['certificate-issued', '2026-03-03', { after: 'mediation' }],
      ['appeal-registered', '2026-03-20', { tribunalReference: 'A', grounds: [{ section: 'F' }, { section: 'I' }] }],
      ['tribunal-decided', '2026-07-01', { grounds: [{ section: 'F', outcome: 'upheld' }, { section: 'I', outcome: 'dismissed' }], orders: [{ orderId: 'o', kind: 'amend-plan' }] }],
      ['order-complied', '2026-07-20', { orderId: 'o' }]),
    // 3: certificate only, appeal against a refusal to assess, conceded.
    dispute(opened('2026-03-02', 'refuse-assess', []), ['mediation-adviser-contacted', '2026-03-10', { choice: 'certificate-only' }], ['certificate-issued', '2026-03-12', { after: 'no-mediation' }],
      ['appeal-registered', '2026-04-01', { tribunalReference: 'B', grounds: [{ section: 'decision' }] }],
      ['tribunal-decided', '2026-06-01', { grounds: [{ section: 'decision', outcome: 'conceded' }], orders: [{ orderId: 'a', kind: 'assess' }] }]),
    // 4: certificate only, appeal on I, not yet decided.
    dispute(opened('2026-05-05', 'plan-content', ['I', 'B']), ['mediation-adviser-contacted', '2026-05-06', { choice: 'certificate-only' }], ['certificate-issued', '2026-05-07', { after: 'no-mediation' }],
      ['appeal-registered', '2026-06-01', { tribunalReference: 'C', grounds: [{ section: 'I' }, { section: 'B' }] }]),
    // 5: a ceasing decision, no contact yet.
    dispute(opened('2026-10-01', 'cease', ['F'])),
  ];
  const decisions = { refusedToAssess: 40, notToIssue: 10, plansHeldInJanuary: 140, ceased: 10 }; // 200 in all
  const a = analyseDisputes(disputes, decisions, 2026);

  it('counts take-up, mediations followed by appeal and the appeal rate as counted by hand', () => {
    expect(a.disputesOpened).toBe(5);
    expect(a.advisersContacted).toBe(4); // disputes 1–4
    expect(a.choseMediation).toBe(2); // 1 and 2
    expect(a.mediationTakeUp).toBe(50);
    expect(a.mediationsHeld).toBe(2);
    expect(a.mediationsFollowedByAppeal).toBe(1); // dispute 2
    expect(a.appealsRegistered).toBe(3); // 2, 3, 4
    expect(a.appealRate).toBe(1.5); // 3 appeals per 200 decisions = 1.5 per 100
  });

  it('breaks appeals down by section and by decision type', () => {
    const row = (s: string) => a.bySection.find((r) => r.section === s);
    expect(row('I')).toMatchObject({ grounds: 2, decided: 1, outcomes: { dismissed: 1 } });
    expect(row('F')).toMatchObject({ grounds: 1, decided: 1, outcomes: { upheld: 1 } });
    expect(row('B')).toMatchObject({ grounds: 1, decided: 0 });
    expect(row('decision')).toMatchObject({ grounds: 1, outcomes: { conceded: 1 } });
    expect(row('G')).toBeUndefined();
    const kind = (k: string) => a.byDecision.find((r) => r.kind === k);
    expect(kind('plan-content')).toEqual({ kind: 'plan-content', disputes: 3, appeals: 2, decided: 1, familySucceeded: 1 });
    expect(kind('refuse-assess')).toEqual({ kind: 'refuse-assess', disputes: 1, appeals: 1, decided: 1, familySucceeded: 1 });
    expect(kind('cease')?.disputes).toBe(1);
  });

  it('measures time to resolution from the decision notice', () => {
    // 1: 12 Jan → 2 Mar = 49 days; 2: 2 Feb → 20 Jul = 168; 3: 2 Mar → 1 Jun (the assess order is still open, so not resolved).
    expect(disputes[2]!.stage).toBe('complying');
    expect(a.resolved).toBe(2);
    expect(a.medianDaysToResolution).toBe((49 + 168) / 2);
    expect(a.medianDaysByRoute.find((r) => r.route === 'Agreed in mediation')).toEqual({ route: 'Agreed in mediation', count: 1, median: 49 });
  });
});

describe('the DfE appeal rate table', () => {
  const file = path.resolve(import.meta.dirname, '../../../../data/reference/dfe-ehcp-statistics-2025/supporting-files/SEND Tribunals and appeal rate 2014-2024.csv');
  const table = parseAppealRateTable(fs.readFileSync(file, 'utf8'));
  it('reads England and each council, leaving suppressed cells out', () => {
    expect(table.latestYear).toBe(2024);
    expect(table.national.get(2024)).toEqual({ year: 2024, appeals: 22276, decisions: 689739, rate: 3.2 });
    expect(table.byLa.get('370')?.name).toBe('Barnsley');
    expect(table.byLa.get('370')?.figures.get(2024)).toEqual({ year: 2024, appeals: 81, decisions: 3416, rate: 2.4 });
    expect(table.byLa.get('890')?.figures.get(2014)).toEqual({ year: 2014, decisions: 543, rate: 0 });
  });
});
