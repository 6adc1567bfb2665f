/**
 * The rows a synthetic local area is made of, shaped like the tables they go into (snake_case
 * columns) so the loader can write them without a mapping layer. Ids are generated up front from
 * the seeded stream because rows refer to each other before anything reaches the database.
 */
import type { Council } from './council.ts';
import type { Role } from '../../../platform/identity/roles.ts';

export interface OrganisationRow {
  la_code: string; id: string; kind: string; name: string; urn: string | null; ukprn: string | null;
}

export interface SettingRow {
  la_code: string; id: string; name: string; urn: string | null; ukprn: string | null;
  gias_type_code: string; kind: string; phase: string; age_from: number; age_to: number;
  needs_designated: string[]; commissioned_places: number; in_area: boolean;
  place_cost_pence: number | null; postcode: string | null; trust_name: string | null;
}

/** `demo_password`: the loader sets the shared demo password hash; false means cannot sign in. */
export interface UserRow { id: string; email: string; display_name: string; demo_password: boolean }

export interface UserRoleRow {
  id: string; user_id: string; role: Role; la_code: string | null; organisation_id: string | null; team: string | null;
}

export interface ChildRow {
  la_code: string; id: string; given_name: string; family_name: string; date_of_birth: string;
  upn: string | null; uln: string | null; gender: 'M' | 'F' | 'U'; postcode: string | null;
}

export interface FamilyMemberRow {
  la_code: string; child_id: string; user_id: string; relationship: 'parent' | 'carer' | 'young-person';
}

export interface CaseRow {
  la_code: string; id: string; child_id: string; reference: string; kind: string;
  caseworker_user_id: string | null; team: string | null; opened_on: string;
}

export interface CaseEventRow {
  la_code: string; case_id: string; seq: number; type: string; occurred_on: string;
  actor_user_id: string | null; data: Record<string, unknown>;
}

export interface PlacementRow {
  la_code: string; id: string; child_id: string; setting_id: string; starts_on: string; ends_on: string | null;
  sen_unit: boolean; resourced_provision: boolean; dual_registration: boolean; residential: boolean;
}

/** A demo sign-in printed by `opensend seed` and on first start. */
export interface DemoAccount {
  role: Role;
  email: string;
  displayName: string;
  /** What this person will find after signing in, in plain words. */
  sees: string;
}

export interface DemoArea {
  council: Council;
  organisations: OrganisationRow[];
  settings: SettingRow[];
  users: UserRow[];
  userRoles: UserRoleRow[];
  children: ChildRow[];
  familyMembers: FamilyMemberRow[];
  cases: CaseRow[];
  caseEvents: CaseEventRow[];
  placements: PlacementRow[];
  demoAccounts: DemoAccount[];
}

/** Table names in the order rows must be written (parents before children). */
export const WRITE_ORDER = [
  'organisations', 'settings', 'users', 'userRoles', 'children', 'familyMembers', 'cases', 'caseEvents', 'placements',
] as const;
export type RowSet = (typeof WRITE_ORDER)[number];
