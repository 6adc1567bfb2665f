-- Work trays per user: who at a partner has taken a piece of work (advice, a review contribution,
-- provision to start). One holder per duty instance; releasing it deletes the row. Reminders go to
-- the holder, or to all the partner's staff while nobody holds it.
create table partner_assignments (
  la_code char(3) not null references councils,
  obligation_key text not null,
  organisation_id uuid not null,
  user_id uuid not null references users,
  assigned_on date not null,
  primary key (la_code, obligation_key),
  foreign key (la_code, organisation_id) references organisations (la_code, id) on delete cascade
);
create index partner_assignments_user on partner_assignments (user_id);

alter table partner_assignments enable row level security;
create policy tenant on partner_assignments using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
