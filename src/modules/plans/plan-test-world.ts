import { addCouncils, addUser } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';

/**
 * Test support for the plans module's database, route and browser tests: a council with a
 * coordinator, a parent linked to a child with a case, and a second council's case that nobody
 * here may see.
 */
export interface PlanWorld {
  coordinator: { id: string; email: string };
  secondCoordinator: { id: string; email: string };
  parent: { id: string; email: string };
  otherParent: { id: string; email: string };
  caseId: string;
  childId: string;
  otherCaseId: string;
  foreignCaseId: string;
}

async function addChildWithCase(t: TestDatabase, la: string, givenName: string, reference: string, caseworker: string | null) {
  const child = await t.adminDb.insertInto('children')
    .values({ la_code: la, given_name: givenName, family_name: 'Synthetic', date_of_birth: '2015-04-12', upn: 'A370123456789' })
    .returning('id').executeTakeFirstOrThrow();
  const theCase = await t.adminDb.insertInto('cases')
    .values({ la_code: la, child_id: child.id, reference, opened_on: '2025-01-06', caseworker_user_id: caseworker })
    .returning('id').executeTakeFirstOrThrow();
  return { childId: child.id, caseId: theCase.id };
}

export async function createPlanWorld(t: TestDatabase): Promise<PlanWorld> {
  await addCouncils(t, '370', '886');
  const coordinator = await addUser(t, 'ehc-coordinator', '370');
  const secondCoordinator = await addUser(t, 'ehc-coordinator', '370');
  const parent = await addUser(t, 'parent-carer', '370');
  const otherParent = await addUser(t, 'parent-carer', '370');
  const main = await addChildWithCase(t, '370', 'Amara', 'EHC-370-000101', coordinator.id);
  const other = await addChildWithCase(t, '370', 'Bilal', 'EHC-370-000102', coordinator.id);
  const foreign = await addChildWithCase(t, '886', 'Cerys', 'EHC-886-000103', null);
  await t.adminDb.insertInto('family_members').values({ la_code: '370', child_id: main.childId, user_id: parent.id, relationship: 'parent' }).execute();
  await t.adminDb.insertInto('family_members').values({ la_code: '370', child_id: other.childId, user_id: otherParent.id, relationship: 'parent' }).execute();
  return { coordinator, secondCoordinator, parent, otherParent, caseId: main.caseId, childId: main.childId, otherCaseId: other.caseId, foreignCaseId: foreign.caseId };
}
