-- Provision module, second step: travel (postcode coordinates), bands on placements, three-tier
-- alternative provision, bands and tariffs as data, the rate card for Section F, and the Local
-- Offer held in the shape of Open Referral UK 3.0.

-- Reference data, not personal data: the same postcode has the same place for every council, so
-- the table is shared and has no tenant policy. Synthetic ZZ99 postcodes are filled by the seed.
create table postcode_locations (
  postcode text primary key check (postcode = upper(postcode)),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  source text not null
);

-- The band a child's placement is funded at (element 3 top-up); null for placements with no top-up.
alter table placements add column band_code text;

create table ap_referrals (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  child_id uuid not null,
  tier smallint not null check (tier in (1, 2, 3)),
  referred_on date not null,
  referred_by_setting_id uuid,
  reason text not null check (length(reason) between 1 and 2000),
  created_at timestamptz not null default now(),
  primary key (la_code, id),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade,
  foreign key (la_code, referred_by_setting_id) references settings (la_code, id)
);

create table ap_placements (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  referral_id uuid not null,
  child_id uuid not null,
  setting_id uuid not null,
  tier smallint not null check (tier in (1, 2, 3)),
  starts_on date not null,
  -- Tier 2 is time-limited: it must say when the child is planned to go back.
  planned_return_on date,
  ends_on date,
  outcome text check (outcome in ('returned-to-mainstream', 'moved-to-special', 'other')),
  outcome_note text,
  primary key (la_code, id),
  foreign key (la_code, referral_id) references ap_referrals (la_code, id) on delete cascade,
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade,
  foreign key (la_code, setting_id) references settings (la_code, id),
  check (tier <> 2 or planned_return_on is not null),
  check (ends_on is null or ends_on >= starts_on),
  check ((outcome is null) = (ends_on is null))
);
create index ap_placements_child on ap_placements (la_code, child_id);

create table ap_reviews (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  ap_placement_id uuid not null,
  reviewed_on date not null,
  note text not null check (length(note) between 1 and 2000),
  primary key (la_code, id),
  foreign key (la_code, ap_placement_id) references ap_placements (la_code, id) on delete cascade
);
comment on table ap_reviews is 'append-only: a review is a record of what was said on the day';

-- Bands: national rows (la_code null) apply everywhere; a council's own row with the same code
-- wins for that council. A tariff change is a new row from its date; the old row gets an end date.
create table band_framework (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) references councils,
  band_code text not null check (band_code ~ '^[A-Z0-9-]{1,12}$'),
  level_of_need text not null,
  provision_type text not null,
  annual_top_up_pence bigint not null check (annual_top_up_pence >= 0),
  effective_from date not null,
  effective_to date,
  check (effective_to is null or effective_to >= effective_from)
);
create index band_framework_code on band_framework (band_code, effective_from);

-- Element 1 (core), element 2 (notional SEN) and element 3 (top-up, from the bands) per pupil a year.
create table funding_elements (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) references councils,
  element smallint not null check (element in (1, 2)),
  description text not null,
  annual_amount_pence bigint not null check (annual_amount_pence >= 0),
  effective_from date not null,
  effective_to date
);
-- Element 2: the £6,000 a mainstream school meets from its notional SEN budget before top-up
-- (DfE high needs operational guide). National, from the start of the 2014 reforms.
insert into funding_elements (la_code, element, description, annual_amount_pence, effective_from)
values (null, 2, 'Notional SEN budget (element 2)', 600000, '2014-09-01');

-- What an hour of Section F provision costs, by who delivers it.
create table rate_card (
  id uuid primary key default gen_random_uuid(),
  la_code char(3) references councils,
  deliverer_role text not null,
  hourly_rate_pence integer not null check (hourly_rate_pence >= 0),
  effective_from date not null,
  effective_to date
);

-- National rows are readable by every council; only a council's own rows are writable by it.
alter table band_framework enable row level security;
create policy tenant on band_framework using (la_code is null or la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table funding_elements enable row level security;
create policy tenant on funding_elements using (la_code is null or la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table rate_card enable row level security;
create policy tenant on rate_card using (la_code is null or la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table ap_referrals enable row level security;
create policy tenant on ap_referrals using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table ap_placements enable row level security;
create policy tenant on ap_placements using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table ap_reviews enable row level security;
create policy tenant on ap_reviews using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));

-- The Local Offer, kept in Open Referral UK 3.0's own shape so the API is a projection, not a
-- translation. Ids are ORUK's uuids (kept on import so a feed can be re-imported idempotently).
create table oruk_organizations (
  la_code char(3) not null,
  id uuid not null,
  name text not null,
  description text not null,
  email text,
  website text,
  primary key (la_code, id)
);
create table oruk_services (
  la_code char(3) not null,
  id uuid not null,
  organization_id uuid not null,
  name text not null,
  description text,
  url text,
  email text,
  status text not null check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  fees text,
  minimum_age integer,
  maximum_age integer,
  last_modified timestamptz not null default now(),
  primary key (la_code, id),
  foreign key (la_code, organization_id) references oruk_organizations (la_code, id) on delete cascade
);
create table oruk_locations (
  la_code char(3) not null,
  id uuid not null,
  name text,
  location_type text not null check (location_type in ('physical', 'postal', 'virtual')),
  address_1 text,
  city text,
  postal_code text,
  latitude double precision,
  longitude double precision,
  primary key (la_code, id)
);
create table oruk_service_at_locations (
  la_code char(3) not null,
  id uuid not null,
  service_id uuid not null,
  location_id uuid not null,
  primary key (la_code, id),
  foreign key (la_code, service_id) references oruk_services (la_code, id) on delete cascade,
  foreign key (la_code, location_id) references oruk_locations (la_code, id) on delete cascade
);
alter table oruk_organizations enable row level security;
create policy tenant on oruk_organizations using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table oruk_services enable row level security;
create policy tenant on oruk_services using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table oruk_locations enable row level security;
create policy tenant on oruk_locations using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table oruk_service_at_locations enable row level security;
create policy tenant on oruk_service_at_locations using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
