import { sql } from 'kysely';
import type { TestDatabase } from '../../../../test/support/test-database.ts';

/**
 * A small council built by hand for the planning tests. Every expected figure in the tests is
 * worked out on paper from this description, not by the code under test:
 *
 *  Group A (6 children, born 1 March 2015, aged 10 on 31 December 2025): requested 6 January 2025,
 *    decided to assess 3 February (28 days: within 6 weeks), plan issued 5 May (119 days: within
 *    20 weeks), primary need ASD, mainstream school named; placed at the mainstream school since.
 *  Group B (5 children, born 1 January 2012, aged 13): requested 3 February 2025, decided 31 March
 *    (56 days: late), plan issued 4 August (182 days: late), SEMH, special school; placed there.
 *  Group C (2 children, born 1 January 2018): requested 3 March 2025, refused 7 April (35 days).
 *
 *  So for 2025: 13 requests, 2 refused (small: "c"), 8 of 13 decisions within 6 weeks (61.5%),
 *  11 new plans, 6 of 11 within 20 weeks (54.5%), 11 plans in place (6 aged 5–10, 5 aged 11–15;
 *  6 ASD, 5 SEMH; 6 mainstream, 5 special), mainstream share 6 of 11 (54.5%).
 *  Settings: one mainstream (0 places), one special (20 places), one AP (8 places).
 *  AP: 7 placements (children of group A and C): 5 returned to mainstream, 1 moved to special,
 *  1 open (small: "c"); return rate 5 of 6 (83.3%).
 *  A narrative on 20-week timeliness. Council 371 holds a copy of group A that must never count.
 */
export const LA = '370';
export const OTHER_LA = '371';
export const TODAY = '2026-06-30';
// Setting ids are unique across councils, so each council's carry its code.
const settingId = (laCode: string, kind: string): string => `00000000-0000-4000-8000-${laCode}000000${kind}`;
export const MAINSTREAM = settingId(LA, '0a1');
export const SPECIAL = settingId(LA, '0b1');
export const AP = settingId(LA, '0c1');
export const NARRATIVE = 'Vacancies in educational psychology delayed advice in the spring.';

interface Group { n: number; dob: string; events: Array<[string, string, Record<string, unknown>?]>; placedAt?: [string, string] }

const A: Group = { n: 6, dob: '2015-03-01', placedAt: [MAINSTREAM, '2025-05-05'], events: [
  ['request-received', '2025-01-06', { source: 'parent' }],
  ['decision-to-assess', '2025-02-03', { decision: 'assess' }],
  ['final-plan-issued', '2025-05-05', { primaryNeed: 'ASD', settingId: MAINSTREAM }],
] };
const B: Group = { n: 5, dob: '2012-01-01', placedAt: [SPECIAL, '2025-08-04'], events: [
  ['request-received', '2025-02-03', { source: 'setting' }],
  ['decision-to-assess', '2025-03-31', { decision: 'assess' }],
  ['final-plan-issued', '2025-08-04', { primaryNeed: 'SEMH', settingId: SPECIAL }],
] };
const C: Group = { n: 2, dob: '2018-01-01', events: [
  ['request-received', '2025-03-03', { source: 'parent' }],
  ['decision-to-assess', '2025-04-07', { decision: 'not-assess' }],
] };

async function insertGroups(t: TestDatabase, laCode: string, groups: readonly Group[]): Promise<string[]> {
  await sql`insert into councils values (${laCode}, ${'E0800' + laCode}, ${'Council ' + laCode}, 'E12000003', 'Yorkshire and The Humber') on conflict do nothing`.execute(t.adminDb);
  const ids: Record<string, string> = { [MAINSTREAM]: settingId(laCode, '0a1'), [SPECIAL]: settingId(laCode, '0b1'), [AP]: settingId(laCode, '0c1') };
  for (const [id, kind, name, places] of [[MAINSTREAM, 'mainstream', 'Hill Primary', 0], [SPECIAL, 'special', 'Vale Special', 20], [AP, 'alternative-provision', 'Bridge Centre', 8]] as const) {
    await sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to, commissioned_places)
      values (${laCode}, ${ids[id]!}, ${name}, '01', ${kind}, 'all-through', 2, 19, ${places})`.execute(t.adminDb);
  }
  const children: string[] = [];
  let n = 0;
  for (const g of groups) {
    for (let i = 0; i < g.n; i += 1) {
      n += 1;
      const child = await t.adminDb.insertInto('children').values({ la_code: laCode, given_name: `Child${n}`, family_name: 'Test', date_of_birth: g.dob }).returning('id').executeTakeFirstOrThrow();
      children.push(child.id);
      const kase = await t.adminDb.insertInto('cases').values({ la_code: laCode, child_id: child.id, reference: `${laCode}-${n}`, opened_on: g.events[0]![1] }).returning('id').executeTakeFirstOrThrow();
      await t.adminDb.insertInto('case_events')
        .values(g.events.map(([type, on, data], k) => ({
          la_code: laCode, case_id: kase.id, seq: k + 1, type, occurred_on: on,
          data: JSON.stringify(data && typeof data.settingId === 'string' ? { ...data, settingId: ids[data.settingId] } : (data ?? {})),
        })))
        .execute();
      if (g.placedAt) await t.adminDb.insertInto('placements').values({ la_code: laCode, child_id: child.id, setting_id: ids[g.placedAt[0]]!, starts_on: g.placedAt[1] }).execute();
    }
  }
  return children;
}

export async function insertPlanningWorld(t: TestDatabase): Promise<void> {
  const children = await insertGroups(t, LA, [A, B, C]);
  // AP: children 1–5 (group A) returned, child 12 (group C) moved to special, child 13 still there.
  const ap: Array<[string, string | null, string | null]> = [
    ...children.slice(0, 5).map((c): [string, string | null, string | null] => [c, '2024-03-01', 'returned-to-mainstream']),
    [children[11]!, '2025-02-01', 'moved-to-special'],
    [children[12]!, null, null],
  ];
  for (const [childId, endsOn, outcome] of ap) {
    const ref = await sql<{ id: string }>`insert into ap_referrals (la_code, child_id, tier, referred_on, reason) values (${LA}, ${childId}, 2, '2023-12-01', 'Synthetic referral') returning id`.execute(t.adminDb);
    await sql`insert into ap_placements (la_code, referral_id, child_id, setting_id, tier, starts_on, planned_return_on, ends_on, outcome)
      values (${LA}, ${ref.rows[0]!.id}, ${childId}, ${AP}, 2, '2024-01-08', '2024-04-01', ${endsOn}, ${outcome})`.execute(t.adminDb);
  }
  const author = await t.adminDb.insertInto('users').values({ email: 'narrative-author@test.opensend.test', display_name: 'Synthetic Analyst', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
  await t.adminDb.insertInto('insight_narratives').values({
    la_code: LA, indicator_id: 'plans-within-20-weeks', body: NARRATIVE, written_on: '2026-02-10', author_user_id: author.id, author_name: 'Synthetic Analyst', author_role: 'SEND manager',
  }).execute();
  await insertGroups(t, OTHER_LA, [A]);
}
