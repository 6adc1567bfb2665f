-- The settings a council uses (schools, special schools, AP, early years, post-16) and each child's
-- placement history. GIAS establishment type codes are DfE's; URN (6 digits) or UKPRN (8 digits).

create table settings (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  name text not null,
  urn text check (urn ~ '^\d{6}$'),
  ukprn text check (ukprn ~ '^\d{8}$'),
  gias_type_code text not null,
  kind text not null check (kind in ('mainstream', 'resourced-provision', 'sen-unit', 'special', 'independent-special',
    'alternative-provision', 'early-years', 'post-16', 'specialist-post-16')),
  phase text not null,
  age_from integer not null,
  age_to integer not null,
  needs_designated text[] not null default '{}',
  commissioned_places integer not null default 0,
  in_area boolean not null default true,
  place_cost_pence bigint,
  postcode text,
  trust_name text,
  primary key (la_code, id)
);

create table placements (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  child_id uuid not null,
  setting_id uuid not null,
  starts_on date not null,
  ends_on date,
  sen_unit boolean not null default false,
  resourced_provision boolean not null default false,
  dual_registration boolean not null default false,
  residential boolean not null default false,
  primary key (la_code, id),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade,
  foreign key (la_code, setting_id) references settings (la_code, id)
);
create index placements_child on placements (la_code, child_id);
create index placements_setting on placements (la_code, setting_id) where ends_on is null;

alter table settings enable row level security;
create policy tenant on settings using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table placements enable row level security;
create policy tenant on placements using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
