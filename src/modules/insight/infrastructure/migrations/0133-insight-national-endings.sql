-- Migrations 0123 (national counts cached per council) and 0130 (plans in place leave out ceased
-- and transferred plans) were written at the same time, and 0130 replaced 0123's cached
-- insight_national_counts with the old uncached body. This puts both together: the per-council
-- function gains the ending rule, the national function is 0123's cached one again, and counts
-- cached under the old definition are dropped so they are recomputed.

create or replace function insight_national_counts_for(p_la char(3), p_from date, p_to date, p_stock_on date)
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
    where e.la_code = p_la and e.type in ('request-received', 'decision-to-assess', 'final-plan-issued', 'exception-recorded')
    group by e.la_code, e.case_id
  ),
  latest_plans as (
    select distinct on (c.la_code, c.child_id) c.la_code, c.child_id, e.data->>'settingId' as setting_id, e.occurred_on as plan_on
    from case_events e join cases c on c.la_code = e.la_code and c.id = e.case_id
    where e.la_code = p_la and c.la_code = p_la and e.type = 'final-plan-issued' and e.occurred_on <= p_stock_on
    order by c.la_code, c.child_id, e.occurred_on desc, e.seq desc
  ),
  in_place as (
    select p.la_code, s.kind
    from latest_plans p
    join children ch on ch.la_code = p_la and ch.id = p.child_id
    left join settings s on s.la_code = p_la
      -- by its uuid (an index probe), not s.id::text (a scan of the council's settings per plan);
      -- only canonical lowercase uuids, exactly the ids the text comparison could match
      and s.id = case when p.setting_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then p.setting_id::uuid end
    where ch.date_of_birth <= p_stock_on and date_part('year', age(p_stock_on, ch.date_of_birth)) <= 25
      -- Ceased, or transferred to another council, since the latest plan was issued: not in place.
      and not exists (
        select 1 from case_events x join cases cx on cx.la_code = x.la_code and cx.id = x.case_id
        where x.la_code = p_la and cx.la_code = p_la and cx.child_id = p.child_id and x.type in ('plan-ceased', 'plan-transferred-out')
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
revoke all on function insight_national_counts_for(char, date, date, date) from public;

create or replace function insight_national_counts(p_from date, p_to date, p_stock_on date)
  returns table (la_code char(3), measure text, n bigint)
  language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  council record;
  can_store boolean := not pg_is_in_recovery();
begin
  -- The counter is read before the facts: a change committed meanwhile leaves the stored version
  -- older than the data, so the next visit recomputes (never a stale answer marked current).
  for council in
    select c.la_code, coalesce(ch.version, 0) as version,
      exists (select 1 from insight_national_cache k
              where k.la_code = c.la_code and k.p_from = insight_national_counts.p_from and k.p_to = insight_national_counts.p_to
                and k.p_stock_on = insight_national_counts.p_stock_on and k.measure = '' and k.source_version = coalesce(ch.version, 0)) as fresh
    from councils c left join insight_changes ch on ch.la_code = c.la_code
  loop
    if not council.fresh and can_store then
      delete from insight_national_cache k
        where k.la_code = council.la_code and k.p_from = insight_national_counts.p_from and k.p_to = insight_national_counts.p_to and k.p_stock_on = insight_national_counts.p_stock_on;
      insert into insight_national_cache (la_code, p_from, p_to, p_stock_on, source_version, measure, n)
        select council.la_code, insight_national_counts.p_from, insight_national_counts.p_to, insight_national_counts.p_stock_on, council.version, f.measure, f.n
        from insight_national_counts_for(council.la_code, insight_national_counts.p_from, insight_national_counts.p_to, insight_national_counts.p_stock_on) f
        union all
        select council.la_code, insight_national_counts.p_from, insight_national_counts.p_to, insight_national_counts.p_stock_on, council.version, '', 0
      on conflict on constraint insight_national_cache_pkey do update set source_version = excluded.source_version, n = excluded.n;
      council.fresh := true;
    end if;
    if council.fresh then
      return query select k.la_code, k.measure, k.n from insight_national_cache k
        where k.la_code = council.la_code and k.p_from = insight_national_counts.p_from and k.p_to = insight_national_counts.p_to
          and k.p_stock_on = insight_national_counts.p_stock_on and k.measure <> '';
    else
      return query select f.la_code, f.measure, f.n from insight_national_counts_for(council.la_code, insight_national_counts.p_from, insight_national_counts.p_to, insight_national_counts.p_stock_on) f;
    end if;
  end loop;
end $$;
revoke all on function insight_national_counts(date, date, date) from public;
grant execute on function insight_national_counts(date, date, date) to opensend_app;

delete from insight_national_cache;
