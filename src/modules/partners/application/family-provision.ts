import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { childrenOfFamilyMember } from '../../cases/index.ts';
import { commitmentStatus } from '../domain/commitment-status.ts';
import { appendCommitmentEvent, commitments, type CommitmentRow } from '../infrastructure/partnership.repository.ts';
import type { PartnerDeps } from './partner-deps.ts';

const scopeOf = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

/** The health and social care provision committed for the family's own children; each view audited. */
export async function familyCommitments(deps: PartnerDeps, principal: Principal, requestId: string): Promise<(CommitmentRow & { status: string })[]> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const children = await childrenOfFamilyMember(tx, principal.userId);
    const out: (CommitmentRow & { status: string })[] = [];
    for (const laCode of new Set(children.map((c) => c.laCode))) {
      const rows = await commitments(tx, laCode, { childIds: children.filter((c) => c.laCode === laCode).map((c) => c.id) });
      for (const r of rows) out.push({ ...r, status: commitmentStatus(r.events) });
    }
    for (const childId of new Set(out.map((r) => `${r.laCode}/${r.childId}`))) {
      const [laCode, id] = childId.split('/') as [string, string];
      await recordAudit(tx, { principal, requestId }, { laCode, action: 'view', recordType: 'partner-commitments', recordId: id, childId: id, detail: { via: 'family' } });
    }
    return out;
  });
}

/** A family says committed provision is not happening: recorded as theirs, shown to the partner and the board. */
export async function familyReportsNotDelivered(deps: PartnerDeps, principal: Principal, laCode: string, id: string, note: string, version: number, requestId: string): Promise<'reported' | 'stale' | 'not-found'> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const children = (await childrenOfFamilyMember(tx, principal.userId)).filter((c) => c.laCode === laCode).map((c) => c.id);
    const [c] = await commitments(tx, laCode, { id, childIds: children });
    if (!c) return 'not-found';
    const ok = await appendCommitmentEvent(tx, laCode, id, version, { type: 'family-reported', occurredOn: formatIsoDate(todayInEngland(deps.now())), note, actorUserId: principal.userId });
    if (!ok) return 'stale';
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'create', recordType: 'partner-commitment-report', recordId: id, childId: c.childId });
    return 'reported';
  });
}
