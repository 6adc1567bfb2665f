import { addDays, formatIsoDate, formatLongDate, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import type { Message } from '../../notify/index.ts';
import type { Ladder } from '../domain/partner-duties.ts';
import { issueNotice, organisationUsers, officersOf, partnerOrganisations, saveLadder } from '../infrastructure/partnership.repository.ts';
import type { PartnerDeps } from './partner-deps.ts';

const scopeOf = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

/**
 * A formal notice from the council to a partner: recorded (never changed), and sent to the
 * partner's staff, designated officers and senior manager through the outbox after the commit.
 */
export async function sendNotice(deps: PartnerDeps, principal: Principal, laCode: string, organisationId: string, notice: { subject: string; body: string; respondWithinDays: number; obligationKey: string | null }, requestId: string): Promise<{ reference: string } | undefined> {
  const today = todayInEngland(deps.now());
  const respondBy = addDays(today, notice.respondWithinDays);
  const messages: Message[] = [];
  const issued = await withTenant(deps.db, scopeOf(principal), async (tx) => {
    const org = (await partnerOrganisations(tx, laCode)).find((o) => o.id === organisationId);
    if (!org) return undefined;
    const made = await issueNotice(tx, { laCode, organisationId, obligationKey: notice.obligationKey, subject: notice.subject, body: notice.body, issuedOn: formatIsoDate(today), respondBy: formatIsoDate(respondBy), issuedBy: principal.userId });
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'create', recordType: 'partner-notice', recordId: made.id, detail: { organisationId } });
    const emails = new Set([...(await organisationUsers(tx, laCode, organisationId)).map((u) => u.email), ...(await officersOf(tx, laCode, organisationId)).map((o) => o.email)]);
    for (const to of emails) {
      messages.push({ laCode, to, template: 'partner-notice', personalisation: { reference: made.reference, subject: notice.subject, organisationName: org.name, respondBy: formatLongDate(respondBy), trayLink: `${deps.publicUrl.replace(/\/$/, '')}/work-tray` } });
    }
    return { reference: made.reference };
  });
  for (const m of messages) await deps.notifier.send(m).catch(() => undefined);
  return issued;
}

export async function changeLadder(deps: PartnerDeps, principal: Principal, laCode: string, dutyId: string, ladder: Ladder, version: number, requestId: string): Promise<boolean> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const ok = await saveLadder(tx, laCode, dutyId, ladder, version, principal.userId);
    if (ok) await recordAudit(tx, { principal, requestId }, { laCode, action: 'update', recordType: 'partner-ladder', recordId: dutyId, detail: { ...ladder } });
    return ok;
  });
}

/** Adds a local duty; false when the council already has one with that id. */
export async function addLocalDuty(deps: PartnerDeps, principal: Principal, laCode: string, duty: { id: string; name: string; periodDays: number; source: string }, requestId: string): Promise<boolean> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const inserted = await tx.insertInto('partner_local_duties').values({ la_code: laCode, id: duty.id, name: duty.name, period_days: duty.periodDays, source: duty.source, added_on: formatIsoDate(todayInEngland(deps.now())) })
      .onConflict((oc) => oc.columns(['la_code', 'id']).doNothing()).returning('id').executeTakeFirst();
    if (inserted) await recordAudit(tx, { principal, requestId }, { laCode, action: 'create', recordType: 'partner-local-duty', recordId: duty.id });
    return inserted !== undefined;
  });
}

export const respondByIso = (issuedOn: string, days: number): string => formatIsoDate(addDays(parseLocalDate(issuedOn), days));
