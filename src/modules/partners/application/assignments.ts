import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { assign, assignments, type Assignment } from '../infrastructure/partnership.repository.ts';
import { councilDutyBook, loadObligations } from './obligations.ts';
import type { PartnerDeps } from './partner-deps.ts';

const scopeOf = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

/** Who holds each piece of the caller's organisations' work, keyed "<la>/<obligation key>". */
export async function holders(deps: PartnerDeps, principal: Principal): Promise<Map<string, Assignment>> {
  const out = new Map<string, Assignment>();
  if (principal.organisationIds.length === 0) return out;
  await withTenant(deps.db, scopeOf(principal), async (tx) => {
    for (const la of principal.laCodes) for (const [k, a] of await assignments(tx, la, principal.organisationIds)) out.set(`${la}/${k}`, a);
  });
  return out;
}

/**
 * The caller takes a piece of their organisation's work (their own tray, and the reminder comes to
 * them), or releases it back to the organisation. Only work asked of the caller's organisation.
 */
export async function takeOrRelease(deps: PartnerDeps, principal: Principal, laCode: string, obligationKey: string, take: boolean, requestId: string): Promise<boolean> {
  const today = todayInEngland(deps.now());
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const book = await councilDutyBook(tx, laCode);
    const { obligations } = await loadObligations(tx, laCode, book, deps.calendar, today, principal.organisationIds);
    const o = obligations.find((x) => x.key === obligationKey);
    if (!o) return false;
    await assign(tx, { laCode, obligationKey, organisationId: o.organisationId, userId: take ? principal.userId : null, assignedOn: formatIsoDate(today) });
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'update', recordType: 'partner-assignment', recordId: obligationKey, childId: o.childId ?? null, detail: { take } });
    return true;
  });
}
