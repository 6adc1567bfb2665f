-- Sign-in by single sign-on and the second factor for local staff accounts.
-- These are not tenant tables (a person signs in before any council is in scope), so they carry no
-- la_code and no row-level security. Nobody but the owner and the application role may touch them:
-- PUBLIC gets nothing, and the application role cannot change or remove an identity link (it may only
-- add one), so a compromised request cannot silently re-point somebody's SSO identity at another user.

-- Which identity at which provider is which OpenSEND user. (issuer, subject) is the only stable key
-- an OpenID provider promises; email addresses change and are reused.
create table user_identity_links (
  issuer text not null,
  subject text not null,
  user_id uuid not null references users on delete cascade,
  provider text not null check (provider in ('staff', 'family')),
  linked_at timestamptz not null default now(),
  primary key (issuer, subject)
);
-- One identity per user at each provider: a second subject claiming the same email is refused.
create unique index user_identity_links_one_per_issuer on user_identity_links (issuer, user_id);
comment on table user_identity_links is 'append-only: an SSO identity once linked to a user is changed only by an administrator';

-- A TOTP secret per staff user (RFC 6238). The secret is encrypted with AES-256-GCM under a key the
-- database never sees (see docs/sign-in.md). confirmed_at is null until the first code is proved;
-- last_used_step refuses the same code twice.
create table totp_enrolments (
  user_id uuid primary key references users on delete cascade,
  secret_encrypted text not null,
  confirmed_at timestamptz,
  last_used_step bigint,
  created_at timestamptz not null default now()
);

-- One-time recovery codes: stored as SHA-256 (each code has 50 bits of randomness, so a fast hash is
-- enough and lets them be found by value); shown once at enrolment.
create table totp_recovery_codes (
  user_id uuid not null references users on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- Between a correct password and a correct second factor: the browser holds a random token, the row
-- holds its SHA-256, who it is for, where to go afterwards and how many codes have been tried.
create table sign_in_challenges (
  id text primary key,
  user_id uuid not null references users on delete cascade,
  return_to text not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now()
);
create index sign_in_challenges_created on sign_in_challenges (created_at);

revoke all on user_identity_links, totp_enrolments, totp_recovery_codes, sign_in_challenges from public;
