import { describe, expect, it } from 'vitest';
import { parseLocalDate, loadEnglandAndWalesCalendar, formatIsoDate } from '../../../platform/calendar/index.ts';
import { computeDeadline } from '../../statutory/index.ts';
import { commitmentStatus } from './commitment-status.ts';
import { historicalSteps, stepsDue } from './escalation.ts';
import type { Obligation } from './obligation.ts';
import { checkLadder, dutyBook, PARTNER_DUTIES, type LadderStepId } from './partner-duties.ts';
import { parseQuarter, recentQuarters } from './periods.ts';
import { median, scorecard } from './scorecard.ts';

const d = parseLocalDate;
const advice = (key: string, org: string, askedOn: string, dueIso: string, doneOn?: string, exception = false): Obligation => ({
  key, laCode: '370', dutyId: 'advice', organisationId: org, title: 'health advice', askedOn, dueIso, ...(doneOn ? { doneOn } : {}), ...(exception ? { exception } : {}),
});

describe('partner duties as data', () => {
  it('every duty has a source, a clock the rule book knows, and a ladder in order', () => {
    const book = dutyBook();
    for (const duty of PARTNER_DUTIES) {
      expect(duty.sources.length, duty.id).toBeGreaterThan(0);
      expect(book.book.has(duty.ruleId), duty.id).toBe(true);
      expect(checkLadder(duty.ladder), duty.id).toBeUndefined();
    }
  });

  it('takes due dates from the statutory clock: advice 6 weeks (reg 8), consultation 15 days, review advice 2 weeks before the meeting', () => {
    const calendar = loadEnglandAndWalesCalendar(process.cwd());
    const book = dutyBook().book;
    expect(formatIsoDate(computeDeadline({ ruleId: 'advice', from: d('2026-01-06') }, calendar, book).due)).toBe('2026-02-17');
    expect(formatIsoDate(computeDeadline({ ruleId: 'partner-consultation-response', from: d('2026-03-02') }, calendar, book).due)).toBe('2026-03-17');
    expect(formatIsoDate(computeDeadline({ ruleId: 'partner-review-advice', from: d('2026-06-17') }, calendar, book).due)).toBe('2026-06-03');
  });

  it('adds a local duty with its own clock and source', () => {
    const book = dutyBook([{ id: 'therapy-report', name: 'Send a therapy report', periodDays: 14, source: 'Agreement clause 4.2' }]);
    const duty = book.find('local-therapy-report')!;
    expect(duty.sources[0]).toEqual({ kind: 'local-agreement', citation: 'Agreement clause 4.2' });
    const calendar = loadEnglandAndWalesCalendar(process.cwd());
    expect(formatIsoDate(computeDeadline({ ruleId: duty.ruleId, from: d('2026-05-01') }, calendar, book.book).due)).toBe('2026-05-15');
  });

  it('refuses a ladder whose steps go backwards', () => {
    expect(checkLadder({ reminder: -7, 'designated-officer': 10, 'senior-manager': 5, 'partnership-board': 29 })).toMatch(/senior manager/);
  });
});

describe('the escalation ladder on the clock', () => {
  const ladder = PARTNER_DUTIES[0]!.ladder; // advice: -7, +1, +15, +29
  const late = advice('advice:c1:a1', 'icb', '2026-01-06', '2026-02-17');
  const climb = (today: string, taken: LadderStepId[] = []) => stepsDue(late, ladder, d(today), new Set(taken)).map((s) => s.step);

  it('reminds a week before, then climbs one step at a time as days pass', () => {
    expect(climb('2026-02-09')).toEqual([]);
    expect(climb('2026-02-10')).toEqual(['reminder']);
    expect(climb('2026-02-17', ['reminder'])).toEqual([]); // due today: still on time
    expect(climb('2026-02-18', ['reminder'])).toEqual(['designated-officer']);
    expect(climb('2026-03-04', ['reminder', 'designated-officer'])).toEqual(['senior-manager']);
    expect(climb('2026-03-18', ['reminder', 'designated-officer', 'senior-manager'])).toEqual(['partnership-board']);
    expect(climb('2026-06-01', ['reminder', 'designated-officer', 'senior-manager', 'partnership-board'])).toEqual([]);
  });

  it('takes every step it missed if the job did not run, but no late reminder', () => {
    expect(climb('2026-03-20')).toEqual(['designated-officer', 'senior-manager', 'partnership-board']);
  });

  it('stops once the duty is done or an exception applies', () => {
    expect(stepsDue({ ...late, doneOn: '2026-02-20' }, ladder, d('2026-03-20'), new Set())).toEqual([]);
    expect(stepsDue({ ...late, exception: true }, ladder, d('2026-03-20'), new Set())).toEqual([]);
  });

  it('writes history as if the job ran daily: each step on its own day, only while not done', () => {
    expect(historicalSteps({ ...late, doneOn: '2026-03-01' }, ladder, d('2026-06-01')).map((s) => [s.step, formatIsoDate(s.stepDueOn)])).toEqual([
      ['reminder', '2026-02-10'], ['designated-officer', '2026-02-18'],
    ]);
  });
});

describe('the scorecard', () => {
  it('counts advice on time, median days late, outstanding, commitments and escalations by hand-checkable rules', () => {
    const q = parseQuarter('2026-Q1')!;
    const today = d('2026-04-10');
    const obligations = [
      advice('a1', 'icb', '2026-01-01', '2026-02-12', '2026-02-10'), // on time
      advice('a2', 'icb', '2026-01-05', '2026-02-16', '2026-02-26'), // 10 days late
      advice('a3', 'icb', '2026-02-01', '2026-03-15'), // outstanding: 26 days late on 10 April
      advice('a4', 'icb', '2026-02-01', '2026-03-15', undefined, true), // exception: left out
      advice('a5', 'icb', '2025-11-01', '2025-12-13', '2025-12-20'), // due in the previous quarter
      advice('a6', 'care', '2026-01-10', '2026-02-21', '2026-02-21'), // on time, another partner
    ];
    const input = {
      organisations: [{ id: 'icb', name: 'ICB', kind: 'icb' }, { id: 'care', name: 'Care', kind: 'social-care' }],
      obligations,
      commitments: [
        { organisationId: 'icb', committedOn: '2026-01-10', events: [{ type: 'started' as const, occurredOn: '2026-01-20' }, { type: 'delivered' as const, occurredOn: '2026-03-20' }] },
        { organisationId: 'icb', committedOn: '2026-01-10', events: [{ type: 'family-reported' as const, occurredOn: '2026-03-01' }] },
        { organisationId: 'icb', committedOn: '2026-04-02', events: [] }, // after the quarter
      ],
      escalations: [
        { organisationId: 'icb', step: 'reminder', steppedOn: '2026-03-08' },
        { organisationId: 'icb', step: 'designated-officer', steppedOn: '2026-03-16' },
        { organisationId: 'icb', step: 'partnership-board', steppedOn: '2026-03-30' },
        { organisationId: 'icb', step: 'senior-manager', steppedOn: '2026-04-02' }, // next quarter
      ],
    };
    const { rows, total } = scorecard(input, q.from, q.to, today);
    const icb = rows.find((r) => r.organisationId === 'icb')!;
    expect(icb).toMatchObject({ adviceDue: 3, adviceOnTime: 1, adviceOnTimePercent: 33.3, medianDaysLate: 18, outstanding: 1, overdue: 1, commitments: 2, commitmentsDelivered: 1, commitmentsNotDelivered: 1, escalations: 2, boardEscalations: 1 });
    expect(total).toMatchObject({ adviceDue: 4, adviceOnTime: 2, adviceOnTimePercent: 50, medianDaysLate: 18 });
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([10, 26, 4, 30])).toBe(18);
    expect(median([])).toBeNull();
  });

  it('a family report stands until the partner reports delivery after it', () => {
    expect(commitmentStatus([{ type: 'started', occurredOn: '2026-01-01' }, { type: 'family-reported', occurredOn: '2026-02-01' }])).toBe('family-reported');
    expect(commitmentStatus([{ type: 'family-reported', occurredOn: '2026-02-01' }, { type: 'delivered', occurredOn: '2026-03-01' }])).toBe('delivered');
    expect(commitmentStatus([{ type: 'family-reported', occurredOn: '2026-02-01' }], '2026-01-31')).toBe('committed');
  });

  it('lists quarters oldest first', () => {
    expect(recentQuarters(d('2026-05-01'), 3).map((q) => q.key)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });
});
