import { haversineKm, type Coordinates } from './geo-distance.ts';
import { MAINSTREAM_KINDS, phaseFits, phaseForAge, type Phase, type SettingKind } from './setting-kinds.ts';
import { occupancyOf, type Occupancy, type SettingRecord } from './setting-record.ts';

/**
 * A tailored list of settings for one child (SEND and AP Improvement Plan 2023): settings that can
 * meet the child's needs at their age and phase, mainstream first because the law presumes a
 * mainstream education (CFA 2014 s33), then specialist, each with the reasons it is there. The
 * family's right to request any setting (s38(2)(b)) is untouched: this is advice, not a limit.
 */
export interface TailoredChild {
  age: number;
  primaryNeed: string | null;
  home: Coordinates | null;
}

export interface TailoredEntry {
  setting: SettingRecord;
  occupancy: Occupancy;
  distanceKm: number | null;
  group: 'mainstream' | 'mainstream-with-specialist-base' | 'specialist';
  reasons: string[];
}

/** Settings a tailored list never proposes: AP is a time-limited placement, not a named school. */
const EXCLUDED: readonly SettingKind[] = ['alternative-provision'];
const GROUP_ORDER: Record<TailoredEntry['group'], number> = { mainstream: 0, 'mainstream-with-specialist-base': 1, specialist: 2 };

function groupOf(kind: string): TailoredEntry['group'] {
  if (kind === 'resourced-provision' || kind === 'sen-unit') return 'mainstream-with-specialist-base';
  return (MAINSTREAM_KINDS as readonly string[]).includes(kind) ? 'mainstream' : 'specialist';
}

export function buildTailoredList(
  child: TailoredChild,
  settings: readonly SettingRecord[],
  currentPupils: ReadonlyMap<string, number>,
  coordinates: ReadonlyMap<string, Coordinates>,
): TailoredEntry[] {
  const phase: Phase = phaseForAge(child.age);
  const entries: TailoredEntry[] = [];
  for (const s of settings) {
    if ((EXCLUDED as readonly string[]).includes(s.kind)) continue;
    if (child.age < s.ageFrom || child.age > s.ageTo || !phaseFits(s.phase, phase)) continue;
    const group = groupOf(s.kind);
    const designatedForNeed = child.primaryNeed !== null && s.needsDesignated.includes(child.primaryNeed);
    // A specialist base or special school is suitable only where it is designated for the child's need.
    if (group !== 'mainstream' && !designatedForNeed) continue;
    const reasons: string[] = [];
    if (group === 'mainstream') reasons.push('Mainstream school: the law presumes a mainstream education first');
    if (designatedForNeed) reasons.push(`Designated for ${child.primaryNeed} (the child’s primary need)`);
    reasons.push(`Takes children aged ${s.ageFrom} to ${s.ageTo} (the child is ${child.age})`);
    const occupancy = occupancyOf(s.commissionedPlaces, currentPupils.get(s.id) ?? 0);
    if (s.commissionedPlaces > 0) reasons.push(occupancy.free > 0 ? `${occupancy.free} of ${occupancy.places} commissioned places free` : 'No commissioned places free at present');
    if (s.inArea) reasons.push('In the council’s area');
    const home = child.home;
    const at = s.postcode ? coordinates.get(s.postcode) : undefined;
    const distanceKm = home && at ? Math.round(haversineKm(home, at) * 10) / 10 : null;
    if (distanceKm !== null) reasons.push(`${distanceKm} km from home in a straight line`);
    entries.push({ setting: s, occupancy, distanceKm, group, reasons });
  }
  return entries.sort(compareEntries);
}

/**
 * Mainstream first, then mainstream with a specialist base, then specialist; within each, settings
 * with a free place, in the council's area, nearer, then by name so the order never wobbles.
 */
export function compareEntries(a: TailoredEntry, b: TailoredEntry): number {
  return (
    GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
    Number(b.occupancy.free > 0) - Number(a.occupancy.free > 0) ||
    Number(b.setting.inArea) - Number(a.setting.inArea) ||
    (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
    a.setting.name.localeCompare(b.setting.name) ||
    a.setting.id.localeCompare(b.setting.id)
  );
}

/** Age in whole years on a date: both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
