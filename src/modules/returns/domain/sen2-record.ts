/**
 * One SEN2 person as the return describes them (DfE person-level SEN2, modules 1–5), independent of
 * XML or CSV. Optional fields are items that are absent from the return, never empty strings.
 * `childId`/`caseId` are OpenSEND's own references, carried for the pre-submission check's links and
 * never written to the return.
 */
export type Sen2Sex = 'M' | 'F' | 'U';
export type Sen2RequestOutcome = 'Y' | 'N' | 'A' | 'W' | 'H';
export type Sen2AssessmentOutcome = 'Y' | 'N' | 'A' | 'W' | 'H';
export type Sen2Rank = 1 | 2;

export interface Sen2Header {
  year: string;
  referenceDate: string;
  laCode: string;
  softwareCode: string;
  release: string;
  serialNo: string;
  /** ccyy-mm-ddThh:mm:ss, local time of generation. */
  dateTime: string;
  dmo: 'Y' | 'N' | 'R';
  dco: 'Y' | 'N' | 'R';
  /** 2026 item (spec v1.3): Designated Social Care Officer. */
  dsco?: 'Y' | 'N' | 'R';
}

export interface Sen2SettingDetail {
  urn?: string;
  ukprn?: string;
  /** SEN2 SENSetting code, only where no URN/UKPRN identifies the setting. */
  senSetting?: string;
  senSettingOther?: string;
  rank: Sen2Rank;
  senUnit: boolean;
  resourcedProvision: boolean;
}

export interface Sen2PlacementDetail extends Sen2SettingDetail {
  entryDate: string;
  leavingDate?: string;
}

export interface Sen2NamedPlan {
  startDate: string;
  details: Sen2SettingDetail[];
  ceaseDate?: string;
  ceaseReason?: string;
}

export interface Sen2Assessment {
  outcome: Sen2AssessmentOutcome;
  outcomeDate?: string;
  week20?: boolean;
  namedPlan?: Sen2NamedPlan;
}

export interface Sen2Need { type: string; rank: Sen2Rank }

export interface Sen2ActivePlan {
  transferLa?: string;
  placements: Sen2PlacementDetail[];
  needs: Sen2Need[];
  reviewMeeting?: string;
  reviewOutcome?: 'A' | 'C' | 'M';
  /** 2026 items (spec v1.3). */
  reviewDraft?: string;
  phaseTransferDueDate?: string;
  phaseTransferFinalDate?: string;
  lastReview?: string;
}

export interface Sen2Request {
  caseId?: string;
  receivedDate?: string;
  /** 2026 item (spec v1.3); see SEN2_REQUEST_SOURCE_CODES. */
  requestSource?: string;
  rya?: boolean;
  outcomeDate?: string;
  outcome: Sen2RequestOutcome;
  exported?: string;
  assessment?: Sen2Assessment;
  activePlan?: Sen2ActivePlan;
}

export interface Sen2Person {
  childId?: string;
  surname: string;
  forename: string;
  birthDate: string;
  sex: Sen2Sex;
  ethnicity: string;
  postcode: string;
  upn?: string;
  uln?: string;
  upnUnknown?: string;
  requests: Sen2Request[];
}
