/**
 * The kinds of setting a council uses (the settings table's check constraint) and the words the
 * pages use for them. Mainstream kinds come first on a tailored list: the presumption of mainstream
 * education (CFA 2014 s33) is the law's starting point.
 */
export const SETTING_KINDS = [
  'mainstream', 'resourced-provision', 'sen-unit', 'special', 'independent-special',
  'alternative-provision', 'early-years', 'post-16', 'specialist-post-16',
] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

export const SETTING_KIND_NAMES: Record<SettingKind, string> = {
  mainstream: 'Mainstream school',
  'resourced-provision': 'Resourced provision in a mainstream school',
  'sen-unit': 'SEN unit in a mainstream school',
  special: 'Special school (maintained or academy)',
  'independent-special': 'Independent or non-maintained special school',
  'alternative-provision': 'Alternative provision',
  'early-years': 'Early years',
  'post-16': 'Post-16',
  'specialist-post-16': 'Specialist post-16 institution',
};

/** Mainstream and mainstream-based settings: the child is on a mainstream school's roll. */
export const MAINSTREAM_KINDS: readonly SettingKind[] = ['mainstream', 'resourced-provision', 'sen-unit', 'early-years', 'post-16'];

export const PHASES = ['nursery', 'primary', 'secondary', 'all-through', 'post-16', 'not-applicable'] as const;
export type Phase = (typeof PHASES)[number];

export function isSettingKind(v: string): v is SettingKind {
  return (SETTING_KINDS as readonly string[]).includes(v);
}

export function isPhase(v: string): v is Phase {
  return (PHASES as readonly string[]).includes(v);
}

/** The phase a child of this age (on 31 August) is normally in; the tailored list matches on it. */
export function phaseForAge(age: number): Phase {
  if (age < 4) return 'nursery';
  if (age < 11) return 'primary';
  if (age < 16) return 'secondary';
  return 'post-16';
}

/** Whether a setting's phase can take a child in the given phase ("all-through" takes every phase). */
export function phaseFits(settingPhase: string, childPhase: Phase): boolean {
  if (settingPhase === childPhase || settingPhase === 'all-through' || settingPhase === 'not-applicable') return true;
  // Secondary schools with sixth forms (age_to 18) are checked by age range, not phase.
  return settingPhase === 'secondary' && childPhase === 'post-16';
}
