-- A projection of each case's derived state, written in the same transaction as every event
-- (see docs/adr/0010-case-deadline-projection.md). It exists only so caseloads can sort and filter
-- 20,000 cases by their next statutory deadline with an index; the events stay the record, and
-- the projection can be rebuilt from them at any time. `projected_version` is the cases.version it
-- was derived from: a row behind its case is stale and is rebuilt before it is read.

create table case_deadlines (
  la_code char(3) not null,
  case_id uuid not null,
  projected_version integer not null,
  stage text not null,
  next_rule_id text,
  next_title text,
  next_due date,
  -- A recorded exception means the next deadline's limit does not apply.
  next_exception boolean not null default false,
  requested_on date,
  decided_on date,
  decision text check (decision in ('assess', 'not-assess')),
  final_issued_on date,
  -- The 20-week limit did not apply (an exception under reg 13(3)): DfE reports these separately.
  final_exception boolean not null default false,
  primary key (la_code, case_id),
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);
create index case_deadlines_next_due on case_deadlines (la_code, next_due);
create index case_deadlines_stage on case_deadlines (la_code, stage, next_due);
create index case_deadlines_requested on case_deadlines (la_code, requested_on);

alter table case_deadlines enable row level security;
create policy tenant on case_deadlines using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
