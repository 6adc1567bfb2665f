-- National scale (issue 14): the plan pages find a case's plan by case_id alone (the unique key
-- leads with la_code, which the row-level security filter cannot use as an index condition), so
-- with every council's plans loaded each plan page would walk the whole key. One plan per case.
create unique index plans_by_case on plans (case_id);
