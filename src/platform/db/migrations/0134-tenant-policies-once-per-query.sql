-- Row-level security policies read the caller's councils once per query, not once per row
-- (docs/adr/0021-request-path-costs.md).
--
-- Every tenant policy was `la_code = any (app_la_codes())`. app_la_codes() is stable but not
-- constant, so PostgreSQL evaluated it (current_setting, string_to_array) for every row a query
-- looked at: a caseload join touching 800 projection rows spent most of its 0.5 ms there. Wrapped
-- in a scalar subquery (cast, so ANY reads it as an array rather than as a subquery) it becomes an
-- InitPlan, evaluated once per query; what a policy allows is unchanged. This rewrites every policy in the schema that calls app_la_codes() directly, so it
-- covers each module's tables without naming them; test/platform/row-level-security.test.ts fails
-- if a later migration adds a policy in the old form.
do $$
declare
  p record;
  new_qual text;
  new_check text;
begin
  for p in
    select tablename, policyname, qual, with_check from pg_policies
    where schemaname = 'public' and (qual like '%app_la_codes()%' or with_check like '%app_la_codes()%')
  loop
    new_qual := replace(p.qual, 'app_la_codes()', '(select app_la_codes())::text[]');
    new_check := replace(p.with_check, 'app_la_codes()', '(select app_la_codes())::text[]');
    if new_check is null then
      execute format('alter policy %I on public.%I using (%s)', p.policyname, p.tablename, new_qual);
    elsif new_qual is null then
      execute format('alter policy %I on public.%I with check (%s)', p.policyname, p.tablename, new_check);
    else
      execute format('alter policy %I on public.%I using (%s) with check (%s)', p.policyname, p.tablename, new_qual, new_check);
    end if;
  end loop;
end
$$;
