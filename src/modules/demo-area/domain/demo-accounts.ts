import type { Role } from '../../../platform/identity/roles.ts';
import type { Council } from './council.ts';
import type { DemoAccount, FamilyMemberRow, UserRoleRow, UserRow } from './demo-area-rows.ts';
import type { PartnerOrganisations } from './organisations.ts';
import type { Random } from './prng.ts';
import { FAMILY_NAMES, GIVEN_NAMES_F, STAFF_GIVEN_NAMES } from './synthetic-names.ts';

/**
 * The shared password of every demo account. Demo only: it is printed on screen and in the README,
 * and the accounts exist only in a synthetic local area.
 */
export const DEMO_PASSWORD = 'Demo-password-2026';

export const demoEmail = (local: string, laCode: string): string => `${local}@${laCode}.demo.opensend.test`;
/** Every account the seed creates for a council ends with this, which is how a reset finds them. */
export const demoEmailDomain = (laCode: string): string => `@${laCode}.demo.opensend.test`;

export interface Coordinator { userId: string; team: string; demo: boolean }

export interface People {
  users: UserRow[];
  userRoles: UserRoleRow[];
  familyMembers: FamilyMemberRow[];
  coordinators: Coordinator[];
  accounts: DemoAccount[];
}

const COORDINATOR_TEAMS = ['North', 'North', 'North', 'South', 'South', 'Post-16', 'Post-16'] as const;

interface StaffSpec { local: string; role: Role; organisationId: string | null; national?: boolean; team?: string }

export interface StaffInput {
  council: Council;
  partners: PartnerOrganisations;
  sencoOrganisationId: string;
}

/** Staff accounts: one demo sign-in per professional role plus six coordinators who cannot sign in. */
export function generateStaff(input: StaffInput, random: Random): People {
  const { council, partners } = input;
  const la = council.laCode;
  const users: UserRow[] = [];
  const userRoles: UserRoleRow[] = [];
  const coordinators: Coordinator[] = [];
  const add = (spec: StaffSpec, signsIn: boolean): string => {
    const id = random.uuid();
    users.push({ id, email: demoEmail(spec.local, la), display_name: `${random.pick(STAFF_GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`, demo_password: signsIn });
    userRoles.push({
      id: random.uuid(), user_id: id, role: spec.role, la_code: spec.national ? null : la,
      organisation_id: spec.organisationId, team: spec.team ?? null,
    });
    return id;
  };
  COORDINATOR_TEAMS.forEach((team, i) => {
    const demo = i === 0;
    const userId = add({ local: demo ? 'coordinator' : `coordinator-${i + 1}`, role: 'ehc-coordinator', organisationId: partners.council.id, team }, demo);
    coordinators.push({ userId, team, demo });
  });
  const specs: StaffSpec[] = [
    { local: 'manager', role: 'send-manager', organisationId: partners.council.id },
    { local: 'senco', role: 'setting-senco', organisationId: input.sencoOrganisationId },
    { local: 'health', role: 'health-partner', organisationId: partners.icb.id },
    { local: 'social-care', role: 'social-care-partner', organisationId: partners.socialCare.id },
    { local: 'mediator', role: 'mediator', organisationId: partners.mediation.id },
    { local: 'analyst', role: 'national-analyst', organisationId: null, national: true },
    { local: 'admin', role: 'system-admin', organisationId: null, national: true },
  ];
  for (const spec of specs) add(spec, true);
  return { users, userRoles, familyMembers: [], coordinators, accounts: [] };
}

export interface FamilyInput {
  laCode: string;
  parentOf: { childId: string; familyName: string };
  youngPerson: { childId: string; givenName: string; familyName: string };
}

/** The parent of a child being assessed, and a young person (17–19) with their own plan. */
export function generateFamilyAccounts(input: FamilyInput, random: Random): People {
  const parentId = random.uuid();
  const youngId = random.uuid();
  const la = input.laCode;
  return {
    users: [
      { id: parentId, email: demoEmail('parent', la), display_name: `${random.pick(GIVEN_NAMES_F)} ${input.parentOf.familyName}`, demo_password: true },
      { id: youngId, email: demoEmail('young-person', la), display_name: `${input.youngPerson.givenName} ${input.youngPerson.familyName}`, demo_password: true },
    ],
    userRoles: [
      { id: random.uuid(), user_id: parentId, role: 'parent-carer', la_code: la, organisation_id: null, team: null },
      { id: random.uuid(), user_id: youngId, role: 'young-person', la_code: la, organisation_id: null, team: null },
    ],
    familyMembers: [
      { la_code: la, child_id: input.parentOf.childId, user_id: parentId, relationship: 'parent' },
      { la_code: la, child_id: input.youngPerson.childId, user_id: youngId, relationship: 'young-person' },
    ],
    coordinators: [],
    accounts: [],
  };
}

/** What each demo sign-in will find, in the order the roles are listed everywhere else. */
export function describeAccounts(
  users: UserRow[], userRoles: UserRoleRow[],
  sees: Partial<Record<Role, string>>,
): DemoAccount[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  const order: Role[] = ['parent-carer', 'young-person', 'ehc-coordinator', 'send-manager', 'setting-senco', 'health-partner', 'social-care-partner', 'mediator', 'national-analyst', 'system-admin'];
  const accounts: DemoAccount[] = [];
  for (const role of order) {
    const grant = userRoles.find((r) => r.role === role && byId.get(r.user_id)?.demo_password);
    const user = grant ? byId.get(grant.user_id) : undefined;
    if (user) accounts.push({ role, email: user.email, displayName: user.display_name, sees: sees[role] ?? '' });
  }
  return accounts;
}
