/**
 * Three-tier alternative provision (SEND and AP Improvement Plan 2023): tier 1 targeted support in
 * mainstream, tier 2 time-limited placements with a planned return, tier 3 transitional placements
 * to a new school or post-16 destination. AP is meant to return children to mainstream; the rate
 * and how long it takes are the measures.
 */
export const AP_TIERS = [1, 2, 3] as const;
export type ApTier = (typeof AP_TIERS)[number];
export const AP_TIER_NAMES: Record<ApTier, string> = {
  1: 'Tier 1: targeted support in mainstream',
  2: 'Tier 2: time-limited placement',
  3: 'Tier 3: transitional placement',
};
export const AP_OUTCOMES = ['returned-to-mainstream', 'moved-to-special', 'other'] as const;
export type ApOutcome = (typeof AP_OUTCOMES)[number];
export const AP_OUTCOME_NAMES: Record<ApOutcome, string> = {
  'returned-to-mainstream': 'Returned to mainstream',
  'moved-to-special': 'Moved to a special school',
  other: 'Other destination',
};

export interface ApPlacementFacts {
  tier: ApTier;
  startsOn: string;
  plannedReturnOn: string | null;
  endsOn: string | null;
  outcome: ApOutcome | null;
}

export interface ApTierSummary {
  /** null for the summary of every tier together. */
  tier: ApTier | null;
  total: number;
  open: number;
  ended: number;
  outcomes: Record<ApOutcome, number>;
  /** Returned to mainstream as a whole per cent of ended placements; null when none has ended. */
  returnRatePercent: number | null;
  /** Days from start to end, over ended placements. */
  medianDays: number | null;
  meanDays: number | null;
  /** Open tier 2 placements already past their planned return date. */
  overdueReturns: number;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function summariseAp(placements: readonly ApPlacementFacts[], today: string): { tiers: ApTierSummary[]; all: ApTierSummary } {
  const summarise = (tier: ApTier | null, of: readonly ApPlacementFacts[]): ApTierSummary => {
    const ended = of.filter((p) => p.endsOn !== null && p.outcome !== null);
    const outcomes: Record<ApOutcome, number> = { 'returned-to-mainstream': 0, 'moved-to-special': 0, other: 0 };
    for (const p of ended) outcomes[p.outcome!] += 1;
    const durations = ended.map((p) => daysBetween(p.startsOn, p.endsOn!)).sort((a, b) => a - b);
    return {
      tier,
      total: of.length,
      open: of.length - ended.length,
      ended: ended.length,
      outcomes,
      returnRatePercent: ended.length ? Math.round((outcomes['returned-to-mainstream'] * 100) / ended.length) : null,
      medianDays: median(durations),
      meanDays: durations.length ? Math.round(durations.reduce((a, b) => a + b, 0) / durations.length) : null,
      overdueReturns: of.filter((p) => p.endsOn === null && p.tier === 2 && p.plannedReturnOn !== null && p.plannedReturnOn < today).length,
    };
  };
  return {
    tiers: AP_TIERS.map((t) => summarise(t, placements.filter((p) => p.tier === t))),
    all: summarise(null, placements),
  };
}

function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function isApTier(n: number): n is ApTier {
  return n === 1 || n === 2 || n === 3;
}
export function isApOutcome(s: string): s is ApOutcome {
  return (AP_OUTCOMES as readonly string[]).includes(s);
}
