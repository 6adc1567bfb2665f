import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInEngland } from '../../../platform/calendar/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { caseCalendar } from '../../cases/index.ts';
import { buildDisputeWorld, iso } from '../dispute-test-world.ts';
import { deriveDisputeState } from '../domain/dispute-state.ts';
import { loadDisputes } from '../infrastructure/disputes-read.query.ts';
import { seedDisputes } from './seed-disputes.ts';

const today = todayInEngland(new Date());

describe('seedDisputes', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await buildDisputeWorld(t, today);
    // 40 more plans issued over the last 400 days, so every stage of a dispute has a decision old enough.
    for (let k = 1; k <= 40; k++) {
      const id = `00000000-0000-0000-0000-0000000001${String(k).padStart(2, '0')}`;
      await sql`insert into cases (la_code, id, child_id, reference, opened_on) values ('370', ${id}, '00000000-0000-0000-0000-0000000000a1', ${`EHC-S${k}`}, ${iso(addDays(today, -10 * k - 140))})`.execute(t.adminDb);
      await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values ('370', ${id}, 1, 'final-plan-issued', ${iso(addDays(today, -10 * k))}, '{}')`.execute(t.adminDb);
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('creates disputes at every stage from the seeded decisions, once', async () => {
    const first = await seedDisputes(t.adminUrl, '370', today);
    expect(first.disputes).toBeGreaterThanOrEqual(5);
    const again = await seedDisputes(t.adminUrl, '370', today);
    expect(again).toEqual({ disputes: 0, events: 0 });
    const records = await t.adminDb.transaction().execute((tx) => loadDisputes(tx));
    expect(records).toHaveLength(first.disputes);
    expect(records.reduce((n, r) => n + r.events.length, 0)).toBe(first.events);
    const states = records.map((r) => deriveDisputeState(r.events, { today, calendar: caseCalendar() }));
    expect(states.every((s) => s.problems.length === 0)).toBe(true);
    const stages = new Set(states.map((s) => s.stage));
    for (const stage of ['contact-window', 'mediation', 'appeal', 'complying', 'closed']) expect(stages).toContain(stage);
    expect(states.filter((s) => !s.closed).length).toBeGreaterThan(0);
  });
});
