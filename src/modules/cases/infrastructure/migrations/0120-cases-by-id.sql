-- National scale (issue 14): pages look a case up by its id alone (/cases/:id, its plan, its
-- steps). The primary key leads with la_code, and the row-level security filter cannot serve as
-- an index condition (it compares la_code::text with the session's councils), so with every
-- council loaded a lookup by id walked the whole primary key: ~300 ms at 730,000 cases. Ids are
-- UUIDs, unique on their own, so a unique index on id makes the lookup one probe at any size.
create unique index cases_by_id on cases (id);
