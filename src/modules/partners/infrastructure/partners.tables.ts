import type { Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';

/** Migration 0090: the local SEND partnership. */
export interface PartnerOfficersTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  role: string;
  name: string;
  email: string;
  team: string | null;
}

export interface PartnerLocalDutiesTable {
  la_code: string;
  id: string;
  name: string;
  period_days: number;
  source: string;
  added_on: DateOnly;
}

export interface PartnerLaddersTable {
  la_code: string;
  duty_id: string;
  steps: unknown;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface PartnerRequestsTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  duty_id: string;
  case_id: string | null;
  title: string;
  asked_on: DateOnly;
  clock_from: DateOnly;
  done_on: DateOnly | null;
  done_note: string | null;
  version: Generated<number>;
}

export interface PartnerCommitmentsTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  section: string;
  provision: string;
  committed_on: DateOnly;
  version: Generated<number>;
}

export interface PartnerCommitmentEventsTable {
  la_code: string;
  commitment_id: string;
  seq: number;
  type: string;
  occurred_on: DateOnly;
  note: string | null;
  actor_user_id: string | null;
  recorded_at: Generated<Date>;
}

export interface PartnerEscalationsTable {
  la_code: string;
  id: Generated<string>;
  obligation_key: string;
  organisation_id: string;
  duty_id: string;
  step: string;
  due_on: DateOnly;
  step_due_on: DateOnly;
  stepped_on: DateOnly;
  notified: Generated<number>;
  case_id: string | null;
  recorded_at: Generated<Date>;
}

export interface PartnerNoticesTable {
  la_code: string;
  id: Generated<string>;
  organisation_id: string;
  reference: string;
  obligation_key: string | null;
  subject: string;
  body: string;
  issued_on: DateOnly;
  respond_by: DateOnly;
  issued_by: string | null;
  recorded_at: Generated<Date>;
}

export interface PartnerNoticeResponsesTable {
  la_code: string;
  notice_id: string;
  responded_on: DateOnly;
  responder_user_id: string | null;
  body: string;
  recorded_at: Generated<Date>;
}

/** Migration 0091: who at a partner holds a piece of work. */
export interface PartnerAssignmentsTable {
  la_code: string;
  obligation_key: string;
  organisation_id: string;
  user_id: string;
  assigned_on: DateOnly;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    partner_officers: PartnerOfficersTable;
    partner_local_duties: PartnerLocalDutiesTable;
    partner_ladders: PartnerLaddersTable;
    partner_requests: PartnerRequestsTable;
    partner_commitments: PartnerCommitmentsTable;
    partner_commitment_events: PartnerCommitmentEventsTable;
    partner_escalations: PartnerEscalationsTable;
    partner_notices: PartnerNoticesTable;
    partner_notice_responses: PartnerNoticeResponsesTable;
    partner_assignments: PartnerAssignmentsTable;
  }
}
