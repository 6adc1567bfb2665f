-- Planning: what the partnership writes for its local inclusion plan (priorities and the actions
-- under them) and for the area SEND inspection self-evaluation (commentary per framework section).
-- Every row is dated and attributed; `version` is the optimistic-concurrency counter (an edit names
-- the version it was made on and is refused if another edit landed first); every saved version is
-- kept in planning_revisions so the documents can be read as they stood.

create table planning_priorities (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  position integer not null check (position between 1 and 99),
  title text not null check (length(title) between 1 and 200),
  description text not null check (length(description) between 1 and 5000),
  version integer not null default 1 check (version >= 1),
  written_on date not null,
  author_user_id uuid references users,
  author_name text not null,
  author_role text not null,
  updated_at timestamptz not null default now(),
  primary key (la_code, id)
);

create table planning_actions (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  priority_id uuid not null,
  description text not null check (length(description) between 1 and 2000),
  lead text not null check (length(lead) between 1 and 200),
  due_on date not null,
  status text not null check (status in ('not-started', 'on-track', 'at-risk', 'done')),
  version integer not null default 1 check (version >= 1),
  written_on date not null,
  author_user_id uuid references users,
  author_name text not null,
  author_role text not null,
  updated_at timestamptz not null default now(),
  primary key (la_code, id),
  foreign key (la_code, priority_id) references planning_priorities (la_code, id) on delete cascade
);
create index planning_actions_priority on planning_actions (la_code, priority_id);

create table planning_self_evaluation (
  la_code char(3) not null references councils,
  section_id text not null,
  body text not null check (length(body) between 1 and 10000),
  version integer not null default 1 check (version >= 1),
  written_on date not null,
  author_user_id uuid references users,
  author_name text not null,
  author_role text not null,
  updated_at timestamptz not null default now(),
  primary key (la_code, section_id)
);

-- Every saved version of every entry, written in the same transaction as the change.
create table planning_revisions (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  record_kind text not null check (record_kind in ('priority', 'action', 'self-evaluation')),
  record_id text not null,
  version integer not null,
  content jsonb not null,
  written_on date not null,
  author_user_id uuid references users,
  author_name text not null,
  author_role text not null,
  created_at timestamptz not null default now(),
  primary key (la_code, id),
  unique (la_code, record_kind, record_id, version)
);
comment on table planning_revisions is 'append-only: the history of every planning entry';

alter table planning_priorities enable row level security;
create policy tenant on planning_priorities using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table planning_actions enable row level security;
create policy tenant on planning_actions using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table planning_self_evaluation enable row level security;
create policy tenant on planning_self_evaluation using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table planning_revisions enable row level security;
create policy tenant on planning_revisions using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
