-- The local SEND partnership (issue 7). Partner organisations are rows of `organisations` (their
-- kind is the sector); these tables add who answers for them, what is asked of them outside the
-- case events, what they committed to in Sections G/H1/H2, the escalation ladder each duty climbs,
-- and the council's formal notices with the partners' responses (the record of its backstop).
-- Advice and consultation requests stay case events (cases module): they are not copied here.

-- Who answers for a partner: designated officers (DCO/DMO for health, DSCO for social care, a
-- designated officer elsewhere) and the senior manager the ladder reaches before the board.
create table partner_officers (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  organisation_id uuid not null,
  role text not null check (role in ('dco', 'dmo', 'dsco', 'designated-officer', 'senior-manager')),
  name text not null check (length(name) between 1 and 200),
  email text not null check (length(email) between 3 and 320),
  team text,
  primary key (la_code, id),
  foreign key (la_code, organisation_id) references organisations (la_code, id) on delete cascade
);
create index partner_officers_org on partner_officers (la_code, organisation_id);

-- Duties the council adds under its local partnership agreement (the national ones are data in
-- src/modules/partners/domain/partner-duties.ts). A period of calendar days from the request.
create table partner_local_duties (
  la_code char(3) not null references councils,
  id text not null check (id ~ '^[a-z0-9-]{3,40}$'),
  name text not null check (length(name) between 3 and 200),
  period_days integer not null check (period_days between 1 and 366),
  source text not null check (length(source) between 3 and 500),
  added_on date not null,
  primary key (la_code, id)
);

-- A council's own escalation ladder for a duty, replacing the default: days from the due date at
-- which each step is taken (negative: before it is due). Edited with an optimistic version.
create table partner_ladders (
  la_code char(3) not null references councils,
  duty_id text not null,
  steps jsonb not null,
  version integer not null default 0,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (la_code, duty_id)
);

-- Duties asked of a partner that no other module records: advice for and attendance at an annual
-- review, and the council's local duties. clock_from is the date the duty's clock counts from (the
-- request, or the review meeting for duties counted back from it).
create table partner_requests (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  organisation_id uuid not null,
  duty_id text not null,
  case_id uuid,
  title text not null check (length(title) between 3 and 300),
  asked_on date not null,
  clock_from date not null,
  done_on date,
  done_note text,
  version integer not null default 0,
  primary key (la_code, id),
  foreign key (la_code, organisation_id) references organisations (la_code, id) on delete cascade,
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);
create index partner_requests_org on partner_requests (la_code, organisation_id);

-- Provision a partner committed to in a plan (G: health; H1/H2: social care), tracked to delivery.
create table partner_commitments (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  organisation_id uuid not null,
  case_id uuid not null,
  section text not null check (section in ('G', 'H1', 'H2')),
  provision text not null check (length(provision) between 3 and 2000),
  committed_on date not null,
  version integer not null default 0,
  primary key (la_code, id),
  foreign key (la_code, organisation_id) references organisations (la_code, id) on delete cascade,
  foreign key (la_code, case_id) references cases (la_code, id) on delete cascade
);
create index partner_commitments_org on partner_commitments (la_code, organisation_id);
create index partner_commitments_case on partner_commitments (la_code, case_id);

-- What happened to a commitment: the partner's updates and the family's reports of non-delivery.
create table partner_commitment_events (
  la_code char(3) not null,
  commitment_id uuid not null,
  seq integer not null,
  type text not null check (type in ('started', 'delivered', 'not-delivered', 'family-reported')),
  occurred_on date not null,
  note text check (length(note) <= 2000),
  actor_user_id uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, commitment_id, seq),
  foreign key (la_code, commitment_id) references partner_commitments (la_code, id) on delete cascade
);
comment on table partner_commitment_events is 'append-only: what happened to a commitment, as reported';

-- Each step a late duty climbed, once per obligation and step (the job is safe to run again).
-- obligation_key names the duty's instance: advice:<case>:<advice id>, consultation:<case>:<id>,
-- request:<id> or commitment:<id>.
create table partner_escalations (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  obligation_key text not null,
  organisation_id uuid not null,
  duty_id text not null,
  step text not null check (step in ('reminder', 'designated-officer', 'senior-manager', 'partnership-board')),
  due_on date not null,
  step_due_on date not null,
  stepped_on date not null,
  notified integer not null default 0,
  case_id uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, id),
  unique (la_code, obligation_key, step),
  foreign key (la_code, organisation_id) references organisations (la_code, id) on delete cascade
);
comment on table partner_escalations is 'append-only: the steps taken on late duties';
create index partner_escalations_org on partner_escalations (la_code, organisation_id, stepped_on);

-- A formal notice from the council to a partner, and the partner's response.
create table partner_notices (
  la_code char(3) not null,
  id uuid not null default gen_random_uuid(),
  organisation_id uuid not null,
  reference text not null,
  obligation_key text,
  subject text not null check (length(subject) between 3 and 200),
  body text not null check (length(body) between 3 and 10000),
  issued_on date not null,
  respond_by date not null,
  issued_by uuid,
  recorded_at timestamptz not null default now(),
  primary key (la_code, id),
  unique (la_code, reference),
  foreign key (la_code, organisation_id) references organisations (la_code, id) on delete cascade
);
comment on table partner_notices is 'append-only: formal notices are never changed';

create table partner_notice_responses (
  la_code char(3) not null,
  notice_id uuid not null,
  responded_on date not null,
  responder_user_id uuid,
  body text not null check (length(body) between 3 and 10000),
  recorded_at timestamptz not null default now(),
  primary key (la_code, notice_id),
  foreign key (la_code, notice_id) references partner_notices (la_code, id) on delete cascade
);
comment on table partner_notice_responses is 'append-only: one response per notice, kept as given';

alter table partner_officers enable row level security;
create policy tenant on partner_officers using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_local_duties enable row level security;
create policy tenant on partner_local_duties using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_ladders enable row level security;
create policy tenant on partner_ladders using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_requests enable row level security;
create policy tenant on partner_requests using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_commitments enable row level security;
create policy tenant on partner_commitments using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_commitment_events enable row level security;
create policy tenant on partner_commitment_events using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_escalations enable row level security;
create policy tenant on partner_escalations using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_notices enable row level security;
create policy tenant on partner_notices using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table partner_notice_responses enable row level security;
create policy tenant on partner_notice_responses using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
