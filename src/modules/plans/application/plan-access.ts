import type { Db, Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { childrenOfFamilyMember, findCase } from '../../cases/index.ts';

/**
 * Whose plan is it? Staff reach a case through row-level security (their councils); a family
 * reaches only the cases of children linked to them. Anything else is "not found".
 */
export interface CaseForPlan {
  laCode: string;
  caseId: string;
  reference: string;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string; upn: string | null };
}

export async function caseForStaff(tx: Tx | Db, caseId: string): Promise<CaseForPlan | undefined> {
  const found = await findCase(tx, caseId);
  return found && { laCode: found.laCode, caseId: found.id, reference: found.reference, child: found.child };
}

export async function caseForFamily(tx: Tx, principal: Principal, caseId: string): Promise<CaseForPlan | undefined> {
  const child = (await childrenOfFamilyMember(tx, principal.userId)).find((c) => c.cases.some((k) => k.id === caseId));
  const theCase = child?.cases.find((k) => k.id === caseId);
  if (!child || !theCase) return undefined;
  return {
    laCode: child.laCode, caseId, reference: theCase.reference,
    child: { id: child.id, givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, upn: null },
  };
}
