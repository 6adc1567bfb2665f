-- Tamper-evident audit: each council's audit events form a hash chain. Every new event takes the
-- next chain position and hashes its own content together with the previous event's hash, under a
-- per-council lock, so the chain order is the order events were committed into it. Deleting or
-- altering any event breaks every link after it, which `opensend audit verify` detects.

alter table audit_events add column chain_seq bigint, add column prev_hash text, add column hash text;
create unique index audit_events_chain on audit_events (la_code, chain_seq);

-- The canonical text of an event: fixed field order, timestamps in UTC, so any session recomputes it.
create or replace function audit_event_canonical(e audit_events) returns text
  language sql immutable as $$
  select concat_ws('|', e.la_code, e.chain_seq::text,
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), e.action, e.record_type, e.record_id,
    coalesce(e.child_id::text, ''), coalesce(e.request_id, ''), e.detail::text, coalesce(e.prev_hash, ''))
$$;

create or replace function audit_events_chain() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  last record;
begin
  perform pg_advisory_xact_lock(hashtext('opensend-audit:' || new.la_code));
  select chain_seq, hash into last from audit_events where la_code = new.la_code order by chain_seq desc nulls last limit 1;
  new.chain_seq := coalesce(last.chain_seq, 0) + 1;
  new.prev_hash := last.hash;
  new.hash := encode(digest(audit_event_canonical(new), 'sha256'), 'hex');
  return new;
end
$$;

create trigger audit_events_chain before insert on audit_events
  for each row execute function audit_events_chain();
