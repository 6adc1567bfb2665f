-- Cost per plan reads placements and the council's tariffs: changing either marks the council's
-- figures out of date, as case events do.
create trigger insight_placements_inserted after insert on placements referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_placements_updated after update on placements referencing new table as new_rows old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_placements_deleted after delete on placements referencing old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_finance_tariffs_inserted after insert on finance_tariffs referencing new table as new_rows for each statement execute function insight_mark_changed();
create trigger insight_finance_tariffs_updated after update on finance_tariffs referencing new table as new_rows old table as old_rows for each statement execute function insight_mark_changed();
create trigger insight_finance_tariffs_deleted after delete on finance_tariffs referencing old table as old_rows for each statement execute function insight_mark_changed();
