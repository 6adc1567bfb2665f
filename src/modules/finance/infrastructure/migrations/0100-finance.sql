-- Finance: the high-needs budget (allocation and lines), tariffs per placement type, the council's
-- ledger of actual spend, capital projects, scenarios and Safety Valve / DBV targets. Money is whole
-- pence (bigint). A financial year is named by the calendar year it starts in (2026 = 2026-27).

create table finance_years (
  la_code char(3) not null references councils,
  year integer not null check (year between 2014 and 2100),
  allocation_pence bigint not null check (allocation_pence >= 0),
  -- The cumulative DSG high-needs position carried into the year; negative is a deficit.
  brought_forward_pence bigint not null default 0,
  -- Forecast assumptions, in basis points a year (300 = 3%).
  inflation_bp integer not null default 300 check (inflation_bp between -2000 and 5000),
  allocation_growth_bp integer not null default 300 check (allocation_growth_bp between -2000 and 5000),
  -- Optimistic concurrency: an edit made from an older version is refused.
  version integer not null default 1,
  primary key (la_code, year)
);

create table finance_budget_lines (
  la_code char(3) not null,
  year integer not null,
  line text not null check (line in ('mainstream-top-up', 'resourced-provision', 'maintained-special', 'academy-special',
    'independent-special', 'alternative-provision', 'post-16', 'out-of-area', 'personal-budgets')),
  budget_pence bigint not null check (budget_pence >= 0),
  primary key (la_code, year, line),
  foreign key (la_code, year) references finance_years (la_code, year) on delete cascade
);

-- Cost per place a year, by placement type. A change is a new row from its date; the old row ends.
create table finance_tariffs (
  la_code char(3) not null references councils,
  line text not null,
  annual_pence bigint not null check (annual_pence >= 0),
  effective_from date not null,
  effective_to date,
  primary key (la_code, line, effective_from),
  check (effective_to is null or effective_to >= effective_from)
);

create table finance_ledger_imports (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  file_name text not null,
  imported_at timestamptz not null default now(),
  imported_by uuid,
  rows_imported integer not null,
  rows_already_held integer not null default 0,
  total_pence bigint not null,
  primary key (la_code, id)
);
comment on table finance_ledger_imports is 'append-only: the record of what was imported and when';

-- One payment from the council's ledger. The ledger's reference is unique in the council, so the
-- same file imported twice adds nothing the second time.
create table finance_ledger_entries (
  la_code char(3) not null,
  reference text not null,
  import_id uuid not null,
  posted_on date not null,
  year integer not null,
  line text not null,
  amount_pence bigint not null,
  description text not null default '',
  primary key (la_code, reference),
  foreign key (la_code, import_id) references finance_ledger_imports (la_code, id)
);
comment on table finance_ledger_entries is 'append-only: a correction is a new payment (a credit) in a later ledger';
create index finance_ledger_entries_year on finance_ledger_entries (la_code, year, line);

create table finance_capital_projects (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('new-school', 'unit', 'expansion')),
  places integer not null check (places > 0),
  age_from integer not null check (age_from between 0 and 25),
  age_to integer not null check (age_to between 0 and 25),
  needs text[] not null default '{}',
  opens_on date not null,
  primary key (la_code, id),
  check (age_to >= age_from)
);

create table finance_scenarios (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 120),
  change jsonb not null,
  created_at timestamptz not null default now(),
  primary key (la_code, id)
);

create table finance_targets (
  la_code char(3) not null references councils,
  programme text not null check (programme in ('safety-valve', 'dbv')),
  year integer not null,
  -- The cumulative position the agreement expects at the end of the year (negative is a deficit).
  cumulative_pence bigint not null,
  primary key (la_code, programme, year)
);

alter table finance_years enable row level security;
create policy tenant on finance_years using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_budget_lines enable row level security;
create policy tenant on finance_budget_lines using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_tariffs enable row level security;
create policy tenant on finance_tariffs using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_ledger_imports enable row level security;
create policy tenant on finance_ledger_imports using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_ledger_entries enable row level security;
create policy tenant on finance_ledger_entries using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_capital_projects enable row level security;
create policy tenant on finance_capital_projects using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_scenarios enable row level security;
create policy tenant on finance_scenarios using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table finance_targets enable row level security;
create policy tenant on finance_targets using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
