-- A request for assessment while it is being written. The family may not have an account and may
-- not have chosen a council yet, so a draft belongs to no council: its random id, carried in the
-- address, is the only key to it. Row-level security makes that literal: a transaction sees only the
-- draft whose id it has set in app.request_draft_id, so no query can list other people's drafts.
create table request_drafts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('family', 'setting')),
  answers jsonb not null default '{}'::jsonb,
  created_by uuid references users on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  -- Set once sent: the confirmation page reads them, and the draft can no longer be changed.
  submitted_at timestamptz,
  la_code char(3) references councils,
  case_id uuid,
  request_reference text
);
create index request_drafts_expiry on request_drafts (expires_at);

alter table request_drafts enable row level security;
create policy own_draft on request_drafts
  using (id = nullif(current_setting('app.request_draft_id', true), '')::uuid)
  with check (id = nullif(current_setting('app.request_draft_id', true), '')::uuid);

-- A family who asked without an account is invited to create one. The link sent by email carries a
-- token; only its SHA-256 is stored, so a copy of this table cannot be used to take over a child's record.
create table account_invitations (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  child_id uuid not null,
  case_id uuid not null,
  email text not null,
  display_name text not null,
  relationship text not null check (relationship in ('parent', 'carer', 'young-person')),
  token_sha256 char(64) not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  verified_at timestamptz,
  used_at timestamptz,
  primary key (la_code, id),
  unique (la_code, token_sha256),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade,
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);

alter table account_invitations enable row level security;
create policy tenant on account_invitations using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));

-- Expired drafts are removed by this function (run as its owner, so it can see every draft while the
-- application role still cannot list them). Called when a new draft is started.
create function purge_expired_request_drafts() returns integer
  language sql security definer set search_path = public as $$
  with gone as (delete from request_drafts where expires_at < now() returning 1) select count(*)::integer from gone
$$;

-- The request as sent, kept with the case: what the family or setting said, in their words. The
-- draft is deleted after 7 days; this is the durable copy a caseworker reads.
create table case_requests (
  la_code char(3) not null,
  reference text not null,
  case_id uuid not null,
  kind text not null check (kind in ('family', 'setting')),
  answers jsonb not null,
  submitted_by uuid references users,
  submitted_at timestamptz not null default now(),
  primary key (la_code, reference),
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);
comment on table case_requests is 'append-only: the request as it was sent';
create index case_requests_case on case_requests (la_code, case_id);

alter table case_requests enable row level security;
create policy tenant on case_requests using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
