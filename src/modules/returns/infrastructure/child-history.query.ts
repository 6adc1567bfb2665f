import type { CaseEvent } from '../../cases/index.ts';
import type { ChildHistory, SettingFacts } from '../domain/child-history.ts';

/**
 * One row per child of the council (the mapping drops those with nothing in this collection year:
 * a filter here made the planner join cases to children row by row on fresh statistics), holding their
 * cases (with events), placements and named settings as JSON, in the canonical person order. The
 * export declares a cursor over this and fetches it a thousand children at a time.
 * $1 = LA code, $2 = period end.
 */
const SETTING_JSON = `json_build_object('id', s.id, 'name', s.name, 'urn', s.urn, 'ukprn', s.ukprn, 'kind', s.kind, 'sen2Code', sc.code)`;

export const CHILD_HISTORY_SQL = `
select c.id, c.given_name, c.family_name, c.date_of_birth::text as date_of_birth, c.upn, c.uln, c.gender, c.postcode,
  d.ethnicity, d.upn_unknown,
  (select json_agg(json_build_object('id', k.id, 'reference', k.reference, 'openedOn', k.opened_on::text,
      'events', (select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'occurredOn', e.occurred_on::text, 'data', e.data) order by e.seq)
                 from case_events e where e.la_code = k.la_code and e.case_id = k.id)) order by k.opened_on, k.reference)
   from cases k where k.la_code = c.la_code and k.child_id = c.id) as cases,
  (select json_agg(json_build_object('setting', ${SETTING_JSON}, 'startsOn', p.starts_on::text, 'endsOn', p.ends_on::text,
      'senUnit', p.sen_unit, 'resourcedProvision', p.resourced_provision) order by p.starts_on, p.id)
   from placements p join settings s on s.la_code = p.la_code and s.id = p.setting_id
   left join sen2_setting_codes sc on sc.la_code = s.la_code and sc.setting_id = s.id
   where p.la_code = c.la_code and p.child_id = c.id) as placements,
  (select json_agg(${SETTING_JSON}) from (
     select distinct case when e.data->>'settingId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (e.data->>'settingId')::uuid end as sid
     from cases k join case_events e on e.la_code = k.la_code and e.case_id = k.id
     where k.la_code = c.la_code and k.child_id = c.id and e.type = 'final-plan-issued') x
   join settings s on s.la_code = c.la_code and s.id = x.sid
   left join sen2_setting_codes sc on sc.la_code = s.la_code and sc.setting_id = s.id) as named_settings
from children c
left join sen2_person_details d on d.la_code = c.la_code and d.child_id = c.id
where c.la_code = $1 and $2::date is not null
order by c.family_name, c.given_name, c.date_of_birth, c.upn nulls last, c.uln nulls last, c.id`;

export interface ChildHistoryRow {
  id: string; given_name: string; family_name: string; date_of_birth: string; upn: string | null; uln: string | null;
  gender: string | null; postcode: string | null; ethnicity: string | null; upn_unknown: string | null;
  cases: { id: string; reference: string; openedOn: string; events: CaseEvent[] | null }[] | null;
  placements: ChildHistory['placements'] | null;
  named_settings: SettingFacts[] | null;
}

export function childHistoryOf(row: ChildHistoryRow): ChildHistory {
  return {
    childId: row.id, givenName: row.given_name, familyName: row.family_name, dateOfBirth: row.date_of_birth,
    upn: row.upn, uln: row.uln, gender: row.gender, postcode: row.postcode, ethnicity: row.ethnicity, upnUnknown: row.upn_unknown,
    cases: (row.cases ?? []).map((k) => ({ ...k, events: k.events ?? [] })),
    placements: row.placements ?? [],
    namedSettings: Object.fromEntries((row.named_settings ?? []).map((s) => [s.id, s])),
  };
}

/** How many children the export will read, for the progress bar. */
export const CHILD_COUNT_SQL = `select count(*)::int as n from children c where c.la_code = $1 and $2::date is not null`;
