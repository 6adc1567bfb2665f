-- National scale (issue 14): a setting is fetched and updated by its id alone; with every
-- council's settings loaded (~25,000) that was a scan of the whole table. Ids are UUIDs.
create unique index settings_by_id on settings (id);
