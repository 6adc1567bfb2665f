import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { isPartnerKind, isLadder, PARTNER_KINDS, type Ladder, type LocalDutyRow } from '../domain/partner-duties.ts';
import { isCommitmentEventType, type CommitmentEvent } from '../domain/commitment-status.ts';

export interface PartnerOrganisation { id: string; name: string; kind: string }

/** The council's partner organisations (every organisation whose kind is a partner sector). */
export async function partnerOrganisations(tx: Tx, laCode: string): Promise<PartnerOrganisation[]> {
  const rows = await tx.selectFrom('organisations').select(['id', 'name', 'kind'])
    .where('la_code', '=', laCode).where('kind', 'in', [...PARTNER_KINDS]).orderBy('name').execute();
  return rows.filter((r) => isPartnerKind(r.kind));
}

export interface Officer { id: string; organisationId: string; role: string; name: string; email: string; team: string | null }

export async function officersOf(tx: Tx, laCode: string, organisationId?: string): Promise<Officer[]> {
  let q = tx.selectFrom('partner_officers').select(['id', 'organisation_id', 'role', 'name', 'email', 'team']).where('la_code', '=', laCode);
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return (await q.orderBy('name').execute()).map((r) => ({ id: r.id, organisationId: r.organisation_id, role: r.role, name: r.name, email: r.email, team: r.team }));
}

/** The partner organisation's own users (staff accounts holding a role there), with their teams. */
export async function organisationUsers(tx: Tx, laCode: string, organisationId: string): Promise<{ userId: string; email: string; displayName: string; team: string | null }[]> {
  const rows = await tx.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'r.team'])
    .where('r.la_code', '=', laCode).where('r.organisation_id', '=', organisationId).where('u.is_active', '=', true)
    .orderBy('u.display_name').execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name, team: r.team }));
}

export async function localDuties(tx: Tx, laCode: string): Promise<LocalDutyRow[]> {
  const rows = await tx.selectFrom('partner_local_duties').select(['id', 'name', 'period_days', 'source']).where('la_code', '=', laCode).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, periodDays: r.period_days, source: r.source }));
}

export async function ladders(tx: Tx, laCode: string): Promise<Map<string, Ladder & { version: number }>> {
  const rows = await tx.selectFrom('partner_ladders').select(['duty_id', 'steps', 'version']).where('la_code', '=', laCode).execute();
  const map = new Map<string, Ladder & { version: number }>();
  for (const r of rows) if (isLadder(r.steps)) map.set(r.duty_id, { ...r.steps, version: r.version });
  return map;
}

export async function ladderVersion(tx: Tx, laCode: string, dutyId: string): Promise<number> {
  const row = await tx.selectFrom('partner_ladders').select('version').where('la_code', '=', laCode).where('duty_id', '=', dutyId).executeTakeFirst();
  return row?.version ?? 0;
}

/** Saves a ladder if nobody changed it since `expectedVersion` was read; false when someone did. */
export async function saveLadder(tx: Tx, laCode: string, dutyId: string, ladder: Ladder, expectedVersion: number, userId: string): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await tx.insertInto('partner_ladders').values({ la_code: laCode, duty_id: dutyId, steps: JSON.stringify(ladder), version: 1, updated_by: userId })
      .onConflict((oc) => oc.columns(['la_code', 'duty_id']).doNothing()).returning('version').executeTakeFirst();
    return inserted !== undefined;
  }
  const updated = await tx.updateTable('partner_ladders').set({ steps: JSON.stringify(ladder), version: expectedVersion + 1, updated_at: sql`now()`, updated_by: userId })
    .where('la_code', '=', laCode).where('duty_id', '=', dutyId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export interface RequestRow {
  id: string; laCode: string; organisationId: string; dutyId: string; caseId: string | null; reference: string | null; childId: string | null; childName: string | null;
  title: string; askedOn: string; clockFrom: string; doneOn: string | null; version: number;
}

export async function requests(tx: Tx, laCode: string, organisationIds?: readonly string[], id?: string): Promise<RequestRow[]> {
  let q = tx.selectFrom('partner_requests as r')
    .leftJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'r.la_code').onRef('c.id', '=', 'r.case_id'))
    .leftJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .select(['r.id', 'r.la_code', 'r.organisation_id', 'r.duty_id', 'r.case_id', 'c.reference', 'ch.id as child_id', 'ch.given_name', 'ch.family_name', 'r.title', 'r.asked_on', 'r.clock_from', 'r.done_on', 'r.version'])
    .where('r.la_code', '=', laCode);
  if (organisationIds) {
    if (organisationIds.length === 0) return [];
    q = q.where('r.organisation_id', 'in', [...organisationIds]);
  }
  if (id) q = q.where('r.id', '=', id);
  return (await q.orderBy('r.asked_on').execute()).map((r) => ({
    id: r.id, laCode: r.la_code, organisationId: r.organisation_id, dutyId: r.duty_id, caseId: r.case_id, reference: r.reference, childId: r.child_id,
    childName: r.given_name ? `${r.given_name} ${r.family_name}` : null, title: r.title, askedOn: r.asked_on, clockFrom: r.clock_from, doneOn: r.done_on, version: r.version,
  }));
}

export interface CommitmentRow {
  id: string; laCode: string; organisationId: string; organisationName: string; caseId: string; reference: string; childId: string; childName: string;
  section: string; provision: string; committedOn: string; version: number; events: (CommitmentEvent & { note: string | null })[];
}

export async function commitments(tx: Tx, laCode: string, filter: { organisationIds?: readonly string[]; childIds?: readonly string[]; id?: string } = {}): Promise<CommitmentRow[]> {
  let q = tx.selectFrom('partner_commitments as p')
    .innerJoin('organisations as o', (j) => j.onRef('o.la_code', '=', 'p.la_code').onRef('o.id', '=', 'p.organisation_id'))
    .innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.case_id'))
    .innerJoin('children as ch', (j) => j.onRef('ch.la_code', '=', 'c.la_code').onRef('ch.id', '=', 'c.child_id'))
    .select(['p.id', 'p.la_code', 'p.organisation_id', 'o.name as org_name', 'p.case_id', 'c.reference', 'ch.id as child_id', 'ch.given_name', 'ch.family_name', 'p.section', 'p.provision', 'p.committed_on', 'p.version'])
    .where('p.la_code', '=', laCode);
  if (filter.organisationIds) {
    if (filter.organisationIds.length === 0) return [];
    q = q.where('p.organisation_id', 'in', [...filter.organisationIds]);
  }
  if (filter.childIds) {
    if (filter.childIds.length === 0) return [];
    q = q.where('ch.id', 'in', [...filter.childIds]);
  }
  if (filter.id) q = q.where('p.id', '=', filter.id);
  const rows = await q.orderBy('p.committed_on').orderBy('p.id').execute();
  if (rows.length === 0) return [];
  const events = await tx.selectFrom('partner_commitment_events').select(['commitment_id', 'type', 'occurred_on', 'note'])
    .where('la_code', '=', laCode).where('commitment_id', 'in', rows.map((r) => r.id)).orderBy('commitment_id').orderBy('seq').execute();
  const byId = new Map<string, (CommitmentEvent & { note: string | null })[]>();
  for (const e of events) {
    if (!isCommitmentEventType(e.type)) continue;
    const list = byId.get(e.commitment_id) ?? [];
    list.push({ type: e.type, occurredOn: e.occurred_on, note: e.note });
    byId.set(e.commitment_id, list);
  }
  return rows.map((r) => ({
    id: r.id, laCode: r.la_code, organisationId: r.organisation_id, organisationName: r.org_name, caseId: r.case_id, reference: r.reference, childId: r.child_id,
    childName: `${r.given_name} ${r.family_name}`, section: r.section, provision: r.provision, committedOn: r.committed_on, version: r.version, events: byId.get(r.id) ?? [],
  }));
}

/**
 * Appends what happened to a commitment and bumps its version; refused (false) when the version
 * read is stale, so two people updating at once cannot both win unseen.
 */
export async function appendCommitmentEvent(tx: Tx, laCode: string, commitmentId: string, expectedVersion: number, event: { type: string; occurredOn: string; note: string | null; actorUserId: string | null }): Promise<boolean> {
  const bumped = await tx.updateTable('partner_commitments').set({ version: expectedVersion + 1 })
    .where('la_code', '=', laCode).where('id', '=', commitmentId).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(bumped.numUpdatedRows) !== 1) return false;
  const last = await tx.selectFrom('partner_commitment_events').select(sql<number>`coalesce(max(seq), 0)`.as('seq')).where('la_code', '=', laCode).where('commitment_id', '=', commitmentId).executeTakeFirstOrThrow();
  await tx.insertInto('partner_commitment_events').values({ la_code: laCode, commitment_id: commitmentId, seq: Number(last.seq) + 1, type: event.type, occurred_on: event.occurredOn, note: event.note, actor_user_id: event.actorUserId }).execute();
  return true;
}

export interface EscalationRow { obligationKey: string; organisationId: string; dutyId: string; step: string; dueOn: string; stepDueOn: string; steppedOn: string; notified: number; caseId: string | null }

export async function escalations(tx: Tx, laCode: string, filter: { organisationId?: string; from?: string; to?: string } = {}): Promise<EscalationRow[]> {
  let q = tx.selectFrom('partner_escalations').select(['obligation_key', 'organisation_id', 'duty_id', 'step', 'due_on', 'step_due_on', 'stepped_on', 'notified', 'case_id']).where('la_code', '=', laCode);
  if (filter.organisationId) q = q.where('organisation_id', '=', filter.organisationId);
  if (filter.from) q = q.where('stepped_on', '>=', filter.from);
  if (filter.to) q = q.where('stepped_on', '<=', filter.to);
  return (await q.orderBy('stepped_on').orderBy('obligation_key').execute()).map((r) => ({
    obligationKey: r.obligation_key, organisationId: r.organisation_id, dutyId: r.duty_id, step: r.step, dueOn: r.due_on, stepDueOn: r.step_due_on, steppedOn: r.stepped_on, notified: r.notified, caseId: r.case_id,
  }));
}

/** Records a step once; false when it was already taken (another run got there first). */
export async function recordEscalation(tx: Tx, row: { laCode: string; obligationKey: string; organisationId: string; dutyId: string; step: string; dueOn: string; stepDueOn: string; steppedOn: string; notified: number; caseId: string | null }): Promise<boolean> {
  const inserted = await tx.insertInto('partner_escalations').values({
    la_code: row.laCode, obligation_key: row.obligationKey, organisation_id: row.organisationId, duty_id: row.dutyId, step: row.step,
    due_on: row.dueOn, step_due_on: row.stepDueOn, stepped_on: row.steppedOn, notified: row.notified, case_id: row.caseId,
  }).onConflict((oc) => oc.columns(['la_code', 'obligation_key', 'step']).doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export interface NoticeRow {
  id: string; laCode: string; organisationId: string; organisationName: string; reference: string; obligationKey: string | null; subject: string; body: string;
  issuedOn: string; respondBy: string; response?: { respondedOn: string; body: string };
}

export async function notices(tx: Tx, laCode: string, filter: { organisationIds?: readonly string[]; id?: string } = {}): Promise<NoticeRow[]> {
  let q = tx.selectFrom('partner_notices as n')
    .innerJoin('organisations as o', (j) => j.onRef('o.la_code', '=', 'n.la_code').onRef('o.id', '=', 'n.organisation_id'))
    .leftJoin('partner_notice_responses as r', (j) => j.onRef('r.la_code', '=', 'n.la_code').onRef('r.notice_id', '=', 'n.id'))
    .select(['n.id', 'n.la_code', 'n.organisation_id', 'o.name', 'n.reference', 'n.obligation_key', 'n.subject', 'n.body', 'n.issued_on', 'n.respond_by', 'r.responded_on', 'r.body as response_body'])
    .where('n.la_code', '=', laCode);
  if (filter.organisationIds) {
    if (filter.organisationIds.length === 0) return [];
    q = q.where('n.organisation_id', 'in', [...filter.organisationIds]);
  }
  if (filter.id) q = q.where('n.id', '=', filter.id);
  return (await q.orderBy('n.issued_on', 'desc').orderBy('n.reference', 'desc').execute()).map((r) => ({
    id: r.id, laCode: r.la_code, organisationId: r.organisation_id, organisationName: r.name, reference: r.reference, obligationKey: r.obligation_key, subject: r.subject, body: r.body,
    issuedOn: r.issued_on, respondBy: r.respond_by, ...(r.responded_on && r.response_body ? { response: { respondedOn: r.responded_on, body: r.response_body } } : {}),
  }));
}

/** The next notice reference in the council: PN-<la>-<n>, numbered in order of issue. */
export async function issueNotice(tx: Tx, row: { laCode: string; organisationId: string; obligationKey: string | null; subject: string; body: string; issuedOn: string; respondBy: string; issuedBy: string | null }): Promise<{ id: string; reference: string }> {
  await sql`select pg_advisory_xact_lock(hashtext('partner-notice-' || ${row.laCode}))`.execute(tx);
  const count = await tx.selectFrom('partner_notices').select(sql<number>`count(*)`.as('n')).where('la_code', '=', row.laCode).executeTakeFirstOrThrow();
  const reference = `PN-${row.laCode}-${String(Number(count.n) + 1).padStart(4, '0')}`;
  const inserted = await tx.insertInto('partner_notices').values({
    la_code: row.laCode, organisation_id: row.organisationId, reference, obligation_key: row.obligationKey, subject: row.subject, body: row.body,
    issued_on: row.issuedOn, respond_by: row.respondBy, issued_by: row.issuedBy,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: inserted.id, reference };
}

/** One response per notice: a second is refused (false), the first stands as the record. */
export async function respondToNotice(tx: Tx, row: { laCode: string; noticeId: string; respondedOn: string; responderUserId: string | null; body: string }): Promise<boolean> {
  const inserted = await tx.insertInto('partner_notice_responses').values({ la_code: row.laCode, notice_id: row.noticeId, responded_on: row.respondedOn, responder_user_id: row.responderUserId, body: row.body })
    .onConflict((oc) => oc.columns(['la_code', 'notice_id']).doNothing()).returning('notice_id').executeTakeFirst();
  return inserted !== undefined;
}

export interface Assignment { obligationKey: string; userId: string; displayName: string; email: string }

/** Who holds each piece of work at these organisations (key → holder). */
export async function assignments(tx: Tx, laCode: string, organisationIds?: readonly string[]): Promise<Map<string, Assignment>> {
  let q = tx.selectFrom('partner_assignments as a').innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.obligation_key', 'a.user_id', 'u.display_name', 'u.email']).where('a.la_code', '=', laCode);
  if (organisationIds) {
    if (organisationIds.length === 0) return new Map();
    q = q.where('a.organisation_id', 'in', [...organisationIds]);
  }
  return new Map((await q.execute()).map((r) => [r.obligation_key, { obligationKey: r.obligation_key, userId: r.user_id, displayName: r.display_name, email: r.email }]));
}

/** Takes a piece of work for a user (replacing any holder), or releases it. */
export async function assign(tx: Tx, row: { laCode: string; obligationKey: string; organisationId: string; userId: string | null; assignedOn: string }): Promise<void> {
  if (row.userId === null) {
    await tx.deleteFrom('partner_assignments').where('la_code', '=', row.laCode).where('obligation_key', '=', row.obligationKey).execute();
    return;
  }
  await tx.insertInto('partner_assignments').values({ la_code: row.laCode, obligation_key: row.obligationKey, organisation_id: row.organisationId, user_id: row.userId, assigned_on: row.assignedOn })
    .onConflict((oc) => oc.columns(['la_code', 'obligation_key']).doUpdateSet({ user_id: row.userId!, assigned_on: row.assignedOn })).execute();
}
