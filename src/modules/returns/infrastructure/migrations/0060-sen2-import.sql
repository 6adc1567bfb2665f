-- What a SEN2 import brings that the case record does not hold: the person's ethnicity and the
-- reason a UPN/ULN is unavailable (exported again in the next return), and which placeholder
-- settings stand for a SEN2 SENSetting code (EOTAS, elective home education, NEET…), so the next
-- export writes the code back instead of a setting name.

create table sen2_person_details (
  la_code char(3) not null,
  child_id uuid not null,
  ethnicity text not null,
  upn_unknown text check (upn_unknown ~ '^UN([1-9]|10)$'),
  primary key (la_code, child_id),
  foreign key (la_code, child_id) references children (la_code, id) on delete cascade
);

create table sen2_setting_codes (
  la_code char(3) not null,
  setting_id uuid not null,
  code text not null check (code in ('OLA', 'EHE', 'EYP', 'OPA', 'OTH', 'NEET', 'NIEC', 'NIEO')),
  primary key (la_code, setting_id),
  unique (la_code, code),
  foreign key (la_code, setting_id) references settings (la_code, id) on delete cascade
);

alter table sen2_person_details enable row level security;
create policy tenant on sen2_person_details using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
alter table sen2_setting_codes enable row level security;
create policy tenant on sen2_setting_codes using (la_code = any (app_la_codes())) with check (la_code = any (app_la_codes()));
