-- Retention: how long a council keeps a child's record, per kind of record, counted in years from
-- the child's date of birth (the default, 31 years, is the common local-authority schedule for SEN
-- files: 25 years from birth plus 6). A row exists only where the council has chosen a period;
-- otherwise the default applies. `version` makes two administrators' edits conflict, not overwrite.
create table retention_rules (
  la_code char(3) not null references councils,
  record_type text not null check (record_type in ('child-record', 'documents')),
  years_after_birth integer not null check (years_after_birth between 1 and 100),
  updated_by uuid references users,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (la_code, record_type)
);

-- A legal hold stops deletion of everything about a child (litigation, an inquiry, a complaint to
-- the Ombudsman) until it is lifted. Lifting keeps the row: who placed and lifted it, and why.
create table legal_holds (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  child_id uuid not null,
  reason text not null check (length(reason) between 1 and 2000),
  placed_by uuid references users,
  placed_at timestamptz not null default now(),
  lifted_by uuid references users,
  lifted_at timestamptz,
  lift_reason text,
  primary key (la_code, id),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade,
  check ((lifted_at is null) = (lifted_by is null and lift_reason is null) or lifted_at is not null)
);
create index legal_holds_child on legal_holds (la_code, child_id) where lifted_at is null;

alter table retention_rules enable row level security;
create policy tenant on retention_rules using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table legal_holds enable row level security;
create policy tenant on legal_holds using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
