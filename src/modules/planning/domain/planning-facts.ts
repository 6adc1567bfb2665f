/**
 * What the documents are built from, gathered by the application layer from the other modules'
 * public faces and from the partnership's own entries. Raw counts: the builders word and suppress
 * them, so a test can hand a builder known facts and check every figure it prints.
 */
export interface Attribution {
  writtenOn: string;
  authorName: string;
  authorRole: string;
  version: number;
}

export interface ActionEntry extends Attribution {
  id: string;
  priorityId: string;
  description: string;
  lead: string;
  dueOn: string;
  status: ActionStatus;
}

export interface PriorityEntry extends Attribution {
  id: string;
  position: number;
  title: string;
  description: string;
  actions: ActionEntry[];
}

export interface SelfEvaluationEntry extends Attribution {
  sectionId: string;
  body: string;
}

export const ACTION_STATUSES = ['not-started', 'on-track', 'at-risk', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_NAMES: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  done: 'Done',
};
/** What the editor's forms carry; the date and author come from the server. */
export interface PriorityInput { position: number; title: string; description: string }
export interface ActionInput { description: string; lead: string; dueOn: string; status: ActionStatus }

export const isActionStatus = (s: string): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s);

/** One indicator for the reporting year, as insight computes it. */
export interface IndicatorFigure {
  numerator: number;
  denominator: number | null;
}

/** The partnership's commentary on an indicator, kept by insight. */
export interface FigureNarrative {
  body: string;
  writtenOn: string;
  authorName: string;
  authorRole: string;
}

export interface CategoryCount {
  category: string;
  label: string;
  count: number;
}

export interface SettingKindFigures {
  kind: string;
  label: string;
  settings: number;
  commissionedPlaces: number;
  /** Children placed there today (open placements). */
  childrenPlaced: number;
}

export interface ApFigures {
  total: number;
  open: number;
  ended: number;
  returnedToMainstream: number;
}

export interface DisputeSectionFigures {
  section: string;
  label: string;
  grounds: number;
  decided: number;
  /** Grounds upheld, partly upheld or conceded. */
  familySucceeded: number;
}

export interface DisputeFigures {
  year: number;
  disputesOpened: number;
  mediationsHeld: number;
  appealsRegistered: number;
  appealableDecisions: number;
  bySection: DisputeSectionFigures[];
}

/** The finance position as the finance module reports it; null until that module is in use. */
export interface FinanceFigures {
  asOf: string;
  /** Headline lines, already worded by finance (e.g. "High-needs allocation", "£61.2m"). */
  headline: Array<{ label: string; value: string }>;
  /** Specialist places: forecast demand against capacity, year by year and phase by phase. */
  placeGap: Array<{ year: string; phase: string; demand: number; capacity: number }>;
  source: string;
}

export interface ReportingPeriod {
  /** e.g. "2025" — the last complete calendar year, the DfE flow year. */
  label: string;
  from: string;
  to: string;
}

export interface PlanningFacts {
  laCode: string;
  councilName: string;
  today: string;
  period: ReportingPeriod;
  indicators: Partial<Record<string, IndicatorFigure>>;
  narratives: Partial<Record<string, FigureNarrative>>;
  plansByAge: CategoryCount[];
  plansByNeed: CategoryCount[];
  plansBySetting: CategoryCount[];
  settings: SettingKindFigures[];
  localOfferServices: number;
  ap: ApFigures;
  disputes: DisputeFigures;
  finance: FinanceFigures | null;
  priorities: PriorityEntry[];
  selfEvaluation: SelfEvaluationEntry[];
}
