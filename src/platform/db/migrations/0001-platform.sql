-- Platform tables: councils, organisations, people who sign in, sessions and the audit trail.
-- Tenant tables carry la_code (DfE three-digit LA code) in their primary and foreign keys so that
-- row-level security can confine each request to its councils and a national deployment could
-- shard by council without a schema change.

create extension if not exists pgcrypto;

-- The tenancy of the current transaction, set by the application with set_config(..., true).
create or replace function app_la_codes() returns text[]
  language sql stable as $$
  select coalesce(string_to_array(nullif(current_setting('app.la_codes', true), ''), ','), '{}'::text[])
$$;

create or replace function app_user_id() returns uuid
  language sql stable as $$
  select nullif(current_setting('app.user_id', true), '')::uuid
$$;

create table councils (
  la_code char(3) primary key,
  ons_code text not null,
  name text not null,
  region_code text not null,
  region_name text not null
);

create table organisations (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('council', 'school', 'academy-trust', 'early-years', 'post-16', 'icb',
    'social-care', 'educational-psychology', 'alternative-provision', 'mediation-service', 'sendiass', 'other')),
  name text not null,
  urn text,
  ukprn text,
  created_at timestamptz not null default now(),
  primary key (la_code, id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index users_email_key on users (lower(email));

-- A role held in a council (la_code null only for national roles: national analyst, system administrator).
create table user_roles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users on delete cascade,
  role text not null check (role in ('parent-carer', 'young-person', 'ehc-coordinator', 'send-manager',
    'setting-senco', 'health-partner', 'social-care-partner', 'mediator', 'national-analyst', 'system-admin')),
  la_code char(3) references councils,
  organisation_id uuid,
  team text,
  foreign key (la_code, organisation_id) references organisations (la_code, id),
  check ((la_code is null) = (role in ('national-analyst', 'system-admin')))
);
create unique index user_roles_unique on user_roles (user_id, role, coalesce(la_code, '---'), coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'));

-- Sessions are keyed by a hash of the cookie token, so a copy of this table cannot be replayed.
create table sessions (
  id text primary key,
  user_id uuid references users on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  data jsonb not null default '{}'::jsonb
);
create index sessions_last_seen on sessions (last_seen_at);

create table sign_in_attempts (
  email_hash text not null,
  attempted_at timestamptz not null default now(),
  succeeded boolean not null
);
create index sign_in_attempts_recent on sign_in_attempts (email_hash, attempted_at);

create table audit_events (
  la_code char(3) not null references councils,
  id bigint generated always as identity,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_role text,
  action text not null,
  record_type text not null,
  record_id text not null,
  child_id uuid,
  request_id text,
  detail jsonb not null default '{}'::jsonb,
  primary key (la_code, id)
);
comment on table audit_events is 'append-only: every view and change of a child''s record';
create index audit_events_child on audit_events (la_code, child_id, occurred_at desc);

alter table organisations enable row level security;
create policy tenant on organisations using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table audit_events enable row level security;
create policy tenant on audit_events using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
