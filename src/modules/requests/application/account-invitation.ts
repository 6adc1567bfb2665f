import { randomBytes } from 'node:crypto';
import { formatLongDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant, type Tx } from '../../../platform/db/connection.ts';
import { hashPassword } from '../../../platform/identity/passwords.ts';
import { createInvitation, findUsableInvitation, markInvitationUsed, type Invitation } from '../infrastructure/account-invitations.repository.ts';
import type { RequestDeps } from './request-deps.ts';

/** A link to create an account works for 7 days, once. */
export const INVITATION_DAYS = 7;

export function invitationLink(publicUrl: string, laCode: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/create-account/${laCode}/${token}`;
}

/** Creates a one-time link for this family member; the link itself proves they can read that email. */
export async function issueInvitation(tx: Tx, deps: RequestDeps, input: Omit<Invitation, 'id'>): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000);
  await createInvitation(tx, { ...input, email: input.email.toLowerCase(), token, expiresAt });
  return invitationLink(deps.publicUrl, input.laCode, token);
}

/** The family asked to create an account from the confirmation page: email them the link. */
export async function sendAccountLink(deps: RequestDeps, input: Omit<Invitation, 'id'>): Promise<void> {
  const link = await withTenant(deps.db, { laCodes: [input.laCode] }, (tx) => issueInvitation(tx, deps, input));
  const expires = new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000);
  await deps.notifier.send({ laCode: input.laCode, to: input.email, template: 'confirm-email', personalisation: { link, expiresOn: formatLongDate(todayInEngland(expires)) } });
}

export async function checkInvitation(deps: RequestDeps, laCode: string, token: string): Promise<Invitation | undefined> {
  return withTenant(deps.db, { laCodes: [laCode] }, (tx) => findUsableInvitation(tx, laCode, token, deps.now()));
}

const ROLE_FOR = { parent: 'parent-carer', carer: 'parent-carer', 'young-person': 'young-person' } as const;

/**
 * Uses the link: creates the account with its password (or, when the email already has an account,
 * adds this child to it), gives it the family role in the council and links it to the child.
 * Returns undefined when the link has been used or has expired.
 */
export async function acceptInvitation(deps: RequestDeps, laCode: string, token: string, password: string, requestId: string): Promise<{ email: string; existing: boolean } | undefined> {
  const passwordHash = await hashPassword(password);
  return withTenant(deps.db, { laCodes: [laCode] }, async (tx) => {
    const inv = await findUsableInvitation(tx, laCode, token, deps.now());
    if (!inv) return undefined;
    const existing = await tx.selectFrom('users').select(['id']).where((eb) => eb(eb.fn('lower', ['email']), '=', inv.email)).executeTakeFirst();
    const userId = existing?.id ?? (await tx.insertInto('users').values({ email: inv.email, display_name: inv.displayName, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow()).id;
    const role = ROLE_FOR[inv.relationship];
    const hasRole = await tx.selectFrom('user_roles').select('id').where('user_id', '=', userId).where('role', '=', role).where('la_code', '=', laCode).executeTakeFirst();
    if (!hasRole) await tx.insertInto('user_roles').values({ user_id: userId, role, la_code: laCode, organisation_id: null, team: null }).execute();
    await tx.insertInto('family_members').values({ la_code: laCode, child_id: inv.childId, user_id: userId, relationship: inv.relationship }).onConflict((oc) => oc.doNothing()).execute();
    await markInvitationUsed(tx, laCode, inv.id, deps.now());
    await recordAudit(tx, { principal: undefined, requestId }, { laCode, action: 'create', recordType: 'family-member', recordId: userId, childId: inv.childId, detail: { caseId: inv.caseId, existingAccount: existing !== undefined } });
    return { email: inv.email, existing: existing !== undefined };
  });
}
