-- Moving between councils, the hand-over (reg 15). 0080 gave the new council a record of the move;
-- this lets it open the case from it: the old council's request carries the plan as issued (its
-- document when OpenSEND holds one, its issue date, last review and primary need), and each
-- council's views on the move travel to the other. Everything still crosses tenancies only through
-- the security-definer functions below, each refusing a caller who does not act for the sending
-- council; the application never reads or writes the other council's rows.
alter table plan_transfers
  add column plan_document jsonb,
  add column plan_issued_on date,
  add column last_review_on date,
  add column primary_need text,
  -- This council's views on the move (the old council's on sending, the new council's on receiving).
  add column views text check (length(views) <= 5000),
  -- The other council's views, as it last shared them.
  add column counterpart_views text,
  -- The new council's own case, once it has opened one from the transfer.
  add column opened_case_id uuid,
  add column opened_on date,
  add foreign key (la_code, opened_case_id) references cases (la_code, id) on delete set null (opened_case_id);

create or replace function send_plan_transfer(p_id uuid, p_from char(3), p_to char(3)) returns void
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
    child_family_name, child_date_of_birth, aware_on, moved_on, notice_late, transferred_on,
    plan_document, plan_issued_on, last_review_on, primary_need, counterpart_views)
  values (p_to, p_id, 'in', p_from, null, out_row.case_reference, out_row.child_given_name, out_row.child_family_name,
    out_row.child_date_of_birth, out_row.aware_on, out_row.moved_on, out_row.notice_late, out_row.transferred_on,
    out_row.plan_document, out_row.plan_issued_on, out_row.last_review_on, out_row.primary_need, out_row.views)
  on conflict (la_code, id) do update set transferred_on = excluded.transferred_on, counterpart_views = excluded.counterpart_views;
end
$$;

-- Shares the caller's views on a move with the other council (either direction).
create function share_plan_transfer_views(p_id uuid, p_la char(3)) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  mine plan_transfers%rowtype;
begin
  if not (p_la = any (app_la_codes())) then
    raise exception 'not permitted: the caller does not act for council %', p_la using errcode = '42501';
  end if;
  select * into mine from plan_transfers where la_code = p_la and id = p_id;
  if not found then
    raise exception 'no transfer % in council %', p_id, p_la using errcode = 'P0002';
  end if;
  update plan_transfers set counterpart_views = mine.views where la_code = mine.counterpart_la_code and id = p_id;
end
$$;
revoke all on function share_plan_transfer_views(uuid, char) from public;
grant execute on function share_plan_transfer_views(uuid, char) to opensend_app;
