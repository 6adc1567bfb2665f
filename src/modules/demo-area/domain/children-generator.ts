import { apportion, type Random } from './prng.ts';
import { NEED_CODES, SETTING_GROUPS, type Calibration, type NeedCode, type SettingGroup } from './calibration.ts';
import type { ChildRow, PlacementRow } from './demo-area-rows.ts';
import type { GeneratedSetting } from './settings-generator.ts';
import { syntheticPostcode } from './settings-generator.ts';
import { FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M } from './synthetic-names.ts';
import { makeUpn } from './upn.ts';
import { isoOf, septemberBefore, type Day } from './dates.ts';

/** A generated child with what the case generator needs to know about them. */
export interface GeneratedChild {
  row: ChildRow;
  age: number;
  dob: Day;
  primaryNeed: NeedCode;
  group: SettingGroup;
  setting: GeneratedSetting | undefined;
}

const SCHOOL_GROUPS: SettingGroup[] = ['mainstream', 'resourced-provision', 'sen-unit', 'special', 'independent-special', 'alternative-provision'];

export function makeChild(laCode: string, age: number, today: Day, random: Random): { row: ChildRow; dob: Day } {
  const dob = today - Math.floor(age * 365.25) - random.int(1, 364);
  const gender = random.chance(0.72) ? 'M' : random.chance(0.98) ? 'F' : 'U';
  const given = random.pick(gender === 'M' ? GIVEN_NAMES_M : gender === 'F' ? GIVEN_NAMES_F : [...GIVEN_NAMES_F, ...GIVEN_NAMES_M]);
  const yearOfEntry = Math.floor((dob + 4 * 365.25) / 365.25) + 1970;
  return {
    dob,
    row: {
      la_code: laCode, id: random.uuid(), given_name: given, family_name: random.pick(FAMILY_NAMES),
      date_of_birth: isoOf(dob), upn: makeUpn(laCode, random.int(1000, 7999), yearOfEntry, random.int(0, 999)),
      uln: null, gender, postcode: syntheticPostcode(random),
    },
  };
}

/** Assigns a setting group to each age so that groups fit ages (nursery for the youngest, colleges for the oldest). */
function groupsForAges(ages: number[], mix: Record<SettingGroup, number>, random: Random): SettingGroup[] {
  const counts = apportion(ages.length, SETTING_GROUPS.map((g) => mix[g]));
  const slots = Object.fromEntries(SETTING_GROUPS.map((g, i) => [g, counts[i] ?? 0])) as Record<SettingGroup, number>;
  const groups: (SettingGroup | undefined)[] = ages.map(() => undefined);
  const byAge = random.shuffle(ages.map((_, i) => i)).sort((a, b) => ages[a]! - ages[b]!);
  for (const i of byAge) {
    if (slots['early-years'] <= 0 || ages[i]! > 4) break;
    groups[i] = 'early-years';
    slots['early-years'] -= 1;
  }
  slots.mainstream += slots['early-years'];
  for (const i of [...byAge].reverse()) {
    if (ages[i]! < 16) break;
    if (groups[i]) continue;
    const g: SettingGroup | undefined = slots['post-16'] > 0 ? 'post-16' : slots['specialist-post-16'] > 0 ? 'specialist-post-16' : undefined;
    if (!g) break;
    groups[i] = g;
    slots[g] -= 1;
  }
  for (const i of byAge) {
    if (!groups[i] && ages[i]! >= 20) {
      groups[i] = 'other';
      slots.other -= 1;
    }
  }
  const rest = random.shuffle(byAge.filter((i) => !groups[i] && ages[i]! >= 5));
  for (const i of rest) {
    if (slots.other <= 0) break;
    groups[i] = 'other';
    slots.other -= 1;
  }
  const schoolSlots = random.shuffle(SCHOOL_GROUPS.flatMap((g) => Array.from({ length: Math.max(0, slots[g]) }, () => g)));
  return groups.map((g) => g ?? schoolSlots.pop() ?? 'mainstream');
}

function chooseSetting(settings: GeneratedSetting[], group: SettingGroup, age: number, need: NeedCode, random: Random): GeneratedSetting | undefined {
  const ofGroup = settings.filter((s) => s.group === group);
  if (ofGroup.length === 0) return group === 'other' ? undefined : chooseSetting(settings, 'mainstream', age, need, random);
  const phase = group === 'mainstream' || group === 'resourced-provision' || group === 'sen-unit' ? (age <= 10 ? 'primary' : 'secondary') : undefined;
  const fitAge = ofGroup.filter((s) => s.row.age_from <= age && age <= s.row.age_to && (!phase || s.row.phase === phase));
  const pool = fitAge.length > 0 ? fitAge : ofGroup;
  const designated = pool.filter((s) => s.row.needs_designated.includes(need));
  return random.pick(designated.length > 0 ? designated : pool);
}

export function placementFor(child: GeneratedChild, today: Day, random: Random): PlacementRow | undefined {
  const setting = child.setting;
  if (!setting) return undefined;
  const earliest = Math.max(child.dob + 2 * 365, child.dob + setting.row.age_from * 365);
  const startsOn = Math.min(today, Math.max(earliest, septemberBefore(today, random.int(0, 4))));
  return {
    la_code: child.row.la_code, id: random.uuid(), child_id: child.row.id, setting_id: setting.row.id,
    starts_on: isoOf(startsOn), ends_on: null,
    sen_unit: setting.row.kind === 'sen-unit', resourced_provision: setting.row.kind === 'resourced-provision',
    dual_registration: false, residential: setting.row.kind === 'independent-special' && random.chance(0.2),
  };
}

/** Children with a plan in place: ages, needs and settings apportioned exactly to the calibration. */
export function generatePlanChildren(calibration: Calibration, settings: GeneratedSetting[], today: Day, random: Random): GeneratedChild[] {
  const n = calibration.plansInPlace;
  const ageWeights = calibration.ages.length > 0 ? calibration.ages : Array.from({ length: 15 }, (_, i) => ({ age: i + 4, count: 1 }));
  const ageCounts = apportion(n, ageWeights.map((a) => a.count));
  const ages = random.shuffle(ageWeights.flatMap((a, i) => Array.from({ length: ageCounts[i] ?? 0 }, () => a.age)));
  // Unknown primary needs are spread in proportion: every issued plan records a primary need.
  const needCounts = apportion(n, NEED_CODES.map((c) => calibration.needs[c]));
  const needs = random.shuffle(NEED_CODES.flatMap((c, i) => Array.from({ length: needCounts[i] ?? 0 }, () => c)));
  const groups = groupsForAges(ages, calibration.settingMix, random);
  return ages.map((age, i) => {
    const { row, dob } = makeChild(calibration.laCode, age, today, random);
    const primaryNeed = needs[i] ?? 'ASD';
    const group = groups[i] ?? 'mainstream';
    return { row, age, dob, primaryNeed, group, setting: chooseSetting(settings, group, age, primaryNeed, random) };
  });
}

/** A child or young person newly referred in the last year (no plan yet); school-age ones are at a mainstream school. */
export function generateReferredChild(laCode: string, settings: GeneratedSetting[], today: Day, random: Random): GeneratedChild {
  const age = random.pick([2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17]);
  const { row, dob } = makeChild(laCode, age, today, random);
  const primaryNeed = random.pick(NEED_CODES.slice());
  const group: SettingGroup = age >= 4 ? 'mainstream' : 'other';
  return { row, age, dob, primaryNeed, group, setting: group === 'other' ? undefined : chooseSetting(settings, group, age, primaryNeed, random) };
}
