import type { ColumnType, Generated } from 'kysely';

/** Tables of single sign-on and two-factor sign-in (migration 0110), merged into Database. */
export interface UserIdentityLinksTable {
  issuer: string;
  subject: string;
  user_id: string;
  provider: 'staff' | 'family';
  linked_at: Generated<Date>;
}

export interface TotpEnrolmentsTable {
  user_id: string;
  secret_encrypted: string;
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** bigint travels as a string from pg. */
  last_used_step: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: Generated<Date>;
}

export interface TotpRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SignInChallengesTable {
  id: string;
  user_id: string;
  return_to: string;
  attempts: Generated<number>;
  created_at: Generated<Date>;
}

declare module '../db/database-types.ts' {
  interface Database {
    user_identity_links: UserIdentityLinksTable;
    totp_enrolments: TotpEnrolmentsTable;
    totp_recovery_codes: TotpRecoveryCodesTable;
    sign_in_challenges: SignInChallengesTable;
  }
}
