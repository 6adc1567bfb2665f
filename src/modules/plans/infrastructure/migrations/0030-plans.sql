-- EHC plans (ADR 0008): a plan belongs to a case; each version is one JSON document that validates
-- against ehcp-v1.schema.json. Drafts change; issued (final) versions never do, which a trigger
-- enforces below so that a bug or a hand-written UPDATE cannot rewrite what a family was sent.

create table plans (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  child_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (la_code, id),
  -- One plan per case: amendments are new versions of the same plan.
  unique (la_code, case_id),
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade,
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade
);

create table plan_versions (
  la_code char(3) not null,
  plan_id uuid not null,
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'final')),
  document jsonb not null,
  issued_on date,
  issued_by uuid references users,
  created_at timestamptz not null default now(),
  -- Optimistic concurrency: every save of the draft bumps it; a save made from an older copy of a
  -- section that has changed since is refused and shown to the person as a conflict.
  lock_version integer not null default 1,
  primary key (la_code, plan_id, version),
  foreign key (la_code, plan_id) references plans (la_code, id) on delete cascade,
  check ((status = 'final') = (issued_on is not null))
);
-- At most one draft per plan at a time.
create unique index plan_versions_one_draft on plan_versions (la_code, plan_id) where status = 'draft';

create table plan_comments (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  version integer not null,
  section_key text not null check (section_key in ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K')),
  parent_id uuid,
  author_user_id uuid references users,
  author_role text not null,
  body text not null check (length(body) between 1 and 5000),
  created_at timestamptz not null default now(),
  primary key (la_code, id),
  foreign key (la_code, plan_id, version) references plan_versions (la_code, plan_id, version) on delete cascade,
  foreign key (la_code, parent_id) references plan_comments (la_code, id)
);
comment on table plan_comments is 'append-only: a comment stays with the version it was made on';
create index plan_comments_thread on plan_comments (la_code, plan_id, version, section_key, created_at);

create or replace function plan_versions_refuse_final_update() returns trigger
  language plpgsql as $$
begin
  if old.status = 'final' then
    raise exception 'plan % version % has been issued and cannot be changed', old.plan_id, old.version
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger plan_versions_immutable_when_final
  before update on plan_versions for each row execute function plan_versions_refuse_final_update();

create or replace function plan_versions_refuse_final_delete() returns trigger
  language plpgsql as $$
begin
  if old.status = 'final' then
    raise exception 'plan % version % has been issued and cannot be deleted', old.plan_id, old.version
      using errcode = 'check_violation';
  end if;
  return old;
end
$$;
-- Row deletes of issued versions are refused too; a cascade from deleting the whole case (test
-- resets, erasure by the owner role) goes through the same trigger, so it is limited to the app role.
create trigger plan_versions_no_delete_when_final
  before delete on plan_versions for each row when (current_user = 'opensend_app') execute function plan_versions_refuse_final_delete();

alter table plans enable row level security;
create policy tenant on plans using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table plan_versions enable row level security;
create policy tenant on plan_versions using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table plan_comments enable row level security;
create policy tenant on plan_comments using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
