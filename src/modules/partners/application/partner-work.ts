import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { commitmentStatus, type CommitmentEventType } from '../domain/commitment-status.ts';
import { viewOf, type ObligationView } from '../domain/obligation.ts';
import { appendCommitmentEvent, commitments, notices, requests, respondToNotice, type CommitmentRow, type NoticeRow } from '../infrastructure/partnership.repository.ts';
import { councilDutyBook, loadObligations } from './obligations.ts';
import type { PartnerDeps } from './partner-deps.ts';

const scopeOf = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

export interface PartnerDuties {
  /** Duties other than assessment advice (which the advice tables show): consultations, reviews, local duties, provision to start. */
  other: (ObligationView & { dutyName: string; href?: string })[];
  commitments: (CommitmentRow & { status: string })[];
  notices: NoticeRow[];
}

/** What the caller's organisations owe beyond assessment advice, across the councils they work in. */
export async function partnerDuties(deps: PartnerDeps, principal: Principal): Promise<PartnerDuties> {
  const today = todayInEngland(deps.now());
  const result: PartnerDuties = { other: [], commitments: [], notices: [] };
  if (principal.organisationIds.length === 0) return result;
  await withTenant(deps.db, scopeOf(principal), async (tx) => {
    for (const laCode of principal.laCodes) {
      const book = await councilDutyBook(tx, laCode);
      const { obligations, commitments: committed } = await loadObligations(tx, laCode, book, deps.calendar, today, principal.organisationIds);
      for (const o of obligations) {
        if (o.dutyId === 'advice' || o.key.startsWith('commitment:')) continue;
        result.other.push({ ...viewOf(o, today), dutyName: book.find(o.dutyId)?.name ?? o.dutyId, ...(o.key.startsWith('request:') && !o.doneOn ? { href: `/work-tray/requests/${laCode}/${o.key.slice(8)}` } : {}) });
      }
      result.commitments.push(...committed.map((c) => ({ ...c, status: commitmentStatus(c.events) })));
      result.notices.push(...(await notices(tx, laCode, { organisationIds: principal.organisationIds })));
    }
  });
  result.other.sort((a, b) => Number(!!a.doneOn) - Number(!!b.doneOn) || b.daysLate - a.daysLate || a.dueIso.localeCompare(b.dueIso));
  return result;
}

export type UpdateOutcome = 'updated' | 'stale' | 'not-found';

/** A partner's own report on provision it committed to; audited as a change to the child's record. */
export async function reportCommitment(deps: PartnerDeps, principal: Principal, laCode: string, id: string, update: { type: Exclude<CommitmentEventType, 'family-reported'>; note: string; version: number }, requestId: string): Promise<UpdateOutcome> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const [c] = await commitments(tx, laCode, { id, organisationIds: principal.organisationIds });
    if (!c) return 'not-found';
    const ok = await appendCommitmentEvent(tx, laCode, id, update.version, { type: update.type, occurredOn: formatIsoDate(todayInEngland(deps.now())), note: update.note || null, actorUserId: principal.userId });
    if (!ok) return 'stale';
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'update', recordType: 'partner-commitment', recordId: id, childId: c.childId, detail: { type: update.type } });
    return 'updated';
  });
}

/** Marks a partnership request (review advice, attendance, a local duty) as done, once. */
export async function completeRequest(deps: PartnerDeps, principal: Principal, laCode: string, id: string, note: string, version: number, requestId: string): Promise<UpdateOutcome> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const [r] = await requests(tx, laCode, principal.organisationIds, id);
    if (!r) return 'not-found';
    if (r.doneOn || r.version !== version) return 'stale';
    const updated = await tx.updateTable('partner_requests').set({ done_on: formatIsoDate(todayInEngland(deps.now())), done_note: note || null, version: version + 1 })
      .where('la_code', '=', laCode).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return 'stale';
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'update', recordType: 'partner-request', recordId: id, childId: r.childId });
    return 'updated';
  });
}

/** One partnership request asked of the caller's organisation; opening it is audited as a view of the child's record. */
export async function findRequest(deps: PartnerDeps, principal: Principal, laCode: string, id: string, requestId: string) {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const [r] = await requests(tx, laCode, principal.organisationIds, id);
    if (r) await recordAudit(tx, { principal, requestId }, { laCode, action: 'view', recordType: 'partner-request', recordId: id, childId: r.childId });
    return r;
  });
}

export async function findNotice(deps: PartnerDeps, principal: Principal, laCode: string, id: string, organisationIds?: readonly string[]): Promise<NoticeRow | undefined> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => (await notices(tx, laCode, { id, ...(organisationIds ? { organisationIds } : {}) }))[0]);
}

/** The partner's response to a formal notice: one, kept as given. */
export async function answerNotice(deps: PartnerDeps, principal: Principal, laCode: string, id: string, body: string, requestId: string): Promise<'answered' | 'already-answered' | 'not-found'> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const [n] = await notices(tx, laCode, { id, organisationIds: principal.organisationIds });
    if (!n) return 'not-found';
    if (n.response) return 'already-answered';
    const ok = await respondToNotice(tx, { laCode, noticeId: id, respondedOn: formatIsoDate(todayInEngland(deps.now())), responderUserId: principal.userId, body });
    if (!ok) return 'already-answered';
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'create', recordType: 'partner-notice-response', recordId: id });
    return 'answered';
  });
}
