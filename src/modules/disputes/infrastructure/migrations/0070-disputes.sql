-- Disputes: a family's disagreement with an appealable decision, tied to its case. The record is
-- dispute_events (append-only); stage, deadlines and figures are derived from them. The disputes
-- row holds only identity, the case it belongs to and a version for optimistic concurrency.

create table disputes (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  reference text not null,
  opened_on date not null,
  created_at timestamptz not null default now(),
  -- Every appended event bumps it; a writer holding an older version is refused.
  version integer not null default 0,
  primary key (la_code, id),
  unique (la_code, reference),
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);
create index disputes_case on disputes (la_code, case_id);

create table dispute_events (
  la_code char(3) not null,
  dispute_id uuid not null,
  seq integer not null,
  type text not null,
  occurred_on date not null,
  recorded_at timestamptz not null default now(),
  actor_user_id uuid,
  data jsonb not null default '{}'::jsonb,
  primary key (la_code, dispute_id, seq),
  foreign key (la_code, dispute_id) references disputes (la_code, id) on delete cascade
);
comment on table dispute_events is 'append-only: corrections are new events';
create index dispute_events_type on dispute_events (la_code, type, occurred_on);

alter table disputes enable row level security;
create policy tenant on disputes using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table dispute_events enable row level security;
create policy tenant on dispute_events using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
