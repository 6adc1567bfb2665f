import { createHash } from 'node:crypto';
import type { Tx } from '../../../platform/db/connection.ts';

export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface Invitation {
  laCode: string;
  id: string;
  childId: string;
  caseId: string;
  email: string;
  displayName: string;
  relationship: 'parent' | 'carer' | 'young-person';
}

export async function createInvitation(tx: Tx, input: Omit<Invitation, 'id'> & { token: string; expiresAt: Date }): Promise<void> {
  await tx
    .insertInto('account_invitations')
    .values({
      la_code: input.laCode, child_id: input.childId, case_id: input.caseId, email: input.email, display_name: input.displayName,
      relationship: input.relationship, token_sha256: sha256(input.token), expires_at: input.expiresAt,
    })
    .execute();
}

/** An invitation whose link has not been used and has not expired. */
export async function findUsableInvitation(tx: Tx, laCode: string, token: string, now: Date): Promise<Invitation | undefined> {
  const r = await tx.selectFrom('account_invitations').selectAll().where('la_code', '=', laCode).where('token_sha256', '=', sha256(token)).executeTakeFirst();
  if (!r || r.used_at !== null || r.expires_at < now) return undefined;
  return { laCode: r.la_code, id: r.id, childId: r.child_id, caseId: r.case_id, email: r.email, displayName: r.display_name, relationship: r.relationship as Invitation['relationship'] };
}

export async function markInvitationUsed(tx: Tx, laCode: string, id: string, now: Date): Promise<void> {
  await tx.updateTable('account_invitations').set({ used_at: now, verified_at: now }).where('la_code', '=', laCode).where('id', '=', id).execute();
}
