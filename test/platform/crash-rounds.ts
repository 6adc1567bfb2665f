import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { addDays, formatIsoDate, todayInEngland, toYearMonthDay } from '../../src/platform/calendar/index.ts';
import { createDb, type Db } from '../../src/platform/db/connection.ts';
import { addCouncils, addUser, TEST_PASSWORD } from '../support/test-app.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { Client, postmasterPid, Service } from './crash-service.ts';

/**
 * Nothing lost: the service runs as a real process; several signed-in writers record steps on their
 * own cases through HTTP as fast as they can; the process is SIGKILLed mid-stream; it is started
 * again and we check that every write the service acknowledged (303 received) is there and that no
 * write is half done: a case's version, its events, its deadline projection and its audit events
 * are always written together or not at all. On the embedded database every other round also
 * SIGKILLs the orphaned PostgreSQL, so the next start must recover it from its write-ahead log.
 */
export const ROUNDS = 10;
const WRITERS = 4;
export const SESSION_SECRET = 'crash-test-session-secret-0123456789abcdef';

interface Ack {
  caseId: string;
  note: string;
}

async function seedCases(adminDb: Db, n: number): Promise<{ email: string; caseIds: string[] }> {
  const t = { adminDb } as unknown as TestDatabase;
  await addCouncils(t, '370');
  const user = await addUser(t, 'ehc-coordinator', '370');
  const opened = formatIsoDate(addDays(todayInEngland(new Date()), -30));
  const caseIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const childId = randomUUID();
    const caseId = randomUUID();
    await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values ('370', ${childId}, 'Crash', ${`Writer ${i}`}, '2016-05-01')`.execute(adminDb);
    await sql`insert into cases (la_code, id, child_id, reference, opened_on, caseworker_user_id) values ('370', ${caseId}, ${childId}, ${`CRASH-${i}`}, ${opened}, ${user.id})`.execute(adminDb);
    await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values ('370', ${caseId}, 1, 'request-received', ${opened}, '{"source":"parent"}')`.execute(adminDb);
    caseIds.push(caseId);
  }
  return { email: user.email, caseIds };
}

/** One writer: record an exception with a unique note, again and again, until the service dies. */
async function writer(client: Client, caseId: string, tag: string, acks: Ack[], dead: { v: boolean }): Promise<{ unexpected?: string }> {
  const { year, month, day } = toYearMonthDay(addDays(todayInEngland(new Date()), -1));
  for (let n = 0; ; n++) {
    try {
      const form = await client.get(`/cases/${caseId}/steps/exception`);
      if (form.status !== 200) return { unexpected: `GET form ${form.status}` };
      const note = `${tag}-${n}`;
      const res = await client.post(`/cases/${caseId}/steps/exception`, {
        _csrf: Client.hidden(form.body, '_csrf'), version: Client.hidden(form.body, 'version'),
        reason: 'absent-from-area', note, 'date-day': String(day), 'date-month': String(month), 'date-year': String(year),
      });
      if (res.status === 303) acks.push({ caseId, note });
      else if (res.status !== 409) return { unexpected: `POST ${res.status}` };
    } catch (e) {
      if (dead.v) return {};
      return { unexpected: (e as Error).message };
    }
  }
}

interface Check {
  lost: Ack[];
  halfWritten: string[];
  committed: number;
}

async function check(adminDb: Db, acks: Ack[]): Promise<Check> {
  const notes = await sql<{ case_id: string; note: string }>`select case_id, data->>'note' as note from case_events where type = 'exception-recorded'`.execute(adminDb);
  const present = new Set(notes.rows.map((r) => `${r.case_id}/${r.note}`));
  const lost = acks.filter((a) => !present.has(`${a.caseId}/${a.note}`));
  const halfWritten: string[] = [];
  if (present.size !== notes.rows.length) halfWritten.push('a note was written twice');
  const cases = await sql<{ id: string; version: number; events: number; projected: number | null; audits: number }>`
    select c.id, c.version,
      (select count(*)::int from case_events e where e.la_code = c.la_code and e.case_id = c.id) as events,
      (select projected_version from case_deadlines d where d.la_code = c.la_code and d.case_id = c.id) as projected,
      (select count(*)::int from audit_events a where a.la_code = c.la_code and a.record_type = 'case' and a.action = 'update' and a.record_id = c.id::text) as audits
    from cases c where c.la_code = '370'`.execute(adminDb);
  for (const c of cases.rows) {
    // Each acknowledged or not-yet-acknowledged write bumps the version, appends one event, rewrites
    // the projection and writes one audit event, in one transaction.
    if (c.version !== c.events) halfWritten.push(`case ${c.id}: version ${c.version} but ${c.events} events`);
    if (c.version > 1 && c.projected !== c.version) halfWritten.push(`case ${c.id}: projection at version ${c.projected}, case at ${c.version}`);
    if (c.audits !== c.events - 1) halfWritten.push(`case ${c.id}: ${c.events - 1} changes but ${c.audits} audit events`);
  }
  return { lost, halfWritten, committed: notes.rows.length };
}

export async function crashRounds(label: string, opts: { startEnv: () => Record<string, string>; adminUrl: () => string; alsoKillPostgres?: (round: number) => boolean; dataDir?: string }) {
  const acks: Ack[] = [];
  let service = await Service.start(opts.startEnv());
  const { db: adminDb } = createDb(opts.adminUrl(), { max: 2 });
  const started = Date.now();
  let postgresKills = 0;
  try {
    const { email, caseIds } = await seedCases(adminDb, WRITERS);
    // One sign-in for the whole test: the session lives in PostgreSQL, so it survives every crash.
    const client = new Client(service.baseUrl);
    await client.signIn(email, TEST_PASSWORD);
    for (let round = 1; round <= ROUNDS; round++) {
      const dead = { v: false };
      const before = acks.length;
      const writers = caseIds.map((id, i) => writer(client, id, `r${round}w${i}`, acks, dead));
      // Kill at a random moment once writes are flowing: mid-request, mid-transaction, mid-commit.
      while (acks.length - before < 3) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 600));
      dead.v = true;
      await service.kill();
      const outcomes = await Promise.all(writers);
      expect(outcomes.filter((o) => o.unexpected)).toEqual([]);
      if (opts.dataDir && opts.alsoKillPostgres?.(round)) {
        const pid = postmasterPid(opts.dataDir);
        if (pid) {
          process.kill(pid, 'SIGKILL');
          postgresKills++;
          while (postmasterPid(opts.dataDir) === pid) await new Promise((r) => setTimeout(r, 50));
        }
      }
      service = await Service.start(opts.startEnv());
      const result = await check(adminDb, acks);
      expect(result.lost, `round ${round}: acknowledged writes lost`).toEqual([]);
      expect(result.halfWritten, `round ${round}: half-written changes`).toEqual([]);
    }
    const final = await check(adminDb, acks);
    console.log(
      `crash test (${label}): ${ROUNDS} rounds of SIGKILL, ${WRITERS} concurrent writers, ${acks.length} acknowledged writes, ` +
        `${final.committed} committed (${final.committed - acks.length} committed without an answer), ` +
        `${postgresKills} PostgreSQL kills, acknowledged writes lost = ${final.lost.length}, half-written changes = ${final.halfWritten.length}, ` +
        `${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(final.lost.length).toBe(0);
    expect(acks.length).toBeGreaterThan(ROUNDS * 3);
  } finally {
    await adminDb.destroy();
    await service.stop();
  }
}

