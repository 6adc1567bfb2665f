-- Documents uploaded with a request, as advice or as evidence. Stored in PostgreSQL (bytea) so a
-- backup of the database is a backup of the case file: no second store to keep in step.
-- A document belongs to a case; while a setting's request is still being written it belongs to
-- that request draft instead, and is attached to the case when the request is sent.
create table documents (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  case_id uuid,
  request_draft_id uuid,
  kind text not null check (kind in ('request-evidence', 'advice', 'other')),
  file_name text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 char(64) not null,
  content bytea not null,
  uploaded_by uuid references users,
  uploaded_at timestamptz not null default now(),
  primary key (la_code, id),
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade,
  check (case_id is not null or request_draft_id is not null)
);
create index documents_case on documents (la_code, case_id);
create index documents_draft on documents (request_draft_id) where request_draft_id is not null;

alter table documents enable row level security;
create policy tenant on documents using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
