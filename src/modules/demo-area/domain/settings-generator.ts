import type { Calibration, NeedCode, SettingGroup } from './calibration.ts';
import type { OrganisationRow, SettingRow } from './demo-area-rows.ts';
import type { Random } from './prng.ts';
import { PLACE_NAME_COUNT, placeName } from './synthetic-names.ts';

/**
 * Synthetic settings for a council: enough mainstream schools, special schools, AP, colleges and
 * nurseries to hold the calibrated number of children in each group, with real GIAS type codes
 * and invented names. URNs start with 9 and UKPRNs with 1 so none can be mistaken for a real
 * establishment in the council's own data.
 */
export interface GeneratedSetting {
  row: SettingRow;
  organisation: OrganisationRow;
  group: SettingGroup;
}

interface Template {
  group: SettingGroup;
  phase: string;
  ageFrom: number;
  ageTo: number;
  giasCodes: readonly string[];
  suffix: (gias: string) => string;
  orgKind: string;
  costPounds: [number, number] | null;
  college: boolean;
}

const ACADEMY_CODES = new Set(['28', '34', '33', '44', '42', '43']);

const T = {
  primary: { group: 'mainstream', phase: 'primary', ageFrom: 3, ageTo: 11, giasCodes: ['1', '1', '2', '3', '5', '28', '28', '34'], suffix: (g) => (ACADEMY_CODES.has(g) ? 'Primary Academy' : 'Primary School'), orgKind: 'school', costPounds: null, college: false },
  secondary: { group: 'mainstream', phase: 'secondary', ageFrom: 11, ageTo: 18, giasCodes: ['1', '5', '28', '28', '28', '34'], suffix: (g) => (ACADEMY_CODES.has(g) ? 'Academy' : 'High School'), orgKind: 'school', costPounds: null, college: false },
  special: { group: 'special', phase: 'all-through', ageFrom: 2, ageTo: 19, giasCodes: ['7', '7', '12', '33', '44'], suffix: () => 'School', orgKind: 'school', costPounds: [23_000, 35_000], college: false },
  independent: { group: 'independent-special', phase: 'all-through', ageFrom: 5, ageTo: 19, giasCodes: ['10', '10', '8'], suffix: (g) => (g === '8' ? 'School (non-maintained)' : 'House School'), orgKind: 'school', costPounds: [50_000, 90_000], college: false },
  ap: { group: 'alternative-provision', phase: 'not-applicable', ageFrom: 5, ageTo: 16, giasCodes: ['14', '42', '43'], suffix: (g) => (g === '14' ? 'Pupil Referral Unit' : 'Learning Centre'), orgKind: 'alternative-provision', costPounds: [18_000, 25_000], college: false },
  fe: { group: 'post-16', phase: 'post-16', ageFrom: 16, ageTo: 25, giasCodes: ['18'], suffix: () => 'College', orgKind: 'post-16', costPounds: [6_000, 12_000], college: true },
  specialistPost16: { group: 'specialist-post-16', phase: 'post-16', ageFrom: 16, ageTo: 25, giasCodes: ['32'], suffix: () => 'Specialist College', orgKind: 'post-16', costPounds: [30_000, 60_000], college: true },
  nursery: { group: 'early-years', phase: 'nursery', ageFrom: 2, ageTo: 4, giasCodes: ['15'], suffix: () => 'Nursery School', orgKind: 'early-years', costPounds: null, college: false },
} satisfies Record<string, Template>;

/** Special school designations, cycled so every need has somewhere to go. */
const DESIGNATIONS: readonly NeedCode[][] = [
  ['ASD', 'SLCN'], ['SLD', 'PMLD', 'MSI'], ['SEMH'], ['MLD', 'SPLD'], ['PD', 'HI', 'VI'], ['ASD', 'SEMH'], ['OTH', 'MLD'],
];
const RP_DESIGNATIONS: readonly NeedCode[][] = [['ASD'], ['SLCN'], ['HI'], ['MLD'], ['SEMH'], ['VI'], ['PD']];

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Format-valid postcodes in ZZ99, the pseudo-postcode area that no address uses. */
export function syntheticPostcode(random: Random): string {
  return `ZZ99 ${random.int(1, 9)}${random.pick([...POSTCODE_LETTERS])}${random.pick([...POSTCODE_LETTERS])}`;
}

export function generateSettings(calibration: Calibration, random: Random): GeneratedSetting[] {
  const mix = calibration.settingMix;
  const plans = calibration.plansInPlace;
  const ceil = (n: number, per: number): number => (n > 0 ? Math.max(1, Math.ceil(n / per)) : 0);
  const plan: [Template, number, Partial<{ kind: string; needs: readonly NeedCode[][]; outOfAreaShare: number }>][] = [
    [T.primary, Math.max(2, Math.round(plans / 40)), {}],
    [T.secondary, Math.max(1, Math.round(plans / 180)), {}],
    [T.primary, ceil(mix['resourced-provision'], 24), { kind: 'resourced-provision', needs: RP_DESIGNATIONS }],
    [T.secondary, ceil(mix['resourced-provision'], 24), { kind: 'resourced-provision', needs: RP_DESIGNATIONS }],
    [T.primary, ceil(mix['sen-unit'], 24), { kind: 'sen-unit', needs: RP_DESIGNATIONS }],
    [T.secondary, ceil(mix['sen-unit'], 24), { kind: 'sen-unit', needs: RP_DESIGNATIONS }],
    [T.special, ceil(mix.special, 110), { needs: DESIGNATIONS, outOfAreaShare: 0.1 }],
    [T.independent, ceil(mix['independent-special'], 35), { kind: 'independent-special', needs: DESIGNATIONS, outOfAreaShare: 0.5 }],
    [T.ap, ceil(mix['alternative-provision'], 25), {}],
    [T.fe, ceil(mix['post-16'], 450), {}],
    [T.specialistPost16, ceil(mix['specialist-post-16'], 25), { kind: 'specialist-post-16', outOfAreaShare: 0.4 }],
    [T.nursery, ceil(mix['early-years'], 25), {}],
  ];
  const total = plan.reduce((a, [, n]) => a + n, 0);
  if (total > PLACE_NAME_COUNT) throw new Error(`Too many settings to name (${total})`);
  const names = random.shuffle(Array.from({ length: PLACE_NAME_COUNT }, (_, i) => i));
  const urnBase = 10_000 + (Number(calibration.laCode) * 97) % 80_000;
  const out: GeneratedSetting[] = [];
  for (const [template, count, options] of plan) {
    for (let i = 0; i < count; i += 1) {
      const n = out.length;
      const gias = random.pick(template.giasCodes);
      const place = placeName(names[n]!);
      const kind = options.kind ?? (template.group === 'mainstream' ? 'mainstream' : template.group);
      const name = `${place} ${template.suffix(gias)}`;
      const urn = `9${String(urnBase + n).padStart(5, '0')}`;
      const ukprn = template.college ? `1${String(random.int(0, 9_999_999)).padStart(7, '0')}` : null;
      const id = random.uuid();
      const needs = options.needs ? [...options.needs[i % options.needs.length]!] : [];
      const cost = template.costPounds ? random.int(template.costPounds[0], template.costPounds[1]) * 100 : null;
      const topUp = kind === 'resourced-provision' || kind === 'sen-unit' ? random.int(8_000, 16_000) * 100 : cost;
      out.push({
        group: kind === 'mainstream' ? 'mainstream' : (kind as SettingGroup),
        row: {
          la_code: calibration.laCode, id, name, urn, ukprn, gias_type_code: gias, kind,
          phase: template.phase, age_from: template.ageFrom, age_to: template.ageTo, needs_designated: needs,
          commissioned_places: 0, in_area: !(options.outOfAreaShare && random.chance(options.outOfAreaShare)),
          place_cost_pence: topUp, postcode: syntheticPostcode(random),
          trust_name: ACADEMY_CODES.has(gias) ? `${placeName(names[(n + 997) % PLACE_NAME_COUNT]!)} Learning Trust` : null,
        },
        organisation: {
          la_code: calibration.laCode, id: random.uuid(), kind: template.orgKind, name, urn, ukprn,
        },
      });
    }
  }
  return out;
}
