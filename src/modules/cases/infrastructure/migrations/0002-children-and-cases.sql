-- Children and young people (synthetic in every environment but production), the family members
-- who may see their record, and cases: the ordered events that are the record of the statutory
-- process. State (stage, deadlines) is derived from the events; nothing is overwritten.

create table children (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  given_name text not null,
  family_name text not null,
  date_of_birth date not null,
  upn text,
  uln text,
  gender text check (gender in ('M', 'F', 'U')),
  postcode text,
  created_at timestamptz not null default now(),
  primary key (la_code, id)
);

create table family_members (
  la_code char(3) not null,
  child_id uuid not null,
  user_id uuid not null references users on delete cascade,
  relationship text not null check (relationship in ('parent', 'carer', 'young-person')),
  primary key (la_code, child_id, user_id),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade
);
create index family_members_user on family_members (user_id);

create table cases (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  child_id uuid not null,
  reference text not null,
  kind text not null default 'ehc-needs-assessment',
  caseworker_user_id uuid references users,
  team text,
  opened_on date not null,
  created_at timestamptz not null default now(),
  -- Optimistic concurrency: every change bumps it; a stale writer is refused.
  version integer not null default 1,
  primary key (la_code, id),
  unique (la_code, reference),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade
);
create index cases_caseworker on cases (la_code, caseworker_user_id);
create index cases_child on cases (la_code, child_id);

create table case_events (
  la_code char(3) not null,
  case_id uuid not null,
  seq integer not null,
  type text not null,
  occurred_on date not null,
  recorded_at timestamptz not null default now(),
  actor_user_id uuid,
  data jsonb not null default '{}'::jsonb,
  primary key (la_code, case_id, seq),
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);
comment on table case_events is 'append-only: corrections are new events';
create index case_events_type on case_events (la_code, type, occurred_on);

alter table children enable row level security;
create policy tenant on children using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table family_members enable row level security;
create policy tenant on family_members using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table cases enable row level security;
create policy tenant on cases using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table case_events enable row level security;
create policy tenant on case_events using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
