/**
 * A child's placement history and whether the current placement agrees with Section I of the
 * current issued plan (or, where plans are not stored, with the setting named when the final plan
 * was issued). A mismatch is shown, not corrected: which record is wrong is for a person to decide.
 */
export interface PlacementEntry {
  id: string;
  settingId: string;
  settingName: string;
  settingKind: string;
  startsOn: string;
  endsOn: string | null;
  senUnit: boolean;
  resourcedProvision: boolean;
  dualRegistration: boolean;
  residential: boolean;
  bandCode: string | null;
}

export type ConsistencyCheck =
  | { status: 'consistent'; source: 'plan' | 'event'; settingId: string }
  | { status: 'different'; source: 'plan' | 'event'; plannedSettingId: string | null; plannedName: string | null; currentSettingId: string | null }
  | { status: 'no-plan' }
  | { status: 'type-only'; source: 'plan'; settingType: string };

export interface NamedInPlan { source: 'plan' | 'event'; settingId: string | null; settingName: string | null; typeOnly?: string }

/** Current placements: started on or before today, not ended before it. */
export function currentPlacements(history: readonly PlacementEntry[], today: string): PlacementEntry[] {
  return history.filter((p) => p.startsOn <= today && (p.endsOn === null || p.endsOn >= today));
}

export function checkAgainstPlan(history: readonly PlacementEntry[], named: NamedInPlan | null, today: string): ConsistencyCheck {
  if (!named) return { status: 'no-plan' };
  if (named.typeOnly && named.source === 'plan') return { status: 'type-only', source: 'plan', settingType: named.typeOnly };
  const current = currentPlacements(history, today);
  // Dual registration: the child is consistent if any current placement is the named setting.
  const match = current.find((p) => p.settingId === named.settingId);
  if (match) return { status: 'consistent', source: named.source, settingId: match.settingId };
  return { status: 'different', source: named.source, plannedSettingId: named.settingId, plannedName: named.settingName, currentSettingId: current[0]?.settingId ?? null };
}

export function sortHistory(history: readonly PlacementEntry[]): PlacementEntry[] {
  return [...history].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.settingName.localeCompare(b.settingName));
}
