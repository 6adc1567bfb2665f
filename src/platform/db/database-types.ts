import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Kysely's view of the tables. Each module adds its tables to `Database` by declaration merging in
 * its own infrastructure (see src/modules/<m>/infrastructure/*.tables.ts), so this file holds only
 * the platform's.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Date-only columns travel as 'YYYY-MM-DD' strings (pg type parser set in connection.ts). */
export type DateOnly = ColumnType<string, string, string>;

export interface CouncilsTable {
  la_code: string;
  ons_code: string;
  name: string;
  region_code: string;
  region_name: string;
}

export interface OrganisationsTable {
  la_code: string;
  id: Generated<string>;
  kind: string;
  name: string;
  urn: string | null;
  ukprn: string | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  last_sign_in_at: Timestamp | null;
}

export interface UserRolesTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  la_code: string | null;
  organisation_id: string | null;
  team: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface SignInAttemptsTable {
  email_hash: string;
  attempted_at: Generated<Date>;
  succeeded: boolean;
}

export interface AuditEventsTable {
  la_code: string;
  id: Generated<string>;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string;
  record_id: string;
  child_id: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
  /** Set by the hash-chain trigger (migration 0004); never written by the application. */
  chain_seq: ColumnType<number | null, never, never>;
  prev_hash: ColumnType<string | null, never, never>;
  hash: ColumnType<string | null, never, never>;
}

export interface ChildrenTable {
  la_code: string;
  id: Generated<string>;
  given_name: string;
  family_name: string;
  date_of_birth: DateOnly;
  upn: string | null;
  uln: string | null;
  gender: string | null;
  postcode: string | null;
  created_at: Generated<Date>;
}

export interface FamilyMembersTable {
  la_code: string;
  child_id: string;
  user_id: string;
  relationship: string;
}

export interface CasesTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  reference: string;
  kind: Generated<string>;
  caseworker_user_id: string | null;
  team: string | null;
  opened_on: DateOnly;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface CaseEventsTable {
  la_code: string;
  case_id: string;
  seq: number;
  type: string;
  occurred_on: DateOnly;
  recorded_at: Generated<Date>;
  actor_user_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface SettingsTable {
  la_code: string;
  id: Generated<string>;
  name: string;
  urn: string | null;
  ukprn: string | null;
  gias_type_code: string;
  kind: string;
  phase: string;
  age_from: number;
  age_to: number;
  needs_designated: ColumnType<string[], string[] | undefined, string[]>;
  commissioned_places: Generated<number>;
  in_area: Generated<boolean>;
  place_cost_pence: ColumnType<string | null, number | null | undefined, number | null>;
  postcode: string | null;
  trust_name: string | null;
}

export interface PlacementsTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  setting_id: string;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  sen_unit: Generated<boolean>;
  resourced_provision: Generated<boolean>;
  dual_registration: Generated<boolean>;
  residential: Generated<boolean>;
}

export interface Database {
  councils: CouncilsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_events: AuditEventsTable;
  children: ChildrenTable;
  family_members: FamilyMembersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  settings: SettingsTable;
  placements: PlacementsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
