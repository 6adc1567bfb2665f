import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { councilDutyBook } from './obligations.ts';
import { partnerOrganisations, type PartnerOrganisation } from '../infrastructure/partnership.repository.ts';
import type { PartnerDeps } from './partner-deps.ts';

const scopeOf = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

/** What a caseworker can record against a partner: provision committed in a plan, or a request. */
export const RECORD_KINDS = {
  G: { text: 'Health provision in Section G', section: 'G', kinds: ['icb'] },
  H1: { text: 'Social care provision in Section H1', section: 'H1', kinds: ['social-care'] },
  H2: { text: 'Social care provision in Section H2', section: 'H2', kinds: ['social-care'] },
  'review-advice': { text: 'Ask for advice for an annual review', duty: 'review-advice' },
  'review-attendance': { text: 'Ask to attend an annual review meeting', duty: 'review-attendance' },
} as const satisfies Record<string, { text: string; section?: string; duty?: string; kinds?: readonly string[] }>;
export type RecordKind = keyof typeof RECORD_KINDS | `local-${string}`;

export interface RecordInput { reference: string; kind: string; organisationId: string; text: string; date: string }

export async function recordChoices(deps: PartnerDeps, principal: Principal, laCode: string): Promise<{ organisations: PartnerOrganisation[]; localDuties: { id: string; name: string }[] }> {
  return withTenant(deps.db, scopeOf(principal), async (tx) => ({
    organisations: await partnerOrganisations(tx, laCode),
    localDuties: (await councilDutyBook(tx, laCode)).duties.filter((d) => d.local).map((d) => ({ id: d.id, name: d.name })),
  }));
}

export type RecordOutcome = { ok: true; reference: string } | { ok: false; field: 'reference' | 'organisationId' | 'kind'; message: string };

/**
 * Records provision a partner committed to in a plan (tracked to delivery) or asks a partner for a
 * review contribution or a local duty (tracked on its clock). Audited against the child's record.
 */
export async function recordForPartner(deps: PartnerDeps, principal: Principal, laCode: string, input: RecordInput, requestId: string): Promise<RecordOutcome> {
  return withTenant(deps.db, scopeOf(principal), async (tx): Promise<RecordOutcome> => {
    const found = await tx.selectFrom('cases').select(['id', 'child_id', 'reference']).where('la_code', '=', laCode).where('reference', '=', input.reference).executeTakeFirst();
    if (!found) return { ok: false, field: 'reference', message: 'There is no case with this reference in the council: check it on the case page' };
    const org = (await partnerOrganisations(tx, laCode)).find((o) => o.id === input.organisationId);
    if (!org) return { ok: false, field: 'organisationId', message: 'Choose the partner from the list' };
    const fixed = (RECORD_KINDS as Record<string, { section?: string; duty?: string; kinds?: readonly string[] }>)[input.kind];
    if (fixed?.section) {
      if (fixed.kinds && !fixed.kinds.includes(org.kind)) return { ok: false, field: 'organisationId', message: fixed.section === 'G' ? 'Health provision in Section G is committed by the integrated care board: choose it' : 'Social care provision is committed by social care: choose it' };
      const row = await tx.insertInto('partner_commitments').values({ la_code: laCode, organisation_id: org.id, case_id: found.id, section: fixed.section, provision: input.text, committed_on: input.date }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(tx, { principal, requestId }, { laCode, action: 'create', recordType: 'partner-commitment', recordId: row.id, childId: found.child_id });
      return { ok: true, reference: found.reference };
    }
    const dutyId = fixed?.duty ?? input.kind;
    if (!(await councilDutyBook(tx, laCode)).find(dutyId)) return { ok: false, field: 'kind', message: 'Choose what you are recording' };
    const row = await tx.insertInto('partner_requests').values({ la_code: laCode, organisation_id: org.id, duty_id: dutyId, case_id: found.id, title: input.text, asked_on: formatIsoDate(todayInEngland(deps.now())), clock_from: input.date }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'create', recordType: 'partner-request', recordId: row.id, childId: found.child_id });
    return { ok: true, reference: found.reference };
  });
}
