import type { ColumnType, Generated } from 'kysely';

export interface RequestDraftsTable {
  id: Generated<string>;
  kind: string;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Generated<Date>;
  submitted_at: Date | null;
  la_code: string | null;
  case_id: string | null;
  request_reference: string | null;
}

export interface AccountInvitationsTable {
  la_code: string;
  id: Generated<string>;
  child_id: string;
  case_id: string;
  email: string;
  display_name: string;
  relationship: string;
  token_sha256: string;
  created_at: Generated<Date>;
  expires_at: Date;
  verified_at: Date | null;
  used_at: Date | null;
}

export interface CaseRequestsTable {
  la_code: string;
  reference: string;
  case_id: string;
  kind: string;
  answers: ColumnType<Record<string, unknown>, string, never>;
  submitted_by: string | null;
  submitted_at: Generated<Date>;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    request_drafts: RequestDraftsTable;
    account_invitations: AccountInvitationsTable;
    case_requests: CaseRequestsTable;
  }
}
