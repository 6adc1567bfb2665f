-- Insight: the partnership's narratives beside its indicators, the per-council cache of computed
-- indicator values (see docs/adr/0011-indicator-aggregates.md), and the aggregate-only national
-- functions.

-- What lies behind a figure and what is being done, written by the partnership. A new narrative
-- supersedes the last; history is kept so a figure can be read with what was said at the time.
create table insight_narratives (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  indicator_id text not null,
  body text not null check (length(body) between 1 and 5000),
  written_on date not null,
  author_user_id uuid not null references users,
  author_name text not null,
  author_role text not null,
  created_at timestamptz not null default now(),
  primary key (la_code, id)
);
comment on table insight_narratives is 'append-only: a new narrative supersedes the previous one';
create index insight_narratives_latest on insight_narratives (la_code, indicator_id, created_at desc);

-- A counter per council bumped by any change to the data the indicators read. The cache below is
-- valid while its source_version equals the council's counter.
create table insight_changes (
  la_code char(3) primary key references councils,
  version bigint not null default 1
);

create table insight_snapshots (
  la_code char(3) not null references councils,
  as_of date not null,
  granularity text not null check (granularity in ('month', 'quarter', 'year')),
  source_version bigint not null,
  computed_at timestamptz not null default now(),
  payload jsonb not null,
  primary key (la_code, as_of, granularity)
);

alter table insight_narratives enable row level security;
create policy tenant on insight_narratives using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table insight_changes enable row level security;
create policy tenant on insight_changes using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table insight_snapshots enable row level security;
create policy tenant on insight_snapshots using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));

-- Statement-level triggers: one upsert per statement and council, however many rows (a seed of
-- 100,000 events costs one row update). Security definer so the bump never depends on the caller.
create function insight_mark_changed() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into insight_changes (la_code) select distinct la_code from new_rows
      on conflict (la_code) do update set version = insight_changes.version + 1;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into insight_changes (la_code) select distinct la_code from old_rows
      on conflict (la_code) do update set version = insight_changes.version + 1;
  end if;
  return null;
end $$;
revoke all on function insight_mark_changed() from public;

create trigger insight_case_events_inserted after insert on case_events referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_cases_deleted after delete on cases referencing old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_children_inserted after insert on children referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_children_updated after update on children referencing new table as new_rows old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_children_deleted after delete on children referencing old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_settings_inserted after insert on settings referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_settings_updated after update on settings referencing new table as new_rows old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_settings_deleted after delete on settings referencing old table as old_rows for each statement execute function insight_mark_changed();
