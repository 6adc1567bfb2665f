import type { CaseEvent } from '../../cases/index.ts';

/**
 * Everything the SEN2 mapping needs to know about one child, as read from the case record. The
 * export query builds one of these per child, in person order, so a batch never holds more than a
 * thousand children.
 */
export interface SettingFacts {
  id: string;
  name: string;
  urn: string | null;
  ukprn: string | null;
  kind: string;
  /** A SEN2 SENSetting code this setting stands for (recorded by an import), if any. */
  sen2Code: string | null;
}

export interface PlacementFacts {
  setting: SettingFacts;
  startsOn: string;
  endsOn: string | null;
  senUnit: boolean;
  resourcedProvision: boolean;
}

export interface CaseHistory {
  id: string;
  reference: string;
  openedOn: string;
  events: CaseEvent[];
}

export interface ChildHistory {
  childId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  upn: string | null;
  uln: string | null;
  gender: string | null;
  postcode: string | null;
  /** From an earlier SEN2 import; OpenSEND itself does not record these. */
  ethnicity: string | null;
  upnUnknown: string | null;
  cases: CaseHistory[];
  placements: PlacementFacts[];
  /** Settings named in final-plan-issued events, by id. */
  namedSettings: Record<string, SettingFacts>;
}
