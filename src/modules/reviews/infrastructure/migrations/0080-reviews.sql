-- Living plans (module reviews). Review steps, amendments, ceasing and phase-transfer naming are
-- case events; these tables hold what is not a step on one case: each council's review settings,
-- and moves between councils, which concern two tenancies.

-- One row per council. The Code of Practice (9.178) says plans for under-fives should be reviewed
-- every 3 to 6 months; the council chooses. at_risk_weeks: how close to a phase-transfer deadline a
-- child with no named setting is shown as at risk.
create table review_settings (
  la_code char(3) not null references councils,
  under_five_months integer not null default 6 check (under_five_months between 3 and 6),
  at_risk_weeks integer not null default 6 check (at_risk_weeks between 1 and 26),
  updated_at timestamptz not null default now(),
  primary key (la_code)
);
alter table review_settings enable row level security;
create policy tenant on review_settings using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));

-- A move between councils (reg 15) is recorded once in each council's own tenancy, with the same id:
-- direction 'out' for the old council, 'in' for the new one. Row-level security stays strict: the
-- old council cannot read or write the new council's rows. The 'in' row is created by
-- send_plan_transfer() below, which runs as its owner but only for a caller who holds the old
-- council, and copies only what the new council needs to find the child and meet its 6 weeks.
create table plan_transfers (
  la_code char(3) not null references councils,
  id uuid not null,
  direction text not null check (direction in ('out', 'in')),
  counterpart_la_code char(3) not null references councils,
  case_id uuid,
  case_reference text not null,
  child_given_name text not null,
  child_family_name text not null,
  child_date_of_birth date not null,
  aware_on date not null,
  moved_on date not null,
  notice_late boolean not null,
  transferred_on date,
  informed_on date,
  created_at timestamptz not null default now(),
  primary key (la_code, id),
  foreign key (la_code, case_id) references cases (la_code, id) on delete set null (case_id),
  check (counterpart_la_code <> la_code)
);
create index plan_transfers_open on plan_transfers (la_code, direction) where informed_on is null;
alter table plan_transfers enable row level security;
create policy tenant on plan_transfers using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));

create function send_plan_transfer(p_id uuid, p_from char(3), p_to char(3)) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  out_row plan_transfers%rowtype;
begin
  if not (p_from = any (app_la_codes())) then
    raise exception 'not permitted: the caller does not act for council %', p_from using errcode = '42501';
  end if;
  select * into out_row from plan_transfers where la_code = p_from and id = p_id and direction = 'out';
  if not found then
    raise exception 'no outgoing transfer % in council %', p_id, p_from using errcode = 'P0002';
  end if;
  insert into plan_transfers (la_code, id, direction, counterpart_la_code, case_id, case_reference, child_given_name,
    child_family_name, child_date_of_birth, aware_on, moved_on, notice_late, transferred_on)
  values (p_to, p_id, 'in', p_from, null, out_row.case_reference, out_row.child_given_name, out_row.child_family_name,
    out_row.child_date_of_birth, out_row.aware_on, out_row.moved_on, out_row.notice_late, out_row.transferred_on)
  on conflict (la_code, id) do update set transferred_on = excluded.transferred_on;
end
$$;
revoke all on function send_plan_transfer(uuid, char, char) from public;
grant execute on function send_plan_transfer(uuid, char, char) to opensend_app;
