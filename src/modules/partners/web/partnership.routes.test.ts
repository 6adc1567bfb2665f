import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils, addUser, Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { addDays, formatIsoDate, loadEnglandAndWalesCalendar, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { createNotifier } from '../../notify/index.ts';
import { escalate } from '../application/escalate.ts';
import { quarterOf } from '../domain/periods.ts';
import { createPartnersCommand } from '../../../cli/commands/partners.command.ts';

const today = todayInEngland(new Date());
const iso = (n: number) => formatIsoDate(addDays(today, n));

describe('the local SEND partnership (database and routes)', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const org = {} as Record<'icb' | 'care' | 'otherIcb', string>;
  const user = {} as Record<'health' | 'care' | 'manager' | 'otherManager' | 'coordinator' | 'parent', { id: string; email: string }>;
  let seq = 0;

  async function caseWith(name: string, events: Array<{ type: string; on: string; data: Record<string, unknown> }>): Promise<{ caseId: string; childId: string }> {
    const child = await t.adminDb.insertInto('children').values({ la_code: '370', given_name: name, family_name: 'Test', date_of_birth: '2016-02-01' }).returning('id').executeTakeFirstOrThrow();
    const c = await t.adminDb.insertInto('cases').values({ la_code: '370', child_id: child.id, reference: `EHC-370-${String(++seq).padStart(6, '0')}`, opened_on: events[0]!.on, caseworker_user_id: null }).returning('id').executeTakeFirstOrThrow();
    let n = 0;
    for (const e of events) await t.adminDb.insertInto('case_events').values({ la_code: '370', case_id: c.id, seq: ++n, type: e.type, occurred_on: e.on, actor_user_id: null, data: JSON.stringify(e.data) }).execute();
    return { caseId: c.id, childId: child.id };
  }
  const adviceCase = (name: string, orgId: string, askedOn: string, receivedOn?: string) =>
    caseWith(name, [
      { type: 'request-received', on: formatIsoDate(addDays(parseLocalDate(askedOn), -40)), data: { source: 'parent' } },
      { type: 'advice-requested', on: askedOn, data: { adviceId: `a-${name}`, adviceKind: 'health', organisationId: orgId } },
      ...(receivedOn ? [{ type: 'advice-received', on: receivedOn, data: { adviceId: `a-${name}` } }] : []),
    ]);

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '371');
    app = await createTestApp(t);
    const add = async (la: string, kind: string, name: string) => (await t.adminDb.insertInto('organisations').values({ la_code: la, kind, name }).returning('id').executeTakeFirstOrThrow()).id;
    org.icb = await add('370', 'icb', 'Test ICB');
    org.care = await add('370', 'social-care', 'Test Social Care');
    org.otherIcb = await add('371', 'icb', 'Other council ICB');
    user.health = await addUser(t, 'health-partner', '370', { organisationId: org.icb });
    user.care = await addUser(t, 'social-care-partner', '370', { organisationId: org.care });
    user.manager = await addUser(t, 'send-manager', '370');
    user.otherManager = await addUser(t, 'send-manager', '371');
    user.coordinator = await addUser(t, 'ehc-coordinator', '370');
    user.parent = await addUser(t, 'parent-carer', '370');
    await t.adminDb.insertInto('partner_officers').values([
      { la_code: '370', organisation_id: org.icb, role: 'dco', name: 'Dee Coe', email: 'dco@icb.test', team: null },
      { la_code: '370', organisation_id: org.icb, role: 'senior-manager', name: 'Sam Senior', email: 'director@icb.test', team: null },
    ]).execute();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('a partner missing a deadline climbs the ladder on the clock, each step once, with messages through the outbox', async () => {
    // Asked 6 January 2026: due 17 February (reg 8: within 6 weeks).
    await adviceCase('Climber', org.icb, '2026-01-06');
    const deps = { db: t.db, notifier: createNotifier(t.db), calendar: loadEnglandAndWalesCalendar(process.cwd()), publicUrl: 'http://localhost' };
    const run = async (day: string) => (await escalate(deps, '370', parseLocalDate(day))).taken.filter((s) => s.obligationKey.includes('a-Climber')).map((s) => s.step);
    expect(await run('2026-02-09')).toEqual([]);
    expect(await run('2026-02-10')).toEqual(['reminder']);
    expect(await run('2026-02-10')).toEqual([]); // running again the same day takes nothing twice
    expect(await run('2026-02-17')).toEqual([]);
    expect(await run('2026-02-18')).toEqual(['designated-officer']);
    expect(await run('2026-03-04')).toEqual(['senior-manager']);
    expect(await run('2026-03-18')).toEqual(['partnership-board']);
    const steps = await t.adminDb.selectFrom('partner_escalations').select(['step', 'stepped_on', 'due_on', 'notified']).where('obligation_key', 'like', '%a-Climber').orderBy('stepped_on').execute();
    expect(steps).toEqual([
      { step: 'reminder', stepped_on: '2026-02-10', due_on: '2026-02-17', notified: 1 },
      { step: 'designated-officer', stepped_on: '2026-02-18', due_on: '2026-02-17', notified: 1 },
      { step: 'senior-manager', stepped_on: '2026-03-04', due_on: '2026-02-17', notified: 1 },
      { step: 'partnership-board', stepped_on: '2026-03-18', due_on: '2026-02-17', notified: 1 }, // the council's SEND manager, not the other council's
    ]);
    const outbox = await t.adminDb.selectFrom('outbox').select(['recipient', 'template', 'subject']).where('template', 'in', ['partner-reminder', 'partner-escalation']).where('body', 'like', '%EHC-370-000001%').execute();
    expect(outbox.map((m) => m.recipient).sort()).toEqual(['dco@icb.test', 'director@icb.test', user.health.email, user.manager.email].sort());
    expect(outbox.find((m) => m.recipient === 'director@icb.test')!.subject).toBe('Overdue by 15 days: Advice for an EHC needs assessment from Test ICB');
    // The record is append-only for the application.
    await expect(sql`update partner_escalations set step = 'reminder'`.execute(t.db)).rejects.toThrow(/permission denied/);
  });

  it('runs from the command line with --today, and refuses a wrong call', async () => {
    await adviceCase('Cli', org.care, '2026-03-02'); // due 13 April 2026
    const out: string[] = [];
    const io = { stdin: process.stdin, stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s), cwd: process.cwd(), env: {} };
    const command = createPartnersCommand(async () => ({ db: t.db, publicUrl: 'http://localhost', close: async () => undefined }));
    expect(await command(['escalate', '--la', '370', '--today', '2026-04-14'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Council 370 \(370\), 2026-04-14: \d+ escalation steps? taken/);
    expect(out.join('\n')).toMatch(/designated-officer\s+\d+/);
    await expect(command(['escalate', '--la', '370', '--today', '2026-02-30'], io)).rejects.toThrow(/real date/);
    await expect(command(['escalate'], io)).rejects.toThrow(/missing --la/);
  });

  it('scorecard figures agree with an independent count in plain SQL', async () => {
    // Advice due in last quarter and this one, on time, late and never sent, for two partners.
    const q = quarterOf(addDays(quarterOf(today).from, -1));
    const asked = (dueOffset: number) => formatIsoDate(addDays(q.from, dueOffset - 42));
    const received = (dueOffset: number, late: number) => formatIsoDate(addDays(q.from, dueOffset + late));
    await adviceCase('OnTime1', org.icb, asked(5), received(5, -3));
    await adviceCase('OnTime2', org.icb, asked(20), received(20, 0));
    await adviceCase('Late1', org.icb, asked(30), received(30, 9));
    await adviceCase('Late2', org.icb, asked(40), received(40, 25));
    await adviceCase('Never', org.icb, asked(50));
    await adviceCase('Care1', org.care, asked(10), received(10, 2));
    const exception = await adviceCase('Excused', org.icb, asked(12));
    await t.adminDb.insertInto('case_events').values({ la_code: '370', case_id: exception.caseId, seq: 3, type: 'exception-recorded', occurred_on: asked(15), actor_user_id: null, data: JSON.stringify({ reason: 'exceptional-personal-circumstances' }) }).execute();

    const manager = new Agent(app);
    await manager.signIn(user.manager.email);
    const csv = await manager.get(`/partnership/scorecard.csv?period=${q.key}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n').map((l) => l.split(','));
    const header = lines[0]!;
    const row = (name: string) => Object.fromEntries(header.map((h, i) => [h, lines.find((l) => l[1] === name)![i]]));

    // Independent count: due = asked + 42 days (reg 8), counted when due in the quarter and either
    // sent or past due; on time when sent on or before the due date; cases with an exception left out.
    const { rows } = await sql<{ org: string; due: number; on_time: number; late_days: number[] }>`
      with asked as (
        select e.la_code, e.case_id, e.data->>'adviceId' as advice_id, e.data->>'organisationId' as org, e.occurred_on + 42 as due
        from case_events e where e.type = 'advice-requested'
          and not exists (select 1 from case_events x where x.case_id = e.case_id and x.type = 'exception-recorded')),
      answered as (
        select a.*, (select min(r.occurred_on) from case_events r where r.case_id = a.case_id and r.type = 'advice-received' and r.data->>'adviceId' = a.advice_id) as sent
        from asked a)
      select org, count(*)::int as due, count(*) filter (where sent <= due)::int as on_time,
        array_agg(coalesce(sent, ${formatIsoDate(today)}::date) - due order by coalesce(sent, ${formatIsoDate(today)}::date) - due) filter (where sent is null or sent > due) as late_days
      from answered where due between ${q.fromIso}::date and ${q.toIso}::date and (sent is not null or due < ${formatIsoDate(today)}::date)
      group by org`.execute(t.adminDb);
    const icb = rows.find((r) => r.org === org.icb)!;
    expect(icb.due).toBe(5); // hand count: OnTime1, OnTime2, Late1, Late2, Never
    expect(icb.on_time).toBe(2);
    expect(row('Test ICB').advice_due).toBe(String(icb.due));
    expect(row('Test ICB').advice_on_time).toBe(String(icb.on_time));
    expect(row('Test ICB').advice_on_time_percent).toBe('40');
    const lateDays = icb.late_days;
    expect(row('Test ICB').median_days_late).toBe(String(lateDays[Math.floor(lateDays.length / 2)])); // three late: the middle one
    expect(row('Test Social Care').advice_due).toBe(String(rows.find((r) => r.org === org.care)!.due));
    expect(row('All partners').advice_due).toBe(String(rows.reduce((n, r) => n + (r.org === org.otherIcb ? 0 : r.due), 0)));
  });

  it('a commitment the family reports as not delivered appears on the scorecard and the board', async () => {
    const { caseId, childId } = await caseWith('Provided', [{ type: 'request-received', on: iso(-200), data: { source: 'parent' } }]);
    await t.adminDb.insertInto('family_members').values({ la_code: '370', child_id: childId, user_id: user.parent.id, relationship: 'parent' }).execute();
    const c = await t.adminDb.insertInto('partner_commitments').values({ la_code: '370', organisation_id: org.icb, case_id: caseId, section: 'G', provision: 'Speech and language therapy, 6 sessions a term', committed_on: iso(-60) }).returning('id').executeTakeFirstOrThrow();

    const family = new Agent(app);
    await family.signIn(user.parent.email);
    const page = await family.get('/family/provision');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Speech and language therapy, 6 sessions a term');
    const csrf = await family.csrf('/family/provision');
    const empty = await family.post(`/family/provision/370/${c.id}`, { note: '', version: '0' }, { csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    const reported = await family.post(`/family/provision/370/${c.id}`, { note: 'No sessions since half term.', version: '0' }, { csrf });
    expect(reported.statusCode).toBe(303);
    const stale = await family.post(`/family/provision/370/${c.id}`, { note: 'Again.', version: '0' }, { csrf });
    expect(stale.statusCode).toBe(409);

    const manager = new Agent(app);
    await manager.signIn(user.manager.email);
    const csv = await manager.get('/partnership/scorecard.csv');
    const lines = csv.body.trim().split('\r\n').map((l) => l.split(','));
    const col = lines[0]!.indexOf('commitments_not_delivered');
    const counted = await t.adminDb.selectFrom('partner_commitments as p').select(sql<number>`count(*)::int`.as('n'))
      .where('p.organisation_id', '=', org.icb)
      .where(sql<boolean>`(select type from partner_commitment_events e where e.commitment_id = p.id order by seq desc limit 1) in ('not-delivered', 'family-reported')`).executeTakeFirstOrThrow();
    expect(counted.n).toBe(1);
    expect(lines.find((l) => l[1] === 'Test ICB')![col]).toBe('1');
    const board = await manager.get('/partnership');
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain('Family reports not delivered');
    expect(board.body).toContain('Speech and language therapy, 6 sessions a term');

    // The partner sees the family's word and answers it.
    const health = new Agent(app);
    await health.signIn(user.health.email);
    const tray = await health.get('/work-tray');
    expect(tray.body).toContain('The family says: No sessions since half term.');
    const update = await health.post(`/work-tray/commitments/370/${c.id}`, { status: 'started', note: 'Sessions restart Monday', version: '1' }, { csrf: await health.csrf('/work-tray') });
    expect(update.statusCode).toBe(303);
    const bad = await health.post(`/work-tray/commitments/370/${c.id}`, { status: 'finished', version: '2' }, { csrf: await health.csrf('/work-tray') });
    expect(bad.statusCode).toBe(400);
    const audits = await t.adminDb.selectFrom('audit_events').select(['action', 'record_type']).where('child_id', '=', childId).execute();
    expect(audits).toEqual(expect.arrayContaining([{ action: 'view', record_type: 'partner-commitments' }, { action: 'create', record_type: 'partner-commitment-report' }, { action: 'update', record_type: 'partner-commitment' }]));
  });

  it('formal notices: the council issues, the partner responds once, the board sees both', async () => {
    const manager = new Agent(app);
    await manager.signIn(user.manager.email);
    const csrf = await manager.csrf(`/partnership/partners/${org.icb}`);
    const invalid = await manager.post(`/partnership/partners/${org.icb}/notices`, { subject: '', body: 'x', days: 'soon', obligationKey: '' }, { csrf });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Enter what the notice is about');
    expect(invalid.body).toContain('value="soon"');
    const issued = await manager.post(`/partnership/partners/${org.icb}/notices`, { subject: 'Advice is late', body: 'Health advice is late on three cases.', days: '14', obligationKey: '' }, { csrf });
    expect(issued.statusCode).toBe(303);
    expect(issued.headers.location).toMatch(/sent=PN-370-0001$/);
    const notice = await t.adminDb.selectFrom('partner_notices').select('id').where('reference', '=', 'PN-370-0001').executeTakeFirstOrThrow();
    expect(await t.adminDb.selectFrom('outbox').select('recipient').where('template', '=', 'partner-notice').execute()).toHaveLength(3);

    const health = new Agent(app);
    await health.signIn(user.health.email);
    expect((await health.get('/work-tray')).body).toContain('PN-370-0001: Advice is late');
    const hcsrf = await health.csrf(`/work-tray/notices/370/${notice.id}`);
    expect((await health.post(`/work-tray/notices/370/${notice.id}`, { response: '' }, { csrf: hcsrf })).statusCode).toBe(400);
    expect((await health.post(`/work-tray/notices/370/${notice.id}`, { response: 'Two clinicians start next month.' }, { csrf: hcsrf })).statusCode).toBe(303);
    expect((await health.post(`/work-tray/notices/370/${notice.id}`, { response: 'Changed our mind.' }, { csrf: hcsrf })).statusCode).toBe(409);
    const care = new Agent(app);
    await care.signIn(user.care.email);
    expect((await care.get(`/work-tray/notices/370/${notice.id}`)).statusCode).toBe(404);
    const page = await manager.get(`/partnership/partners/${org.icb}`);
    expect(page.body).toContain('Two clinicians start next month.');
    await expect(sql`delete from partner_notice_responses`.execute(t.db)).rejects.toThrow(/permission denied/);
  });

  it('ladders are configurable per duty, with optimistic versions and form errors', async () => {
    const manager = new Agent(app);
    await manager.signIn(user.manager.email);
    const csrf = await manager.csrf('/partnership/duties');
    const page = await manager.get('/partnership/duties');
    expect(page.body).toContain('SEND Regulations 2014, reg 6(1) (who is asked) and reg 8(1) (within 6 weeks)');
    const backwards = await manager.post('/partnership/duties/advice/ladder', { reminder: '-7', 'designated-officer': '20', 'senior-manager': '10', 'partnership-board': '30', version: '0' }, { csrf });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('must come on or after');
    expect((await manager.post('/partnership/duties/advice/ladder', { reminder: '-10', 'designated-officer': '3', 'senior-manager': '10', 'partnership-board': '21', version: '0' }, { csrf })).statusCode).toBe(303);
    expect((await manager.post('/partnership/duties/advice/ladder', { reminder: '-5', 'designated-officer': '3', 'senior-manager': '10', 'partnership-board': '21', version: '0' }, { csrf })).statusCode).toBe(409);
    expect((await manager.post('/partnership/duties/unknown-duty/ladder', { reminder: '1', version: '0' }, { csrf })).statusCode).toBe(404);
    const local = await manager.post('/partnership/duties', { id: 'therapy-report', name: 'Send a therapy report', periodDays: '14', source: 'Agreement clause 4.2' }, { csrf });
    expect(local.statusCode).toBe(303);
    expect((await manager.get('/partnership/duties')).body).toContain('Send a therapy report (local)');
  });

  it('a caseworker records provision committed in Section G, and it reaches the partner tray on its clock', async () => {
    const { caseId } = await caseWith('Recorded', [{ type: 'request-received', on: iso(-300), data: { source: 'parent' } }]);
    const reference = (await t.adminDb.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference;
    const coordinator = new Agent(app);
    await coordinator.signIn(user.coordinator.email);
    const csrf = await coordinator.csrf('/partnership/record');
    const [y, m, d] = iso(-40).split('-');
    const bad = await coordinator.post('/partnership/record', { reference: 'EHC-370-999999', kind: 'G', organisationId: org.icb, text: 'Physiotherapy every 8 weeks', 'date-day': '31', 'date-month': '2', 'date-year': '2026' }, { csrf });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a real date');
    expect(bad.body).toContain('Physiotherapy every 8 weeks');
    const wrongPartner = await coordinator.post('/partnership/record', { reference, kind: 'G', organisationId: org.care, text: 'Physiotherapy every 8 weeks', 'date-day': d!, 'date-month': m!, 'date-year': y! }, { csrf });
    expect(wrongPartner.statusCode).toBe(400);
    expect(wrongPartner.body).toContain('committed by the integrated care board');
    const ok = await coordinator.post('/partnership/record', { reference, kind: 'G', organisationId: org.icb, text: 'Physiotherapy every 8 weeks', 'date-day': d!, 'date-month': m!, 'date-year': y! }, { csrf });
    expect(ok.statusCode).toBe(303);
    const asked = await coordinator.post('/partnership/record', { reference, kind: 'review-advice', organisationId: org.care, text: 'Advice for the annual review', 'date-day': d!, 'date-month': m!, 'date-year': y! }, { csrf });
    expect(asked.statusCode).toBe(303);
    const health = new Agent(app);
    await health.signIn(user.health.email);
    const tray = (await health.get('/work-tray')).body;
    expect(tray).toContain('Physiotherapy every 8 weeks');
    const care = new Agent(app);
    await care.signIn(user.care.email);
    const careTray = (await care.get('/work-tray')).body;
    expect(careTray).toContain('Advice for an annual review');
    expect(careTray).toContain('govuk-tag--red'); // the meeting was 40 days ago: overdue
  });

  it('per user: a partner takes a piece of work, sees it in their own tray, and the reminder comes to them alone', async () => {
    const colleague = await addUser(t, 'health-partner', '370', { organisationId: org.icb });
    const { caseId } = await adviceCase('Taken', org.icb, '2026-05-04'); // due 15 June 2026
    const key = `advice:${caseId}:a-Taken`;
    const health = new Agent(app);
    await health.signIn(user.health.email);
    const csrf = await health.csrf('/work-tray');
    expect((await health.post('/work-tray/assign', { laCode: '370', key: 'advice:nonsense', take: 'maybe' }, { csrf })).statusCode).toBe(400);
    expect((await health.post('/work-tray/assign', { laCode: '370', key: `advice:${caseId}:not-asked`, take: '1' }, { csrf })).statusCode).toBe(404);
    expect((await health.post('/work-tray/assign', { laCode: '370', key, take: '1', mine: '1' }, { csrf })).headers.location).toBe('/work-tray?updated=assigned&mine=1');
    const mine = (await health.get('/work-tray?mine=1')).body;
    expect(mine).toContain('Taken Test');
    expect(mine).not.toContain('Climber Test');
    const other = new Agent(app);
    await other.signIn(colleague.email);
    expect((await other.get('/work-tray?mine=1')).body).not.toContain('Taken Test');
    const deps = { db: t.db, notifier: createNotifier(t.db), calendar: loadEnglandAndWalesCalendar(process.cwd()), publicUrl: 'http://localhost' };
    await escalate(deps, '370', parseLocalDate('2026-06-08'));
    const reminders = await t.adminDb.selectFrom('outbox').select('recipient').where('template', '=', 'partner-reminder').where('body', 'like', `%${(await t.adminDb.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference}%`).execute();
    expect(reminders.map((r) => r.recipient)).toEqual([user.health.email]);
  });

  it('keeps each role and council to its own: board for SEND managers only, other councils unseen', async () => {
    const coordinator = new Agent(app);
    await coordinator.signIn(user.coordinator.email);
    expect((await coordinator.get('/partnership')).statusCode).toBe(403);
    const health = new Agent(app);
    await health.signIn(user.health.email);
    expect((await health.get('/partnership')).statusCode).toBe(403);
    const other = new Agent(app);
    await other.signIn(user.otherManager.email);
    expect((await other.get(`/partnership/partners/${org.icb}`)).statusCode).toBe(404);
    const board = await other.get('/partnership');
    expect(board.statusCode).toBe(200);
    expect(board.body).not.toContain('Test ICB');
    expect((await other.get('/partnership?period=nonsense')).statusCode).toBe(200);
    expect((await other.get('/partnership/board-pack')).body).toContain('/partnership/print.css');
  });
});
