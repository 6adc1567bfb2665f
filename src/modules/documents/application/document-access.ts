import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { can } from '../../../platform/identity/principal.ts';

/**
 * Who may see a case's documents: the council's caseworkers, the child's family, and partner
 * organisations asked for advice on that case. Everyone else is told the case does not exist.
 * Row-level security has already confined the transaction to the caller's councils.
 */
export async function mayReadCaseDocuments(tx: Tx, principal: Principal, laCode: string, caseId: string): Promise<{ childId: string } | undefined> {
  const found = await tx.selectFrom('cases').select(['child_id']).where('la_code', '=', laCode).where('id', '=', caseId).executeTakeFirst();
  if (!found) return undefined;
  const ok = { childId: found.child_id };
  if (can(principal, 'caseload:view')) return ok;
  if (can(principal, 'family:own-records')) {
    const mine = await tx.selectFrom('family_members').select('user_id').where('la_code', '=', laCode).where('child_id', '=', found.child_id).where('user_id', '=', principal.userId).executeTakeFirst();
    return mine ? ok : undefined;
  }
  if (can(principal, 'partner:work-tray') && principal.organisationIds.length > 0) {
    const asked = await tx
      .selectFrom('case_events')
      .select('seq')
      .where('la_code', '=', laCode)
      .where('case_id', '=', caseId)
      .where('type', '=', 'advice-requested')
      .where(sql<boolean>`data->>'organisationId' = any(${sql.val(principal.organisationIds)}::text[])`)
      .executeTakeFirst();
    return asked ? ok : undefined;
  }
  return undefined;
}
