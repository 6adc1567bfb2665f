import { beforeAll, describe, expect, it } from 'vitest';
import { readCalibrationSources } from '../infrastructure/reference-files.ts';
import { DEFAULT_REFERENCE_DIR } from '../infrastructure/reference-data.loader.ts';
import { readCalibration, type Calibration, type CalibrationSources } from './calibration.ts';

let sources: CalibrationSources;
let barnsley: Calibration;

beforeAll(async () => {
  sources = await readCalibrationSources(DEFAULT_REFERENCE_DIR);
  barnsley = readCalibration(sources, '370');
});

// Expected values read straight from the CSV rows with grep, not computed by this code.
describe('calibration for Barnsley (370)', () => {
  it('reads plans in place and primary needs from the 2024/25 "All EHC plans" row', () => {
    expect(barnsley.laName).toBe('Barnsley');
    expect(barnsley.academicYear).toBe('202425');
    expect(barnsley.plansInPlace).toBe(3044);
    expect(barnsley.needs).toEqual({ ASD: 1260, HI: 38, MLD: 244, MSI: 8, OTH: 92, PD: 94, PMLD: 36, SEMH: 511, SLCN: 565, SLD: 51, SPLD: 121, VI: 24 });
    expect(barnsley.needUnknown).toBe(0);
  });

  it('groups the caseload into the setting mix', () => {
    expect(barnsley.settingMix).toEqual({
      mainstream: 1250, 'resourced-provision': 139, 'sen-unit': 58, special: 552, 'independent-special': 256,
      'alternative-provision': 8, 'post-16': 478, 'specialist-post-16': 25, 'early-years': 26, other: 252,
    });
    expect(Object.values(barnsley.settingMix).reduce((a, b) => a + b, 0)).toBe(3044);
  });

  it('reads the age distribution and years in place', () => {
    expect(barnsley.ages.find((a) => a.age === 10)?.count).toBe(197);
    expect(barnsley.ages.find((a) => a.age === 2)?.count).toBe(3); // "under 3"
    expect(barnsley.ages.reduce((a, b) => a + b.count, 0)).toBe(3044);
    expect(barnsley.yearsInPlace.find((y) => y.years === 5)?.count).toBe(1068);
  });

  it('reads 2024 requests and 20-week timeliness', () => {
    expect(barnsley.calendarYear).toBe('2024');
    expect(barnsley.requests).toEqual({
      received: 718, decidedToAssess: 383, decidedNotToAssess: 294, decisionNotMade: 39, withdrawn: 2, withinSixWeeks: 705, overSixWeeks: 33,
    });
    expect(barnsley.timeliness).toEqual({ issued: 363, issuedExcludingExceptions: 345, within20Weeks: 351, within20WeeksExcludingExceptions: 334 });
    expect(barnsley.notes).toEqual([]);
  });

  it('rejects an unknown code with a helpful message', () => {
    expect(() => readCalibration(sources, '999')).toThrow('Unknown local authority code 999: use a DfE three-digit code such as 886 (Kent)');
  });
});

describe('unavailable values', () => {
  it("reads 'x', 'c', 'z' and 'low' as 0 and notes each one", () => {
    const head = 'time_period,geographic_level,old_la_code,la_name,breakdown_topic,breakdown';
    const needsCols = ['ehc_plans', 'number_asd', 'number_hi', 'number_mld', 'number_msi', 'number_oth', 'number_pd', 'number_pmld', 'number_semh', 'number_slcn', 'number_sld', 'number_spld', 'number_vi', 'number_need_unknown'];
    const row = (vals: string[]): string => `202425,Local authority,999,Testshire,All EHC plans,All EHC plans,${vals.join(',')}`;
    const calibration = readCalibration({
      senNeedsAllPlans: `${head},${needsCols.join(',')}\n${row(['10', 'x', '2', 'c', 'z', 'low', '1', '1', '1', '1', '1', '1', '1', '0'])}\n`,
      caseload: `${head},ehcplans\n`,
      requests: `time_period,geographic_level,old_la_code,breakdown_topic,breakdown,requests_received_in_year\n2024,Local authority,999,All requests for EHC needs assessments,All requests for EHC needs assessments,x\n`,
      timeliness20Week: `${head}\n`,
    }, '999');
    expect(calibration.plansInPlace).toBe(10);
    expect(calibration.needs.ASD).toBe(0);
    expect(calibration.needs.MLD).toBe(0);
    expect(calibration.needs.HI).toBe(2);
    expect(calibration.requests.received).toBe(0);
    expect(calibration.notes.filter((n) => /'(x|c|z|low)' .*counted as 0/.test(n))).toHaveLength(5);
    expect(calibration.notes.some((n) => n.includes("number_asd") && n.includes("'x'"))).toBe(true);
  });
});
