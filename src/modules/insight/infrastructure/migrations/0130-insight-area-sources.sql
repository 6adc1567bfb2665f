-- The AP and disputes indicators read alternative provision placements and dispute events, so a
-- change to either must make the council's cached indicators out of date, as case events do.
create trigger insight_ap_placements_inserted after insert on ap_placements referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_ap_placements_updated after update on ap_placements referencing new table as new_rows old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_ap_placements_deleted after delete on ap_placements referencing old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_dispute_events_inserted after insert on dispute_events referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_dispute_events_deleted after delete on dispute_events referencing old table as old_rows for each statement execute function insight_mark_changed();

-- Plans in place leave out plans ceased or transferred away (as the TypeScript definition now does).
create or replace function insight_national_counts(p_from date, p_to date, p_stock_on date)
  returns table (la_code char(3), measure text, n bigint)
  language sql stable security definer set search_path = public, pg_temp as $$
  with facts as (
    select e.la_code, e.case_id,
      min(e.occurred_on) filter (where e.type = 'request-received') as request_on,
      (array_agg(e.data->>'decision' order by e.seq) filter (where e.type = 'decision-to-assess' and e.data->>'decision' in ('assess', 'not-assess')))[1] as decision,
      (array_agg(e.occurred_on order by e.seq) filter (where e.type = 'decision-to-assess' and e.data->>'decision' in ('assess', 'not-assess')))[1] as decision_on,
      (array_agg(e.occurred_on order by e.seq) filter (where e.type = 'final-plan-issued'))[1] as plan_on,
      min(e.seq) filter (where e.type = 'final-plan-issued') as plan_seq,
      min(e.seq) filter (where e.type = 'exception-recorded') as exception_seq
    from case_events e
    where e.type in ('request-received', 'decision-to-assess', 'final-plan-issued', 'exception-recorded')
    group by e.la_code, e.case_id
  ),
  latest_plans as (
    select distinct on (c.la_code, c.child_id) c.la_code, c.child_id, e.data->>'settingId' as setting_id, e.occurred_on as plan_on
    from case_events e join cases c on c.la_code = e.la_code and c.id = e.case_id
    where e.type = 'final-plan-issued' and e.occurred_on <= p_stock_on
    order by c.la_code, c.child_id, e.occurred_on desc, e.seq desc
  ),
  in_place as (
    select p.la_code, s.kind
    from latest_plans p
    join children ch on ch.la_code = p.la_code and ch.id = p.child_id
    left join settings s on s.la_code = p.la_code and s.id::text = p.setting_id
    where ch.date_of_birth <= p_stock_on and date_part('year', age(p_stock_on, ch.date_of_birth)) <= 25
      -- Ceased, or transferred to another council, since the latest plan was issued: not in place.
      and not exists (
        select 1 from case_events x join cases cx on cx.la_code = x.la_code and cx.id = x.case_id
        where cx.la_code = p.la_code and cx.child_id = p.child_id and x.type in ('plan-ceased', 'plan-transferred-out')
          and x.occurred_on > p.plan_on and x.occurred_on <= p_stock_on)
  )
  select la_code, 'plans-in-place', count(*) from in_place group by la_code
  union all
  select la_code, 'mainstream-plans', count(*) from in_place where kind in ('mainstream', 'resourced-provision', 'sen-unit') group by la_code
  union all
  select f.la_code, m.measure, count(*) filter (where m.applies)
  from facts f
  cross join lateral (values
    ('requests', f.request_on between p_from and p_to),
    ('refused', f.request_on between p_from and p_to and f.decision = 'not-assess'),
    ('decided', f.request_on between p_from and p_to and f.decision_on is not null),
    ('decided-within-6-weeks', f.request_on between p_from and p_to and f.decision_on <= f.request_on + 42),
    ('new-plans', f.plan_on between p_from and p_to),
    ('issued', f.plan_on between p_from and p_to and f.request_on is not null),
    ('issued-within-20-weeks', f.plan_on between p_from and p_to and f.plan_on <= f.request_on + 140),
    ('issued-excluding-exceptions', f.plan_on between p_from and p_to and f.request_on is not null and not coalesce(f.exception_seq < f.plan_seq, false)),
    ('issued-excluding-exceptions-within-20-weeks', f.plan_on between p_from and p_to and f.plan_on <= f.request_on + 140 and not coalesce(f.exception_seq < f.plan_seq, false))
  ) as m (measure, applies)
  group by f.la_code, m.measure
$$;

