import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addDays, todayInEngland, toYearMonthDay } from '../../src/platform/calendar/index.ts';
import { addCouncils, addUser, Agent, createTestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * No lost updates: two people submit a change drawn from the same version of a record at the same
 * moment. Exactly one succeeds; the other is told someone else changed it and nothing of theirs is
 * written over the first. Raced many times, through the real routes, concurrently.
 */
const CHILD = '00000000-0000-0000-0000-0000000000a1';
const CASE = '00000000-0000-0000-0000-0000000000c1';
const RACES = 20;

describe('concurrent edits of the same record never lose an update', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let alice: Agent;
  let bob: Agent;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370');
    const a = await addUser(t, 'send-manager', '370');
    const b = await addUser(t, 'send-manager', '370');
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values ('370', ${CHILD}, 'Race', 'Condition', '2016-05-01')`.execute(t.adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on) values ('370', ${CASE}, ${CHILD}, 'EHC-RACE', '2026-01-05')`.execute(t.adminDb);
    await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values ('370', ${CASE}, 1, 'request-received', '2026-01-05', '{"source":"parent"}')`.execute(t.adminDb);
    app = await createTestApp(t);
    alice = new Agent(app);
    bob = new Agent(app);
    await alice.signIn(a.email);
    await bob.signIn(b.email);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it(`case steps: ${RACES} races of two writers holding the same version, one wins each time, nothing lost`, async () => {
    const { year, month, day } = toYearMonthDay(addDays(todayInEngland(new Date()), -1));
    const date = { 'date-day': String(day), 'date-month': String(month), 'date-year': String(year) };
    const hidden = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)![1]!;
    const winners: string[] = [];
    for (let race = 0; race < RACES; race++) {
      const [fa, fb] = await Promise.all([alice.get(`/cases/${CASE}/steps/exception`), bob.get(`/cases/${CASE}/steps/exception`)]);
      expect(hidden(fa.body, 'version')).toBe(hidden(fb.body, 'version'));
      const submit = (agent: Agent, form: string, who: string) =>
        agent.post(`/cases/${CASE}/steps/exception`, { version: hidden(form, 'version'), reason: 'absent-from-area', note: `${who}-${race}`, ...date }, { csrf: hidden(form, '_csrf') });
      const [ra, rb] = await Promise.all([submit(alice, fa.body, 'alice'), submit(bob, fb.body, 'bob')]);
      expect([ra.statusCode, rb.statusCode].sort()).toEqual([303, 409]);
      const loser = ra.statusCode === 409 ? ra : rb;
      expect(loser.body).toContain('Someone else updated this case while you were working on it');
      // The loser's typed note comes back to them, not silently dropped.
      expect(loser.body).toContain(ra.statusCode === 409 ? `alice-${race}` : `bob-${race}`);
      winners.push(ra.statusCode === 303 ? `alice-${race}` : `bob-${race}`);
    }
    const notes = await sql<{ note: string }>`select data->>'note' as note from case_events where case_id = ${CASE} and type = 'exception-recorded' order by seq`.execute(t.adminDb);
    expect(notes.rows.map((r) => r.note)).toEqual(winners);
    const c = await sql<{ version: number }>`select version from cases where id = ${CASE}`.execute(t.adminDb);
    expect(c.rows[0]!.version).toBe(1 + RACES);
    console.log(`concurrent edits: ${RACES} races, ${RACES} winners, ${RACES} conflicts reported, lost updates = 0`);
  });

  it('retention periods: two administrators saving from the same version, one wins, the other gets a conflict', async () => {
    const [pa, pb] = await Promise.all([alice.get('/admin/records'), bob.get('/admin/records')]);
    const form = (body: string) => {
      const m = /action="\/admin\/records\/rules\/documents"[\s\S]*?name="_csrf" value="([^"]+)"[\s\S]*?name="version" value="(\d+)"/.exec(body)!;
      return { csrf: m[1]!, version: m[2]! };
    };
    const a = form(pa.body);
    const b = form(pb.body);
    expect(a.version).toBe(b.version);
    const [ra, rb] = await Promise.all([
      alice.post('/admin/records/rules/documents', { version: a.version, 'years-documents': '20' }, { csrf: a.csrf }),
      bob.post('/admin/records/rules/documents', { version: b.version, 'years-documents': '40' }, { csrf: b.csrf }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([303, 409]);
    const rule = await sql<{ years_after_birth: number; version: number }>`select years_after_birth, version from retention_rules where la_code = '370' and record_type = 'documents'`.execute(t.adminDb);
    expect(rule.rows[0]).toEqual({ years_after_birth: ra.statusCode === 303 ? 20 : 40, version: 1 });
  });
});
