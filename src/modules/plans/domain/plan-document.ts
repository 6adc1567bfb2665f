/**
 * The EHC plan as a document: sections A–K of the SEND Regulations 2014 reg 12 (and the Code of
 * Practice's Section K), shaped as plain JSON so that the same value is stored (jsonb), exported,
 * validated against the published schema (ehcp-v1.schema.json) and diffed between versions.
 *
 * Every list item carries a stable `id` chosen by whoever creates it. Ids are what the golden
 * thread (need → provision → outcome) and the version diff hold on to, so they never change when
 * an item's wording changes.
 */

export const SCHEMA_VERSION = '1.0' as const;

/** Dates are calendar dates, ISO 8601 `YYYY-MM-DD`, with no time zone to drift. */
export type IsoDate = string;

/** SEN2 primary/secondary need codes (DfE SEN2 SENtype code set). */
export const SEN2_NEED_CODES = [
  'SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'DS', 'OTH',
] as const;
export type Sen2NeedCode = (typeof SEN2_NEED_CODES)[number];

/** The four broad areas of need in the Code of Practice (6.28–6.35), used by Section B. */
export const BROAD_AREAS = [
  'communication-and-interaction',
  'cognition-and-learning',
  'social-emotional-mental-health',
  'sensory-and-physical',
] as const;
export type BroadArea = (typeof BROAD_AREAS)[number];

export const PFA_AREAS = ['employment', 'independent-living', 'community-participation', 'health'] as const;
export type PreparingForAdulthood = (typeof PFA_AREAS)[number];

export const FREQUENCY_PERIODS = ['day', 'week', 'month', 'term', 'year'] as const;
export type FrequencyPeriod = (typeof FREQUENCY_PERIODS)[number];

export const FUNDING_SOURCES = [
  'setting', 'local-authority-education', 'health', 'social-care', 'joint', 'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const SECTION_A_AUTHORS = ['child', 'young-person', 'parent-carer', 'advocate', 'professional'] as const;
export type SectionAAuthor = (typeof SECTION_A_AUTHORS)[number];

export const ADVICE_SOURCES = [
  'education', 'health', 'social-care', 'educational-psychology', 'parent', 'young-person', 'other',
] as const;
export type AdviceSource = (typeof ADVICE_SOURCES)[number];

export const BUDGET_KINDS = ['direct-payment', 'notional', 'third-party', 'organised-by-la'] as const;
export type PersonalBudgetKind = (typeof BUDGET_KINDS)[number];

/** Kinds of institution named in Section I (the "type" the Regulations require alongside a name). */
export const SETTING_TYPES = [
  'mainstream-school', 'resourced-provision', 'special-school', 'independent-special-school',
  'non-maintained-special-school', 'alternative-provision', 'early-years', 'further-education-college',
  'sixth-form-college', 'specialist-post-16-institution', 'other',
] as const;
export type SettingType = (typeof SETTING_TYPES)[number];

/** SEN2 SENSetting codes: used by the DfE only where no URN or UKPRN identifies the setting. */
export const SEN2_SETTING_CODES = ['OLA', 'OPA', 'EHE', 'EYP', 'OTH', 'NEET', 'NIEC', 'NIEO'] as const;
export type Sen2SettingCode = (typeof SEN2_SETTING_CODES)[number];

export type PlanStatus = 'draft' | 'final';

export interface ChildDetails {
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  /** Unique pupil number: 13 characters. */
  upn?: string;
  /** Unique learner number: 10 digits. */
  uln?: string;
}

export interface LocalAuthority {
  /** DfE three-digit LA code (886 = Kent). */
  code: string;
  name: string;
}

export interface Person {
  name: string;
  role: string;
}

export interface AboutMe {
  aspirations: string;
  interests: string;
  whatPeopleLikeAndAdmire: string;
  whatIsImportant: string;
  howBestToSupport: string;
}

export interface SectionA {
  /** Whose voice "all about me" is in; the checklist wants the child's or young person's own. */
  writtenBy: SectionAAuthor;
  aboutMe: AboutMe;
  /** The parents' views; null for a young person who speaks for themselves. */
  parentsViews: string | null;
}

export interface Need {
  id: string;
  statement: string;
  /** Ids of Section K advice items this need is evidenced by. */
  evidence: string[];
}

export interface EducationalNeed extends Need {
  area: BroadArea;
}

/** Who confirmed that a health or social care section has nothing in it, so silence is a decision. */
export interface NoNeedsConfirmation {
  confirmedBy: string;
  role: string;
  date: IsoDate;
}

export interface NeedsSection<N extends Need = Need> {
  needs: N[];
  noNeedsIdentified: NoNeedsConfirmation | null;
}

export interface Outcome {
  id: string;
  text: string;
  successLooksLike: string;
  /** Null only while drafting; the checklist blocks issue without it. */
  byWhen: IsoDate | null;
  preparingForAdulthood: PreparingForAdulthood | null;
  needIds: string[];
}

export interface Frequency {
  times: number;
  per: FrequencyPeriod;
}

export interface Deliverer {
  role: string;
  qualification: string;
}

/**
 * One piece of provision. The quantity fields may be null in a draft (the author has not decided
 * yet); the checklist blocks issue until they are filled, which is what makes F "specified and
 * quantified".
 */
export interface ProvisionItem {
  id: string;
  what: string;
  deliveredBy: Deliverer | null;
  frequency: Frequency | null;
  durationMinutes: number | null;
  /** 1 means individual (1:1). */
  groupSize: number | null;
  startDate?: IsoDate;
  endDate?: IsoDate;
  reviewBy?: IsoDate;
  fundedBy: FundingSource;
  needIds: string[];
  outcomeIds: string[];
}

export interface ProvisionSection {
  provision: ProvisionItem[];
}

export interface ConfirmableProvisionSection extends ProvisionSection {
  noNeedsIdentified: NoNeedsConfirmation | null;
}

export interface NamedPlacement {
  kind: 'named';
  settingName: string;
  /** GIAS unique reference number, 6 digits. */
  urn?: string;
  /** UK provider reference number, 8 digits (post-16 providers). */
  ukprn?: string;
  settingType: SettingType;
}

export interface TypeOnlyPlacement {
  kind: 'type-only';
  settingType: SettingType;
  sen2SettingCode?: Sen2SettingCode;
}

export type Placement = NamedPlacement | TypeOnlyPlacement;

export interface PersonalBudgetItem {
  id: string;
  description: string;
  /** Whole pence, so sums never suffer floating point. */
  amountPence: number;
  kind: PersonalBudgetKind;
  /** The provision section the money pays for. */
  section: ProvisionSectionKey;
}

export interface AdviceItem {
  id: string;
  source: AdviceSource;
  authorRole: string;
  date: IsoDate;
  title: string;
  /** Reference to the stored document, when the system holds it. */
  documentId?: string;
}

export interface PlanSections {
  A: SectionA;
  B: { needs: EducationalNeed[] };
  C: NeedsSection;
  D: NeedsSection;
  E: { outcomes: Outcome[] };
  F: ProvisionSection;
  G: ConfirmableProvisionSection;
  H1: ConfirmableProvisionSection;
  H2: ConfirmableProvisionSection;
  /** Null until a placement is decided; a final plan must name one. */
  I: Placement | null;
  J: { items: PersonalBudgetItem[] };
  K: { advice: AdviceItem[] };
}

export type SectionKey = keyof PlanSections;
export const SECTION_KEYS: readonly SectionKey[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'];
export type ProvisionSectionKey = 'F' | 'G' | 'H1' | 'H2';
export const PROVISION_SECTION_KEYS: readonly ProvisionSectionKey[] = ['F', 'G', 'H1', 'H2'];
export type ConfirmableSectionKey = 'C' | 'D' | 'G' | 'H1' | 'H2';
export const CONFIRMABLE_SECTION_KEYS: readonly ConfirmableSectionKey[] = ['C', 'D', 'G', 'H1', 'H2'];

export interface PlanDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  planId: string;
  /** 1 for the first draft; each issued version and each new draft after it gets the next number. */
  version: number;
  status: PlanStatus;
  issuedOn?: IsoDate;
  issuedBy?: Person;
  child: ChildDetails;
  la: LocalAuthority;
  primaryNeed: Sen2NeedCode;
  secondaryNeeds: Sen2NeedCode[];
  sections: PlanSections;
}

/** Section titles as the Regulations describe them, short enough for headings and diff summaries. */
export const SECTION_TITLES: Record<SectionKey, string> = {
  A: 'views, interests and aspirations',
  B: 'special educational needs',
  C: 'health needs',
  D: 'social care needs',
  E: 'outcomes',
  F: 'special educational provision',
  G: 'health provision',
  H1: 'social care provision (CSDPA 1970 section 2)',
  H2: 'other social care provision',
  I: 'placement',
  J: 'personal budget',
  K: 'advice and information',
};
