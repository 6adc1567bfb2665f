/**
 * The published definition of every indicator OpenSEND computes. The catalogue is data: pages,
 * downloads, the API and the CLI all print these definitions beside the figures, so a reader can
 * check how a number was made. An indicator whose source data does not exist yet (cost per plan,
 * until the council records its high-needs spend) is not listed: a blank would read as "zero".
 */
/** 'per-100' is a rate like a percentage, but of events per 100 decisions (not a share of them). */
export type IndicatorUnit = 'count' | 'percent' | 'per-100';
/** A stock is measured on the last day of the period; a flow counts what happened during it. */
export type IndicatorKind = 'stock' | 'flow';
export type BreakdownId = 'age-band' | 'primary-need' | 'setting-type' | 'plan-section';

export interface IndicatorDefinition {
  id: IndicatorId;
  name: string;
  unit: IndicatorUnit;
  kind: IndicatorKind;
  numerator: string;
  denominator: string;
  period: string;
  sourceEvents: readonly string[];
  /** Whether the figure is defined as in the DfE EHC plan statistics, so the benchmarks compare like with like. */
  comparableWithDfe: boolean;
  comparabilityNote: string;
  breakdowns: readonly BreakdownId[];
}

export const INDICATOR_IDS = [
  'plans-in-place', 'mainstream-share', 'new-plans', 'requests', 'refusal-rate',
  'decisions-within-6-weeks', 'plans-within-20-weeks', 'plans-within-20-weeks-excluding-exceptions',
  'reviews-on-time', 'advice-within-6-weeks', 'phase-transfers-by-deadline',
  'ap-placements-started', 'ap-returns-to-mainstream', 'mediations-per-100-decisions', 'appeals-per-100-decisions',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'plans-in-place', name: 'EHC plans in place', unit: 'count', kind: 'stock',
    numerator: 'Children and young people aged 0 to 25 with an EHC plan issued on or before the last day of the period (each child counted once)',
    denominator: 'None (a count)',
    period: 'As at the last day of the period',
    sourceEvents: ['final-plan-issued'],
    comparableWithDfe: true,
    comparabilityNote: 'DfE counts plans in place in January. Compare the figure as at 31 December with the DfE figure for the January after it. Plans ceased before age 25 are still counted until OpenSEND records ceasing.',
    breakdowns: ['age-band', 'primary-need', 'setting-type'],
  },
  {
    id: 'mainstream-share', name: 'Plans with a mainstream school named', unit: 'percent', kind: 'stock',
    numerator: 'Plans in place whose named setting is a mainstream school, including its resourced provision and SEN units',
    denominator: 'Plans in place',
    period: 'As at the last day of the period',
    sourceEvents: ['final-plan-issued (settingId)', 'settings (kind)'],
    comparableWithDfe: true,
    comparabilityNote: 'DfE uses the setting attended; OpenSEND uses the setting named in the plan.',
    breakdowns: [],
  },
  {
    id: 'new-plans', name: 'New EHC plans issued', unit: 'count', kind: 'flow',
    numerator: 'EHC needs assessments whose first final plan was issued in the period',
    denominator: 'None (a count)',
    period: 'Date the final plan was issued',
    sourceEvents: ['final-plan-issued'],
    comparableWithDfe: true,
    comparabilityNote: 'As DfE "new EHC plans during the calendar year".',
    breakdowns: [],
  },
  {
    id: 'requests', name: 'Requests for an EHC needs assessment', unit: 'count', kind: 'flow',
    numerator: 'Requests received in the period',
    denominator: 'None (a count)',
    period: 'Date the request was received',
    sourceEvents: ['request-received'],
    comparableWithDfe: true,
    comparabilityNote: 'As DfE "requests for an EHC needs assessment".',
    breakdowns: [],
  },
  {
    id: 'refusal-rate', name: 'Requests refused (decided not to assess)', unit: 'percent', kind: 'flow',
    numerator: 'Requests received in the period where the council decided not to assess',
    denominator: 'Requests received in the period',
    period: 'Date the request was received',
    sourceEvents: ['request-received', 'decision-to-assess (decision: not-assess)'],
    comparableWithDfe: true,
    comparabilityNote: 'As DfE "requests where LA decided not to proceed with an assessment" as a share of all requests received. Recent periods rise as outstanding decisions are made.',
    breakdowns: [],
  },
  {
    id: 'decisions-within-6-weeks', name: 'Decisions whether to assess made within 6 weeks', unit: 'percent', kind: 'flow',
    numerator: 'Requests received in the period decided within 6 weeks of the request (regulation 5(1))',
    denominator: 'Requests received in the period with a decision',
    period: 'Date the request was received',
    sourceEvents: ['request-received', 'decision-to-assess'],
    comparableWithDfe: true,
    comparabilityNote: 'As DfE "requests where decision made within 6 weeks" over decisions made within and after 6 weeks.',
    breakdowns: [],
  },
  {
    id: 'plans-within-20-weeks', name: 'Plans issued within 20 weeks, including exceptions', unit: 'percent', kind: 'flow',
    numerator: 'Plans issued in the period within 20 weeks of the request (regulation 13(2))',
    denominator: 'Plans issued in the period',
    period: 'Date the final plan was issued',
    sourceEvents: ['request-received', 'final-plan-issued'],
    comparableWithDfe: true,
    comparabilityNote: 'As DfE "EHC plans issued within 20 weeks including exceptions".',
    breakdowns: [],
  },
  {
    id: 'plans-within-20-weeks-excluding-exceptions', name: 'Plans issued within 20 weeks, excluding exceptions', unit: 'percent', kind: 'flow',
    numerator: 'Plans issued in the period within 20 weeks of the request, where no exception to the time limit was recorded',
    denominator: 'Plans issued in the period where no exception to the time limit was recorded',
    period: 'Date the final plan was issued',
    sourceEvents: ['request-received', 'exception-recorded', 'final-plan-issued'],
    comparableWithDfe: true,
    comparabilityNote: 'As DfE "EHC plans issued within 20 weeks excluding exceptions".',
    breakdowns: [],
  },
  {
    id: 'reviews-on-time', name: 'Annual reviews held on time', unit: 'percent', kind: 'flow',
    numerator: 'Reviews due in the period that were held within 12 months of the plan being issued or last reviewed (s44(1))',
    denominator: 'Reviews due in the period, up to today',
    period: 'Date the review was due',
    sourceEvents: ['final-plan-issued', 'annual-review-held'],
    comparableWithDfe: false,
    comparabilityNote: 'DfE publishes whether the review decision was sent within 4 weeks of the meeting, not whether the meeting was on time.',
    breakdowns: [],
  },
  {
    id: 'advice-within-6-weeks', name: 'Advice from partners received within 6 weeks', unit: 'percent', kind: 'flow',
    numerator: 'Requests for advice due in the period that were answered within 6 weeks of the partner receiving them (regulation 8(2))',
    denominator: 'Requests for advice due in the period, up to today',
    period: 'Date the advice was due',
    sourceEvents: ['advice-requested', 'advice-received'],
    comparableWithDfe: false,
    comparabilityNote: 'DfE does not publish advice timeliness.',
    breakdowns: [],
  },
  {
    id: 'phase-transfers-by-deadline', name: 'Phase transfers named by the statutory deadline', unit: 'percent', kind: 'flow',
    numerator: 'Children with a plan moving between phases whose new school or college was named by the deadline (15 February, or 31 March for secondary to post-16; regulation 18(1))',
    denominator: 'Children with a plan in place whose phase transfer deadline fell in the period, up to today',
    period: 'Date of the transfer deadline',
    sourceEvents: ['final-plan-issued', 'phase-transfer-named', 'plan-ceased', 'plan-transferred-out'],
    comparableWithDfe: false,
    comparabilityNote: 'DfE publishes no phase transfer timeliness; SEN2 collects phase transfers from 2026. Infant to junior counts only children at an infant school.',
    breakdowns: [],
  },
  {
    id: 'ap-placements-started', name: 'Alternative provision placements started', unit: 'count', kind: 'flow',
    numerator: 'Placements in alternative provision (tiers 1 to 3) starting in the period',
    denominator: 'None (a count)',
    period: 'Date the placement started',
    sourceEvents: ['ap_placements (starts_on)'],
    comparableWithDfe: false,
    comparabilityNote: 'DfE publishes AP census counts of pupils on roll in January, not placements started.',
    breakdowns: [],
  },
  {
    id: 'ap-returns-to-mainstream', name: 'Alternative provision placements ending in a return to mainstream', unit: 'percent', kind: 'flow',
    numerator: 'AP placements ending in the period whose recorded outcome is a return to mainstream school',
    denominator: 'AP placements ending in the period with a recorded outcome',
    period: 'Date the placement ended',
    sourceEvents: ['ap_placements (ends_on, outcome)'],
    comparableWithDfe: false,
    comparabilityNote: 'Not published nationally; the SEND and AP Improvement Plan (2023) makes return to mainstream the aim of tier 2 AP.',
    breakdowns: [],
  },
  {
    id: 'mediations-per-100-decisions', name: 'Mediations held per 100 appealable decisions', unit: 'per-100', kind: 'flow',
    numerator: 'Mediations held in the period (a dispute counted once, on its first mediation meeting); by plan section, each section the disagreement is about (one dispute may name several)',
    denominator: 'Appealable decisions notified in the period: refusals to assess, decisions not to issue, plans issued, amended plans issued, refusals to amend after a review, and decisions to cease',
    period: 'Date of the mediation meeting; date of the decision',
    sourceEvents: ['mediation-held', 'dispute-opened (sections)', 'decision-to-assess', 'decision-not-to-issue', 'final-plan-issued', 'amended-plan-issued', 'review-decision (maintain)', 'plan-ceased'],
    comparableWithDfe: false,
    comparabilityNote: 'The Ministry of Justice reports appeals per appealable decision using DfE counts (refusals to assess and issue, and plans in place in January); OpenSEND counts the decisions actually notified in the period.',
    breakdowns: ['plan-section'],
  },
  {
    id: 'appeals-per-100-decisions', name: 'Appeals to the SEND Tribunal per 100 appealable decisions', unit: 'per-100', kind: 'flow',
    numerator: 'Appeals registered with the SEND Tribunal in the period; by plan section, each section appealed (appeals against a decision itself are "decision")',
    denominator: 'Appealable decisions notified in the period, as for mediations',
    period: 'Date the appeal was registered; date of the decision',
    sourceEvents: ['appeal-registered (grounds)', 'decision-to-assess', 'decision-not-to-issue', 'final-plan-issued', 'amended-plan-issued', 'review-decision (maintain)', 'plan-ceased'],
    comparableWithDfe: false,
    comparabilityNote: 'See mediations: the Ministry of Justice rate uses a different denominator, so compare trends rather than levels.',
    breakdowns: ['plan-section'],
  },
];

export const BREAKDOWN_NAMES: Record<BreakdownId, string> = {
  'age-band': 'Age',
  'primary-need': 'Primary need',
  'setting-type': 'Type of setting named',
  'plan-section': 'Section of the plan',
};

/** Breakdowns that do not add up to the headline (one dispute can be about several sections). */
export const OVERLAPPING_BREAKDOWNS: ReadonlySet<BreakdownId> = new Set(['plan-section']);

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}

export function isIndicatorId(id: string): id is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(id);
}
