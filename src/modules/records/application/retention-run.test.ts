import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { addCouncils, addUser } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { KEPT_TABLES, loadChildDataMap } from '../infrastructure/child-data-map.ts';
import { countEveryTable, seedChildEverywhere, type SeededChild } from '../records-test-world.ts';
import { runRetention } from './retention-run.ts';
import { subjectAccessBundle } from './subject-access.ts';

const TODAY = parseLocalDate('2026-06-01');
const SETTING = '00000000-0000-0000-0000-0000000000e1';
const SETTING_886 = '00000000-0000-0000-0000-0000000000e2';

describe('retention: the deletion job and subject access', () => {
  let t: TestDatabase;
  let due: SeededChild;
  let held: SeededChild;
  let young: SeededChild;
  let docsOnly: SeededChild;
  let otherCouncil: SeededChild;

  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    const user = await addUser(t, 'ehc-coordinator', '370');
    const user886 = await addUser(t, 'ehc-coordinator', '886');
    await sql`insert into settings (la_code, id, name, gias_type_code, kind, phase, age_from, age_to) values
      ('370', ${SETTING}, 'Synthetic School', '01', 'mainstream', 'Primary', 4, 11), ('886', ${SETTING_886}, 'Other School', '01', 'mainstream', 'Primary', 4, 11)`.execute(t.adminDb);
    const seed = (la: string, dateOfBirth: string, reference: string, u = user, setting = SETTING, otherLa = '886') =>
      seedChildEverywhere(t, la, { dateOfBirth, reference, userId: u.id, settingId: setting, otherLa });
    due = await seed('370', '1995-03-01', 'EHC-DUE'); // 31 years on 2026-03-01: due
    held = await seed('370', '1990-03-01', 'EHC-HELD'); // due, but under a legal hold
    young = await seed('370', '2012-01-01', 'EHC-DUE-2'); // not due; its reference contains the due one's
    docsOnly = await seed('370', '2000-01-01', 'EHC-DOCS'); // documents due at 25 years, record not until 2031
    otherCouncil = await seed('886', '1990-03-01', 'EHC-OTHER', user886, SETTING_886, '370'); // due, but another council
    await sql`insert into legal_holds (la_code, child_id, reason, placed_by) values ('370', ${held.childId}, 'Tribunal appeal pending', ${user.id})`.execute(t.adminDb);
    await sql`insert into retention_rules (la_code, record_type, years_after_birth) values ('370', 'documents', 25)`.execute(t.adminDb);
  });
  afterAll(() => t.drop());

  it('covers every table with a child_id or case_id column, and every table whose foreign key reaches a child', async () => {
    const map = await loadChildDataMap(t.adminDb);
    const covered = new Set([...map.tables.map((x) => x.table), ...Object.keys(KEPT_TABLES)]);
    const linked = await sql<{ table_name: string }>`select distinct table_name from information_schema.columns
      where table_schema = 'public' and column_name in ('child_id', 'case_id')`.execute(t.adminDb);
    expect(linked.rows.length).toBeGreaterThan(10);
    for (const { table_name } of linked.rows) expect(covered, `table ${table_name} holds child data but the deletion job does not cover it`).toContain(table_name);
    const fkToChild = await sql<{ table: string }>`select distinct c.relname as table from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid where k.contype = 'f' and p.relname in ('children', 'cases')`.execute(t.adminDb);
    for (const { table } of fkToChild.rows) expect(covered).toContain(table);
    // Kept tables are exactly the documented ones.
    expect(map.kept.map((k) => k.table)).toEqual(['audit_events']);
  });

  it('a dry run reports what is due and what is held, and deletes nothing', async () => {
    const before = await countEveryTable(t);
    const report = await runRetention(t.adminDb, { laCode: '370', today: TODAY, dryRun: true });
    expect(await countEveryTable(t)).toEqual(before);
    expect(report.deleted.map((d) => [d.childId, d.recordType])).toEqual([
      [due.childId, 'child-record'],
      [docsOnly.childId, 'documents'],
    ]);
    expect(report.held).toEqual([{ childId: held.childId, recordType: 'child-record', deletableFrom: '2021-03-01' }]);
    expect(report.deleted[0]!.rows).toEqual(due.rows);
  });

  it('deletes exactly what is due: the due record everywhere, the documents past their period, nothing else', async () => {
    const rowsOf = async (c: SeededChild) => {
      const bundle = await subjectAccessBundle(t.adminDb, c === otherCouncil ? '886' : '370', c.childId, new Date());
      return bundle?.counts;
    };
    const keptBefore = { held: await rowsOf(held), young: await rowsOf(young), other: await rowsOf(otherCouncil), docs: await rowsOf(docsOnly) };
    const before = await countEveryTable(t);
    const report = await runRetention(t.adminDb, { laCode: '370', today: TODAY, dryRun: false });
    const after = await countEveryTable(t);

    // Independent measure: the drop in every table's total row count.
    const dropped: Record<string, number> = {};
    for (const [table, n] of Object.entries(before)) if (after[table] !== n) dropped[table] = n - after[table]!;
    const expected = { ...due.rows, documents: due.rows.documents! + 1 };
    // Audit events are kept and grow: one per deletion and one for the run.
    expect(dropped).toEqual({ ...expected, audit_events: -3 });
    expect(report.totals).toEqual(expected);

    // Nothing of the due child remains, except its audit events (identifiers only).
    expect(await rowsOf(due)).toBeUndefined();
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_events where child_id = ${due.childId}`.execute(t.adminDb);
    expect(audit.rows[0]!.n).toBeGreaterThan(0);

    // The held, the young and the other council's children are untouched; the docs-only child lost only documents.
    expect(await rowsOf(held)).toEqual(keptBefore.held);
    expect(await rowsOf(young)).toEqual(keptBefore.young);
    expect(await rowsOf(otherCouncil)).toEqual(keptBefore.other);
    expect(await rowsOf(docsOnly)).toEqual({ ...keptBefore.docs, documents: 0, audit_events: keptBefore.docs!.audit_events! + 1 });

    // The audit trail says what was deleted, as counts: no names, no dates of birth.
    const events = await sql<{ action: string; record_type: string; detail: { rows?: Record<string, number> } }>`
      select action, record_type, detail from audit_events where request_id = ${report.runId} order by id`.execute(t.adminDb);
    expect(events.rows.map((e) => [e.action, e.record_type])).toEqual([['delete', 'child-record'], ['delete', 'documents'], ['retention-run', 'retention-run']]);
    expect(events.rows[0]!.detail.rows).toEqual(due.rows);
    expect(JSON.stringify(events.rows)).not.toMatch(/Synthetic|1995-03-01|EHC-DUE/);

    // Running again finds nothing more to do.
    const again = await runRetention(t.adminDb, { laCode: '370', today: TODAY, dryRun: false });
    expect(again.deleted).toEqual([]);
    expect(again.held.map((h) => h.childId)).toEqual([held.childId]);
  });

  it('exports everything held about a child, with rows from every table that holds child data', async () => {
    const bundle = (await subjectAccessBundle(t.adminDb, '370', held.childId, new Date()))!;
    const map = await loadChildDataMap(t.adminDb);
    // Every table the job knows about is in the bundle (possibly empty)…
    for (const x of map.tables) expect(Object.keys(bundle.tables)).toContain(x.table);
    // …and every table seeded for the child has its rows in it, plus the hold and who viewed.
    for (const [table, n] of Object.entries(held.rows)) expect(bundle.counts[table], table).toBe(n);
    expect(bundle.counts.legal_holds).toBe(1);
    expect(bundle.counts.audit_events).toBeGreaterThan(0);
    const doc = bundle.tables.documents![0]!;
    expect(Buffer.from((doc.content as { base64: string }).base64, 'base64').toString()).toBe('pdf');
    // Nothing about other children leaks in.
    expect(JSON.stringify(bundle)).not.toContain(young.childId);
    expect(JSON.stringify(bundle)).not.toContain('EHC-DUE-2');
  });
});
