-- Audit events are sealed into each council's hash chain shortly after they are written, rather
-- than as they are written (docs/adr/0020-audit-sealing.md). Chaining in the writing transaction
-- held a per-council lock until commit, so every audited request in a council waited for the one
-- before it to flush its commit to disk: one fsync at a time, whatever the concurrency. Now the
-- event is written (and made durable) with the work it records, lock-free; `audit_seal()` then
-- chains every committed, unsealed event in batches, one council at a time under that council's
-- lock. The chain is the same and `opensend audit verify` checks it the same way.

drop trigger audit_events_chain on audit_events;
drop function audit_events_chain();
create index audit_events_unsealed on audit_events (la_code, id) where chain_seq is null;

create function audit_seal(p_limit integer default 20000) returns integer
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  council text;
  e audit_events;
  last_seq bigint;
  last_hash text;
  sealed integer := 0;
begin
  for council in select distinct la_code from audit_events where chain_seq is null order by la_code loop
    perform pg_advisory_xact_lock(hashtext('opensend-audit:' || council));
    select chain_seq, hash into last_seq, last_hash from audit_events
      where la_code = council and chain_seq is not null order by chain_seq desc limit 1;
    for e in select * from audit_events where la_code = council and chain_seq is null order by id limit p_limit for update loop
      e.chain_seq := coalesce(last_seq, 0) + 1;
      e.prev_hash := last_hash;
      e.hash := encode(digest(audit_event_canonical(e), 'sha256'), 'hex');
      update audit_events set chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash where la_code = e.la_code and id = e.id;
      last_seq := e.chain_seq;
      last_hash := e.hash;
      sealed := sealed + 1;
    end loop;
  end loop;
  return sealed;
end
$$;

revoke all on function audit_seal(integer) from public;
grant execute on function audit_seal(integer) to opensend_app;
