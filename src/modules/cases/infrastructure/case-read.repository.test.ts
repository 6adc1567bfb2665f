import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWithTenant } from '../../../platform/db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { findCase, findCaseWithNames } from './case-read.repository.ts';

const CASE = '00000000-0000-0000-0000-0000000000c1';
const CHILD = '00000000-0000-0000-0000-0000000000a1';
const ORG = '00000000-0000-0000-0000-00000000000a';
const SETTING = '00000000-0000-0000-0000-00000000000b';
const REQUESTED = '00000000-0000-0000-0000-00000000000c';
const KENT_ORG = '00000000-0000-0000-0000-00000000000d';

describe('reading a case with the names its events refer to', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`insert into councils values ('370','E08000016','Barnsley','E12000003','Y'), ('886','E10000016','Kent','E12000008','SE')`.execute(t.adminDb);
    await sql`insert into organisations (la_code, id, kind, name) values ('370', ${ORG}, 'icb', 'South Yorkshire ICB'), ('886', ${KENT_ORG}, 'icb', 'Kent and Medway ICB')`.execute(t.adminDb);
    await sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to) values
      ('370', ${SETTING}, 'Oakwood Primary', '01', 'mainstream', 'primary', 4, 11), ('370', ${REQUESTED}, 'Greenacre Special', '07', 'special', 'all-through', 4, 19)`.execute(t.adminDb);
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values ('370', ${CHILD}, 'Ada', 'Test', '2015-01-01')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values ('370', ${CASE}, ${CHILD}, 'R1', '2026-01-06')`.execute(t.adminDb);
    const events: Array<[number, string, Record<string, unknown>]> = [
      [1, 'request-received', { source: 'parent' }],
      [2, 'advice-requested', { organisationId: ORG }],
      [3, 'advice-requested', { organisationId: ORG }], // the same id twice: one name
      [4, 'draft-served', { requestedSettingId: REQUESTED, settingId: 'not-a-uuid' }],
      [5, 'final-plan-issued', { settingId: SETTING }],
      [6, 'advice-requested', { organisationId: KENT_ORG }], // another council's organisation: never named
    ];
    for (const [seq, type, data] of events) {
      await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values ('370', ${CASE}, ${seq}, ${type}, '2026-01-06', ${JSON.stringify(data)})`.execute(t.adminDb);
    }
  });
  afterAll(() => t.drop());

  it('names the organisations and settings of this council that the events refer to, in the same read', async () => {
    const found = await readWithTenant(t.db, { laCodes: ['370', '886'] }, (q) => findCaseWithNames(q, CASE));
    expect(Object.fromEntries(found!.names)).toEqual({ [ORG]: 'South Yorkshire ICB', [SETTING]: 'Oakwood Primary', [REQUESTED]: 'Greenacre Special' });
    const plain = await readWithTenant(t.db, { laCodes: ['370'] }, (q) => findCase(q, CASE));
    expect(found!.record).toEqual(plain);
    expect(plain!.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('finds nothing outside the scope, or for an id that is not a UUID', async () => {
    expect(await readWithTenant(t.db, { laCodes: ['886'] }, (q) => findCaseWithNames(q, CASE))).toBeUndefined();
    expect(await readWithTenant(t.db, { laCodes: ['370'] }, (q) => findCaseWithNames(q, 'nope'))).toBeUndefined();
  });
});
