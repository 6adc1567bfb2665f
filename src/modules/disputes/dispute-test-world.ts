import { sql } from 'kysely';
import { addDays, formatIsoDate, toYearMonthDay, type LocalDate } from '../../platform/calendar/index.ts';
import { addCouncils, addUser } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';

export const CASE = '00000000-0000-0000-0000-0000000000c1';
export const CASE2 = '00000000-0000-0000-0000-0000000000c2';
export const ORG_A = '00000000-0000-0000-0000-0000000000f1';
export const ORG_B = '00000000-0000-0000-0000-0000000000f2';

export const iso = (d: LocalDate) => formatIsoDate(d);
export const dateFields = (d: LocalDate, name = 'date') => {
  const { year, month, day } = toYearMonthDay(d);
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
};

/**
 * Two councils; in 370 a child whose final plan was issued 20 days ago (EHC-1) and another refused
 * an assessment 10 days ago (EHC-2); two mediation services each with a mediator; families for each child.
 */
export async function buildDisputeWorld(t: TestDatabase, today: LocalDate) {
  await addCouncils(t, '370', '886');
  await sql`insert into organisations (la_code, id, kind, name) values ('370', ${ORG_A}, 'mediation-service', 'Riverside Mediation'), ('370', ${ORG_B}, 'mediation-service', 'Hilltop Mediation')`.execute(t.adminDb);
  const users = {
    coordinator: await addUser(t, 'ehc-coordinator', '370'),
    manager: await addUser(t, 'send-manager', '370'),
    kentCoordinator: await addUser(t, 'ehc-coordinator', '886'),
    parent: await addUser(t, 'parent-carer', '370'),
    otherParent: await addUser(t, 'parent-carer', '370'),
    mediatorA: await addUser(t, 'mediator', '370', { organisationId: ORG_A }),
    mediatorB: await addUser(t, 'mediator', '370', { organisationId: ORG_B }),
  };
  await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values
    ('370','00000000-0000-0000-0000-0000000000a1','Ada','Lovelace','2016-05-01'),
    ('370','00000000-0000-0000-0000-0000000000a2','Ben','Other','2016-05-01')`.execute(t.adminDb);
  await sql`insert into family_members values ('370','00000000-0000-0000-0000-0000000000a1',${users.parent.id},'parent'),
    ('370','00000000-0000-0000-0000-0000000000a2',${users.otherParent.id},'parent')`.execute(t.adminDb);
  await sql`insert into cases (la_code, id, child_id, reference, opened_on, caseworker_user_id) values
    ('370', ${CASE}, '00000000-0000-0000-0000-0000000000a1', 'EHC-1', ${iso(addDays(today, -160))}, ${users.coordinator.id}),
    ('370', ${CASE2}, '00000000-0000-0000-0000-0000000000a2', 'EHC-2', ${iso(addDays(today, -40))}, ${users.coordinator.id})`.execute(t.adminDb);
  await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values
    ('370', ${CASE}, 1, 'request-received', ${iso(addDays(today, -160))}, '{"source":"parent"}'),
    ('370', ${CASE}, 2, 'decision-to-assess', ${iso(addDays(today, -130))}, '{"decision":"assess"}'),
    ('370', ${CASE}, 3, 'final-plan-issued', ${iso(addDays(today, -20))}, '{}'),
    ('370', ${CASE2}, 1, 'request-received', ${iso(addDays(today, -40))}, '{"source":"parent"}'),
    ('370', ${CASE2}, 2, 'decision-to-assess', ${iso(addDays(today, -10))}, '{"decision":"not-assess","reasons":["Needs can be met at SEN support"]}')`.execute(t.adminDb);
  return users;
}
