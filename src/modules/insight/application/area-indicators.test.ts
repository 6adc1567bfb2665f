import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadEnglandAndWalesCalendar, parseLocalDate } from '../../../platform/calendar/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import type { IndicatorValue } from '../domain/indicator-measures.ts';
import { releaseCouncilValues } from '../domain/released-values.ts';
import { INSIGHT_PROJECT_ROOT } from '../infrastructure/project-root.ts';
import { nationalCounts } from '../infrastructure/national.query.ts';
import { councilRange, councilSeries } from './council-indicators.ts';
import { statutoryDeadlines } from './statutory-deadlines.ts';
import { MAINSTREAM, insertArea, type SyntheticCase } from './synthetic-area.fixture.ts';

/**
 * The indicators that read beyond the assessment: phase transfers, ceasing and moves, appealable
 * decisions, mediations and appeals by section, and alternative provision. Every expected figure
 * is worked out by hand from the world below (see the comments); the period is 2025.
 */
const clock = statutoryDeadlines(loadEnglandAndWalesCalendar(INSIGHT_PROJECT_ROOT));
const asOf = parseLocalDate('2026-06-30');
const d = parseLocalDate;

const AREA_372: SyntheticCase[] = [
  // P1: 11 on 31 August 2025 (primary → secondary, due 15 February 2025); named 20 January: on time.
  // Amended after review: the amended plan (15 June) is an appealable decision.
  { child: 'P1', dob: '2014-01-10', events: [
    ['final-plan-issued', '2020-05-01', { primaryNeed: 'ASD', settingId: MAINSTREAM }],
    ['phase-transfer-named', '2025-01-20', { transferYear: 2025, route: 'primary-to-secondary', settingName: 'Ridge Academy' }],
    ['review-decision', '2025-04-02', { reviewId: 'r1', decision: 'amend' }],
    ['amended-plan-issued', '2025-06-15', {}],
  ] },
  // P2: 11 on 31 August 2025; named 10 March: late. The council kept the plan as it is after a review (4 April): appealable.
  { child: 'P2', dob: '2013-10-01', events: [
    ['final-plan-issued', '2019-05-01', { primaryNeed: 'SEMH' }],
    ['phase-transfer-named', '2025-03-10', { transferYear: 2025, route: 'primary-to-secondary' }],
    ['review-decision', '2025-04-04', { reviewId: 'r2', decision: 'maintain' }],
  ] },
  // P3: 16 on 31 August 2025 (secondary → post-16, due 31 March 2025); named 20 March: on time. Moved away 1 October.
  { child: 'P3', dob: '2009-05-05', events: [
    ['final-plan-issued', '2018-01-01', { primaryNeed: 'MLD' }],
    ['phase-transfer-named', '2025-03-20', { transferYear: 2025, route: 'secondary-to-post16' }],
    ['plan-transferred-out', '2025-10-01', { transferId: 't1', toLaCode: '886', movedOn: '2025-09-15', noticeLate: false }],
  ] },
  // P4: 11 on 31 August 2025 but the plan ceased in December 2024: not due a transfer here.
  { child: 'P4', dob: '2014-02-02', events: [
    ['final-plan-issued', '2019-01-01', { primaryNeed: 'PD' }],
    ['plan-ceased', '2024-12-01', { reasonCode: 'NEED' }],
  ] },
  // P5: 11 on 31 August 2025, first plan issued 1 June 2025, after the deadline: not judged. The plan is appealable.
  { child: 'P5', dob: '2014-03-03', events: [['final-plan-issued', '2025-06-01', { primaryNeed: 'SLCN' }]] },
  // P6: 11 on 31 August 2025, nothing named: late. Ceased 1 September 2025: appealable, and no longer in place.
  { child: 'P6', dob: '2014-04-04', events: [
    ['final-plan-issued', '2020-01-01', { primaryNeed: 'ASD' }],
    ['plan-ceased', '2025-09-01', { reasonCode: 'MOVE' }],
  ] },
  // Q1: refused to assess on 10 February 2025: appealable.
  { child: 'Q1', dob: '2016-06-06', events: [['request-received', '2025-01-05'], ['decision-to-assess', '2025-02-10', { decision: 'not-assess' }]] },
  // Q2: assessed, then a decision not to issue on 1 May 2025: appealable (the decision to assess is not).
  { child: 'Q2', dob: '2017-07-07', events: [
    ['request-received', '2025-01-06'], ['decision-to-assess', '2025-02-01', { decision: 'assess' }], ['decision-not-to-issue', '2025-05-01', {}],
  ] },
];
// Appealable decisions in 2025: P1 amended, P2 maintained, P5 issued, P6 ceased, Q1 refused, Q2 not issued = 6.
// Plans in place on 31 December 2025: P1, P2, P5 = 3 (P3 moved away, P4 and P6 ceased).
// Phase transfers due in 2025: P1, P2, P3, P6 = 4, on time P1 and P3 = 2.

describe('phase transfer, ceasing, dispute and AP indicators, against figures worked out by hand', () => {
  let t: TestDatabase;
  let values: IndicatorValue[];
  const pick = (id: string, breakdown?: string, category?: string) =>
    values.find((v) => v.indicatorId === id && v.breakdown?.id === breakdown && v.breakdown?.category === category);

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertArea(t, '372', AREA_372);
    const caseOf = async (n: number) => (await t.adminDb.selectFrom('cases').select(['id', 'child_id']).where('reference', '=', `372-${n}`).executeTakeFirstOrThrow());
    // Disputes: D1 about I, mediated 1 March, appealed 1 May on I and F; D2 about B and F, mediated
    // twice (counted once, 1 April); D3 about a refusal, appealed 1 June; D4 mediated in 2024.
    const disputes: Array<{ ref: string; opened: string; sections: string[]; events: Array<[string, string, Record<string, unknown>]> }> = [
      { ref: 'D1', opened: '2025-02-01', sections: ['I'], events: [['mediation-held', '2025-03-01', { outcome: 'not-agreed', agreedChanges: [], partnersAttended: [] }], ['appeal-registered', '2025-05-01', { tribunalReference: 'T1', grounds: [{ section: 'I' }, { section: 'F' }] }]] },
      { ref: 'D2', opened: '2025-02-02', sections: ['B', 'F'], events: [['mediation-held', '2025-04-01', { outcome: 'partly-agreed', agreedChanges: [], partnersAttended: [] }], ['mediation-held', '2025-05-01', { outcome: 'agreed', agreedChanges: [], partnersAttended: [] }]] },
      { ref: 'D3', opened: '2025-02-20', sections: [], events: [['appeal-registered', '2025-06-01', { tribunalReference: 'T3', grounds: [{ section: 'decision' }] }]] },
      { ref: 'D4', opened: '2024-10-01', sections: ['I'], events: [['mediation-held', '2024-12-01', { outcome: 'agreed', agreedChanges: [], partnersAttended: [] }]] },
    ];
    const kase = await caseOf(1);
    for (const dispute of disputes) {
      const row = await t.adminDb.insertInto('disputes').values({ la_code: '372', case_id: kase.id, reference: dispute.ref, opened_on: dispute.opened }).returning('id').executeTakeFirstOrThrow();
      const events: Array<[string, string, Record<string, unknown>]> = [['dispute-opened', dispute.opened, { decisionKind: 'plan-content', noticeSentOn: dispute.opened, sections: dispute.sections }], ...dispute.events];
      await t.adminDb.insertInto('dispute_events').values(events.map(([type, on, data], i) => ({ la_code: '372', dispute_id: row.id, seq: i + 1, type, occurred_on: on, actor_user_id: null, data: JSON.stringify(data) }))).execute();
    }
    // AP: started in 2025: 1, 3, 4 = 3. Ended in 2025 with an outcome: 1, 2, 4 = 3, of which 1 and 4 returned.
    const referral = await sql<{ id: string }>`insert into ap_referrals (la_code, child_id, tier, referred_on, reason) values ('372', ${kase.child_id}, 3, '2024-08-01', 'Test') returning id`.execute(t.adminDb);
    const placements: Array<[string, string | null, string | null]> = [
      ['2025-01-10', '2025-06-01', 'returned-to-mainstream'], ['2024-09-01', '2025-03-01', 'moved-to-special'], ['2025-02-01', null, null], ['2025-03-01', '2025-12-01', 'returned-to-mainstream'],
    ];
    for (const [starts, ends, outcome] of placements) {
      await sql`insert into ap_placements (la_code, referral_id, child_id, setting_id, tier, starts_on, ends_on, outcome) values ('372', ${referral.rows[0]!.id}, ${kase.child_id}, ${MAINSTREAM}, 3, ${starts}, ${ends}, ${outcome})`.execute(t.adminDb);
    }
    values = await councilRange(t.db, { laCodes: ['372'] }, '372', d('2025-01-01'), d('2025-12-31'), asOf, clock);
  });
  afterAll(async () => t?.drop());

  it('counts plans in place without those ceased or transferred away: 3', () => {
    expect(pick('plans-in-place')).toMatchObject({ numerator: 3 });
  });

  it('judges phase transfers due in 2025 by their reg 18(1) deadline: 2 of 4 named in time', () => {
    expect(pick('phase-transfers-by-deadline')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  });

  it('counts mediations (D1, D2) and appeals (D1, D3) per 100 of the 6 appealable decisions', () => {
    expect(pick('mediations-per-100-decisions')).toMatchObject({ numerator: 2, denominator: 6, value: 33.3 });
    expect(pick('appeals-per-100-decisions')).toMatchObject({ numerator: 2, denominator: 6, value: 33.3 });
  });

  it('counts disputes by the plan section they are about', () => {
    const sections = (id: string) => Object.fromEntries(values.filter((v) => v.indicatorId === id && v.breakdown && v.numerator > 0).map((v) => [v.breakdown!.category, v.numerator]));
    expect(sections('mediations-per-100-decisions')).toEqual({ I: 1, B: 1, F: 1 });
    expect(sections('appeals-per-100-decisions')).toEqual({ I: 1, F: 1, decision: 1 });
  });

  it('counts AP placements started (3) and the share ending in a return to mainstream (2 of 3)', () => {
    expect(pick('ap-placements-started')).toMatchObject({ numerator: 3 });
    expect(pick('ap-returns-to-mainstream')).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
  });

  it('suppresses the small counts of these indicators when they leave the council, rates with them', () => {
    const released = releaseCouncilValues(values);
    const mediation = released.find((v) => v.indicatorId === 'mediations-per-100-decisions' && !v.breakdown)!;
    expect(mediation).toMatchObject({ numerator: null, value: null });
    for (const v of released.filter((r) => r.indicatorId === 'appeals-per-100-decisions')) {
      expect(v.numerator === null || v.numerator === 0 || v.numerator >= 5).toBe(true);
      if (v.numerator === null) expect(v.value).toBeNull();
    }
  });

  it('recounts when an AP placement ends: the cache follows the provision tables too', async () => {
    const scope = { laCodes: ['372'] };
    const ended = (p: Awaited<ReturnType<typeof councilSeries>>) => p.values.find((v) => v.indicatorId === 'ap-returns-to-mainstream' && v.periodKey === '2026' && !v.breakdown)?.denominator;
    const before = await councilSeries(t.db, scope, '372', 'year', asOf, clock);
    expect(ended(before)).toBe(0);
    await t.adminDb.updateTable('ap_placements').set({ ends_on: '2026-02-01', outcome: 'other' }).where('starts_on', '=', '2025-02-01').execute();
    const after = await councilSeries(t.db, scope, '372', 'year', asOf, clock);
    expect(ended(after)).toBe(1);
  });
});

describe('the national aggregate agrees on plans in place when plans end', () => {
  it('leaves out ceased and transferred plans, as the definitions do', async () => {
    const t = await createTestDatabase();
    try {
      await insertArea(t, '372', AREA_372);
      const counts = await nationalCounts(t.db, '2025-01-01', '2025-12-31', '2025-12-31');
      expect(counts.find((c) => c.laCode === '372' && c.measure === 'plans-in-place')?.n).toBe(3);
      // And the counts are the per-council cached ones (migration 0123), not a scan of England.
      const cached = await sql<{ n: string }>`select n from insight_national_cache where la_code = '372' and measure = 'plans-in-place'`.execute(t.adminDb);
      expect(cached.rows.map((c) => Number(c.n))).toEqual([3]);
    } finally {
      await t.drop();
    }
  });
});
