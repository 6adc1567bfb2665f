-- Every message the service sends, as sent: the record of what a family or partner was told and
-- when. In the embedded default nothing leaves the machine and the development mailbox shows it.
create table outbox (
  la_code char(3) not null references councils,
  id uuid not null default gen_random_uuid(),
  recipient text not null,
  template text not null,
  personalisation jsonb not null default '{}'::jsonb,
  subject text not null,
  body text not null,
  channel text not null default 'outbox' check (channel in ('outbox', 'govuk-notify')),
  created_at timestamptz not null default now(),
  primary key (la_code, id)
);
comment on table outbox is 'append-only: the record of messages sent';
create index outbox_recent on outbox (created_at desc);

alter table outbox enable row level security;
create policy tenant on outbox using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
