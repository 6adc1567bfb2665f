import { sql } from 'kysely';
import type { TestDatabase } from '../../../../test/support/test-database.ts';

/**
 * A small council built by hand for the indicator tests: every expected figure in the tests is
 * worked out on paper from this list (see the comments), not by the code under test.
 */
export interface SyntheticCase {
  child: string;
  dob: string;
  events: Array<[type: string, on: string, data?: Record<string, unknown>]>;
}

export const MAINSTREAM = '00000000-0000-4000-8000-00000000000a';
export const SPECIAL = '00000000-0000-4000-8000-00000000000b';

export const AREA_370: SyntheticCase[] = [
  // A: decided in 35 days, plan in 131 days (within 20 weeks), mainstream, reviewed on time in 2025; advice a1 on time, a2 late.
  { child: 'A', dob: '2014-03-01', events: [
    ['request-received', '2024-01-10', { source: 'parent' }],
    ['decision-to-assess', '2024-02-14', { decision: 'assess' }],
    ['advice-requested', '2024-02-15', { adviceId: 'a1', adviceKind: 'health' }],
    ['advice-requested', '2024-02-15', { adviceId: 'a2', adviceKind: 'education' }],
    ['advice-received', '2024-03-20', { adviceId: 'a1' }],
    ['advice-received', '2024-04-10', { adviceId: 'a2' }],
    ['final-plan-issued', '2024-05-20', { primaryNeed: 'ASD', settingId: MAINSTREAM }],
    ['annual-review-held', '2025-05-01'],
  ] },
  // B: decided in 48 days (late), exception, plan after 151 days (late), special.
  { child: 'B', dob: '2008-07-15', events: [
    ['request-received', '2024-02-01', { source: 'setting' }],
    ['decision-to-assess', '2024-03-20', { decision: 'assess' }],
    ['exception-recorded', '2024-04-01', { reason: 'exceptional-personal-circumstances' }],
    ['final-plan-issued', '2024-07-01', { primaryNeed: 'SEMH', settingId: SPECIAL }],
  ] },
  // C: refused in 35 days.
  { child: 'C', dob: '2019-01-01', events: [
    ['request-received', '2024-03-01', { source: 'parent' }],
    ['decision-to-assess', '2024-04-05', { decision: 'not-assess' }],
  ] },
  // D: decided in 31 days, exception, plan in 123 days, mainstream, aged 24 at the end of 2024; advice d1 never came.
  { child: 'D', dob: '2000-01-01', events: [
    ['request-received', '2024-05-01', { source: 'young-person' }],
    ['decision-to-assess', '2024-06-01', { decision: 'assess' }],
    ['advice-requested', '2024-06-02', { adviceId: 'd1', adviceKind: 'social-care', receivedOn: '2024-06-05' }],
    ['exception-recorded', '2024-06-10', { reason: 'exceptional-personal-circumstances' }],
    ['final-plan-issued', '2024-09-01', { primaryNeed: 'SLCN', settingId: MAINSTREAM }],
  ] },
  // E: requested late in 2024, decided in 51 days (late) in 2025.
  { child: 'E', dob: '2012-05-05', events: [
    ['request-received', '2024-11-20', { source: 'parent' }],
    ['decision-to-assess', '2025-01-10', { decision: 'assess' }],
  ] },
  // F: plan from 2022 (no request on record), special; reviewed on time in 2023, late in 2024 (due 20 Feb, held 1 Apr).
  { child: 'F', dob: '2010-02-02', events: [
    ['final-plan-issued', '2022-03-01', { primaryNeed: 'MLD', settingId: SPECIAL }],
    ['annual-review-held', '2023-02-20'],
    ['annual-review-held', '2024-04-01'],
  ] },
  // G: aged 28 at the end of 2024: no longer counted, and no reviews counted after 25.
  { child: 'G', dob: '1996-01-01', events: [['final-plan-issued', '2015-01-01', { primaryNeed: 'PD', settingId: SPECIAL }]] },
  // H: plan from June 2023, no setting named, reviewed on time in 2024 (due 15 June, held 10 June).
  { child: 'H', dob: '2015-06-06', events: [
    ['final-plan-issued', '2023-06-15', { primaryNeed: 'PD' }],
    ['annual-review-held', '2024-06-10'],
  ] },
];

export async function insertArea(t: TestDatabase, laCode: string, cases: readonly SyntheticCase[], prefix = laCode): Promise<void> {
  await sql`insert into councils values (${laCode}, ${'E0800' + laCode}, ${'Council ' + laCode}, 'E12000003', 'Yorkshire and The Humber') on conflict do nothing`.execute(t.adminDb);
  for (const [id, kind, name] of [[MAINSTREAM, 'mainstream', 'Hill Primary'], [SPECIAL, 'special', 'Vale Special']] as const) {
    await sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to) values (${laCode}, ${id}, ${name}, '01', ${kind}, 'all-through', 2, 19) on conflict do nothing`.execute(t.adminDb);
  }
  let n = 0;
  for (const c of cases) {
    n += 1;
    const child = await t.adminDb.insertInto('children').values({ la_code: laCode, given_name: c.child, family_name: 'Test', date_of_birth: c.dob }).returning('id').executeTakeFirstOrThrow();
    const kase = await t.adminDb
      .insertInto('cases')
      .values({ la_code: laCode, child_id: child.id, reference: `${prefix}-${n}`, opened_on: c.events[0]![1] })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.adminDb
      .insertInto('case_events')
      .values(c.events.map(([type, on, data], i) => ({ la_code: laCode, case_id: kase.id, seq: i + 1, type, occurred_on: on, data: JSON.stringify(data ?? {}) })))
      .execute();
  }
}
