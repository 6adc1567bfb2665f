import { financialYearOf } from './tariff-costing.ts';

/**
 * Illustrative bands, rates and element 1 for a demonstration council. No national bands have been
 * published yet, so these are local rows; the tariff rises on 1 January of the financial year so
 * that every demonstration shows a cost split on both sides of a change.
 */
export interface DemoBand { bandCode: string; levelOfNeed: string; provisionType: string; annualTopUpPence: number; kinds: readonly string[] }

export const DEMO_BANDS: readonly DemoBand[] = [
  { bandCode: 'MS-1', levelOfNeed: 'Moderate', provisionType: 'Mainstream', annualTopUpPence: 300_000, kinds: ['mainstream', 'early-years', 'post-16'] },
  { bandCode: 'MS-2', levelOfNeed: 'Significant', provisionType: 'Mainstream', annualTopUpPence: 650_000, kinds: ['mainstream', 'early-years', 'post-16'] },
  { bandCode: 'RP-1', levelOfNeed: 'Significant', provisionType: 'Resourced provision or SEN unit', annualTopUpPence: 900_000, kinds: ['resourced-provision', 'sen-unit'] },
  { bandCode: 'SP-1', levelOfNeed: 'Severe', provisionType: 'Special school', annualTopUpPence: 1_100_000, kinds: ['special', 'specialist-post-16'] },
  { bandCode: 'SP-2', levelOfNeed: 'Profound and complex', provisionType: 'Special school', annualTopUpPence: 2_000_000, kinds: ['special', 'independent-special', 'specialist-post-16'] },
  { bandCode: 'AP-1', levelOfNeed: 'Significant', provisionType: 'Alternative provision', annualTopUpPence: 800_000, kinds: ['alternative-provision'] },
];

/** The uplift from 1 January, in basis points (300 = 3%). */
export const DEMO_UPLIFT_BP = 300;

export const DEMO_RATES: ReadonlyArray<{ role: string; hourlyRatePence: number }> = [
  { role: 'Teaching assistant', hourlyRatePence: 2_200 },
  { role: 'Specialist teacher', hourlyRatePence: 5_500 },
  { role: 'Speech and language therapist', hourlyRatePence: 6_500 },
  { role: 'Occupational therapist', hourlyRatePence: 6_000 },
  { role: 'Educational psychologist', hourlyRatePence: 9_000 },
];

export const DEMO_ELEMENT_1_PENCE = 520_000;

export function demoTariffDates(today: string): { from: string; changeOn: string; endBefore: string } {
  const fy = financialYearOf(today);
  const changeOn = `${fy.to.slice(0, 4)}-01-01`;
  return { from: fy.from, changeOn, endBefore: `${fy.from.slice(0, 4)}-12-31` };
}

export function uplifted(pence: number): number {
  return Math.round((pence * (10_000 + DEMO_UPLIFT_BP)) / 10_000);
}
