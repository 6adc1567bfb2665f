import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TestDatabase } from '../../../test/support/test-database.ts';

/**
 * Test helper: one child with at least one row in every table that holds a child's data today,
 * so the deletion and the subject access export can be checked table by table.
 */
export interface SeededChild {
  childId: string;
  caseId: string;
  reference: string;
  /** Rows written per table for this child (what a deletion must remove, an export must contain). */
  rows: Record<string, number>;
}

export async function seedChildEverywhere(t: TestDatabase, la: string, input: { dateOfBirth: string; reference: string; userId: string; settingId: string; otherLa: string }): Promise<SeededChild> {
  const db = t.adminDb;
  const childId = randomUUID();
  const caseId = randomUUID();
  const planId = randomUUID();
  const disputeId = randomUUID();
  const referralId = randomUUID();
  const apPlacementId = randomUUID();
  const parent = randomUUID();
  const draftId = randomUUID();
  const r = input.reference;
  await sql`insert into users (id, email, display_name) values (${parent}, ${`parent-${parent}@test.opensend.test`}, 'Test parent')`.execute(db);
  await sql`insert into children (la_code, id, given_name, family_name, date_of_birth) values (${la}, ${childId}, 'Synthetic', ${r}, ${input.dateOfBirth})`.execute(db);
  await sql`insert into family_members values (${la}, ${childId}, ${parent}, 'parent')`.execute(db);
  await sql`insert into cases (la_code, id, child_id, reference, opened_on, caseworker_user_id) values (${la}, ${caseId}, ${childId}, ${r}, '2024-01-10', ${input.userId})`.execute(db);
  await sql`insert into case_events (la_code, case_id, seq, type, occurred_on, data) values (${la}, ${caseId}, 1, 'request-received', '2024-01-10', '{"source":"parent"}'), (${la}, ${caseId}, 2, 'decision-to-assess', '2024-02-10', '{"decision":"assess"}')`.execute(db);
  await sql`insert into case_deadlines (la_code, case_id, projected_version, stage) values (${la}, ${caseId}, 1, 'assessing')`.execute(db);
  await sql`insert into plans (la_code, id, case_id, child_id) values (${la}, ${planId}, ${caseId}, ${childId})`.execute(db);
  await sql`insert into plan_versions (la_code, plan_id, version, status, document) values (${la}, ${planId}, 1, 'draft', '{}')`.execute(db);
  await sql`insert into plan_comments (la_code, plan_id, version, section_key, author_user_id, author_role, body) values (${la}, ${planId}, 1, 'A', ${input.userId}, 'ehc-coordinator', 'A comment')`.execute(db);
  await sql`insert into documents (la_code, case_id, kind, file_name, content_type, size_bytes, sha256, content) values (${la}, ${caseId}, 'advice', 'advice.pdf', 'application/pdf', 3, ${'a'.repeat(64)}, ${Buffer.from('pdf')})`.execute(db);
  await sql`insert into request_drafts (id, kind, la_code, case_id, request_reference, submitted_at) values (${draftId}, 'family', ${la}, ${caseId}, ${r}, now())`.execute(db);
  await sql`insert into case_requests (la_code, reference, case_id, kind, answers) values (${la}, ${r}, ${caseId}, 'family', '{}')`.execute(db);
  await sql`insert into account_invitations (la_code, child_id, case_id, email, display_name, relationship, token_sha256, expires_at) values (${la}, ${childId}, ${caseId}, 'p@test.opensend.test', 'Parent', 'parent', ${randomUUID().replace(/-/g, '').padEnd(64, '0')}, now() + interval '1 day')`.execute(db);
  await sql`insert into placements (la_code, child_id, setting_id, starts_on) values (${la}, ${childId}, ${input.settingId}, '2024-09-01')`.execute(db);
  await sql`insert into ap_referrals (la_code, id, child_id, tier, referred_on, reason) values (${la}, ${referralId}, ${childId}, 1, '2024-03-01', 'Reason')`.execute(db);
  await sql`insert into ap_placements (la_code, id, referral_id, child_id, setting_id, tier, starts_on) values (${la}, ${apPlacementId}, ${referralId}, ${childId}, ${input.settingId}, 1, '2024-03-05')`.execute(db);
  await sql`insert into ap_reviews (la_code, ap_placement_id, reviewed_on, note) values (${la}, ${apPlacementId}, '2024-04-01', 'Going well')`.execute(db);
  await sql`insert into sen2_person_details (la_code, child_id, ethnicity) values (${la}, ${childId}, 'WBRI')`.execute(db);
  await sql`insert into disputes (la_code, id, case_id, reference, opened_on) values (${la}, ${disputeId}, ${caseId}, ${`D-${r}`}, '2024-05-01')`.execute(db);
  await sql`insert into dispute_events (la_code, dispute_id, seq, type, occurred_on) values (${la}, ${disputeId}, 1, 'disagreement-recorded', '2024-05-01')`.execute(db);
  await sql`insert into plan_transfers (la_code, id, direction, counterpart_la_code, case_id, case_reference, child_given_name, child_family_name, child_date_of_birth, aware_on, moved_on, notice_late)
    values (${la}, ${randomUUID()}, 'out', ${input.otherLa}, ${caseId}, ${r}, 'Synthetic', ${r}, ${input.dateOfBirth}, '2024-06-01', '2024-06-10', false)`.execute(db);
  await sql`insert into outbox (la_code, recipient, template, subject, body) values (${la}, 'p@test.opensend.test', 'decision', ${`Decision on ${r}`}, ${`Your request ${r} has a decision.`})`.execute(db);
  await sql`insert into audit_events (la_code, action, record_type, record_id, child_id) values (${la}, 'view', 'case', ${caseId}, ${childId})`.execute(db);
  const rows: Record<string, number> = {
    children: 1, family_members: 1, cases: 1, case_events: 2, case_deadlines: 1, plans: 1, plan_versions: 1, plan_comments: 1, documents: 1,
    request_drafts: 1, case_requests: 1, account_invitations: 1, placements: 1, ap_referrals: 1, ap_placements: 1, ap_reviews: 1,
    sen2_person_details: 1, disputes: 1, dispute_events: 1, plan_transfers: 1, outbox: 1,
  };
  return { childId, caseId, reference: r, rows };
}

/** Rows in every table of the public schema: an independent measure, not the job's own counts. */
export async function countEveryTable(t: TestDatabase): Promise<Record<string, number>> {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(t.adminDb);
  const out: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(tablename)}`.execute(t.adminDb);
    out[tablename] = r.rows[0]!.n;
  }
  return out;
}
