import { describe, expect, it } from 'vitest';
import { summariseAp, type ApPlacementFacts } from './ap-outcomes.ts';
import { costPlacement, costSectionF, type Band } from './plan-costing.ts';
import { importSettingsCsv, exportSettingsCsv } from './settings-csv.ts';
import { haversineKm, syntheticCoordinates } from './geo-distance.ts';
import type { SettingRecord } from './setting-record.ts';
import { buildTailoredList } from './tailored-list.ts';
import { proRataCost } from './tariff-costing.ts';
import { DEMO_BANDS, demoTariffDates, uplifted } from './demo-tariffs.ts';

const setting = (over: Partial<SettingRecord>): SettingRecord => ({
  id: over.name ?? 'x', laCode: '370', name: 'X', urn: null, ukprn: null, giasTypeCode: '1', kind: 'mainstream', phase: 'primary', ageFrom: 4, ageTo: 11,
  needsDesignated: [], commissionedPlaces: 0, inArea: true, placeCostPence: null, postcode: null, trustName: null, ...over,
});

describe('tailored list', () => {
  const settings = [
    setting({ name: 'Zeta Special', kind: 'special', phase: 'all-through', ageFrom: 2, ageTo: 19, needsDesignated: ['ASD'], commissionedPlaces: 10 }),
    setting({ name: 'Beta Primary', postcode: 'ZZ99 1AB' }),
    setting({ name: 'Alpha Primary', postcode: 'ZZ99 9ZZ' }),
    setting({ name: 'Gamma RP', kind: 'resourced-provision', needsDesignated: ['ASD'], commissionedPlaces: 8 }),
    setting({ name: 'Delta RP for HI', kind: 'resourced-provision', needsDesignated: ['HI'], commissionedPlaces: 8 }),
    setting({ name: 'Omega Secondary', phase: 'secondary', ageFrom: 11, ageTo: 18 }),
    setting({ name: 'Pru', kind: 'alternative-provision', phase: 'not-applicable', ageFrom: 5, ageTo: 16 }),
    setting({ name: 'Full Special', kind: 'special', phase: 'all-through', ageFrom: 2, ageTo: 19, needsDesignated: ['ASD'], commissionedPlaces: 5 }),
  ];
  const coords = new Map([['ZZ99 1AB', syntheticCoordinates('ZZ99 1AB')!], ['ZZ99 9ZZ', syntheticCoordinates('ZZ99 9ZZ')!]]);
  const home = syntheticCoordinates('ZZ99 1AD')!;
  const list = buildTailoredList({ age: 8, primaryNeed: 'ASD', home }, settings, new Map([['Full Special', 5]]), coords);

  it('puts mainstream first (nearest first), then specialist bases, then special schools with places before full ones', () => {
    expect(list.map((e) => e.setting.name)).toEqual(['Beta Primary', 'Alpha Primary', 'Gamma RP', 'Zeta Special', 'Full Special']);
  });
  it('leaves out settings for other needs, ages and AP, and gives reasons', () => {
    const beta = list[0]!;
    expect(beta.reasons[0]).toMatch(/Mainstream school/);
    expect(beta.reasons.some((r) => /km from home/.test(r))).toBe(true);
    expect(list.find((e) => e.setting.name === 'Gamma RP')!.reasons).toContain('Designated for ASD (the child’s primary need)');
    expect(list.find((e) => e.setting.name === 'Full Special')!.reasons).toContain('No commissioned places free at present');
  });
  it('haversine: one degree of latitude is about 111 km', () => {
    expect(haversineKm({ latitude: 52, longitude: -1 }, { latitude: 53, longitude: -1 })).toBeCloseTo(111.2, 0);
  });
});

describe('AP outcomes', () => {
  const p = (tier: 1 | 2 | 3, startsOn: string, endsOn: string | null, outcome: ApPlacementFacts['outcome'], plannedReturnOn: string | null = null): ApPlacementFacts => ({ tier, startsOn, endsOn, outcome, plannedReturnOn });
  const placements = [
    p(2, '2025-01-01', '2025-03-02', 'returned-to-mainstream'), // 60 days
    p(2, '2025-01-01', '2025-04-11', 'moved-to-special'), // 100 days
    p(2, '2025-01-01', '2025-01-31', 'returned-to-mainstream'), // 30 days
    p(2, '2025-06-01', null, null, '2025-09-01'), // open, overdue on 2026-01-01
    p(1, '2025-02-01', '2025-03-03', 'returned-to-mainstream'), // 30 days
    p(3, '2025-02-01', '2025-08-01', 'other'),
  ];
  const s = summariseAp(placements, '2026-01-01');
  it('counts by hand: tier 2 has 3 ended, 2 returned (67%), median 60 days, 1 overdue', () => {
    const t2 = s.tiers[1]!;
    expect([t2.total, t2.open, t2.ended, t2.outcomes['returned-to-mainstream'], t2.outcomes['moved-to-special'], t2.returnRatePercent, t2.medianDays, t2.meanDays, t2.overdueReturns])
      .toEqual([4, 1, 3, 2, 1, 67, 60, 63, 1]);
    expect(s.all.ended).toBe(5);
    expect(s.all.returnRatePercent).toBe(60); // 3 of 5
    expect(s.tiers[2]!.outcomes.other).toBe(1);
  });
});

describe('costs across a tariff change', () => {
  // £3,650 a year is exactly £10 a day in a 365-day year; from 1 January it doubles to £20 a day.
  const bands: Band[] = [
    { laCode: '370', bandCode: 'B1', levelOfNeed: 'x', provisionType: 'y', annualTopUpPence: 365_000, effectiveFrom: '2025-04-01', effectiveTo: '2025-12-31' },
    { laCode: '370', bandCode: 'B1', levelOfNeed: 'x', provisionType: 'y', annualTopUpPence: 730_000, effectiveFrom: '2026-01-01', effectiveTo: null },
  ];
  it('charges 275 days at the old rate and 90 at the new', () => {
    const r = proRataCost(bands, (b) => b.annualTopUpPence, { from: '2025-04-01', to: '2026-03-31' });
    expect(r.segments.map((x) => [x.days, x.pence])).toEqual([[275, 275_000], [90, 180_000]]);
    expect(r.pence).toBe(455_000);
  });
  it('costs a placement on both sides: place cost plus band, from its start date', () => {
    const c = costPlacement({ startsOn: '2025-12-01', endsOn: null, placeCostPence: 3_650_000, bandCode: 'B1', settingKind: 'special' }, bands, { from: '2025-04-01', to: '2026-03-31' });
    // 1 Dec–31 Mar is 121 days: place £100 a day → 1,210,000p; top-up 31 × 1,000 + 90 × 2,000 = 211,000p.
    expect([c.placePence, c.topUpPence]).toEqual([1_210_000, 211_000]);
  });
  it('costs Section F hours by the rate card', () => {
    const items = costSectionF([{ id: 'f1', what: 'Speech therapy', deliveredBy: { role: 'Speech and language therapist', qualification: 'HCPC' }, frequency: { times: 1, per: 'week' }, durationMinutes: 60, groupSize: 1, fundedBy: 'local-authority-education', needIds: [], outcomeIds: [] }],
      [{ laCode: null, delivererRole: 'Speech and language therapist', hourlyRatePence: 6_000, effectiveFrom: '2025-04-01', effectiveTo: null }], { from: '2025-04-01', to: '2026-03-31' });
    // 39 hours a year × £60 = £2,340.
    expect(items[0]!.pence).toBe(234_000);
  });
});

describe('settings CSV', () => {
  const gias = new Set(['1', '7', '14']);
  const header = 'name,urn,ukprn,gias_type_code,kind,phase,age_from,age_to,needs_designated,commissioned_places,in_area,place_cost_pounds,postcode,trust_name';
  it('lists every problem with its line number and imports nothing', () => {
    const r = importSettingsCsv([header, 'Good School,900001,,1,mainstream,primary,4,11,,0,yes,,ZZ99 1AB,', 'Bad,12345,,99,mainstream,primary,11,4,XYZ,0,yes,,,', '"Quoted, name",900001,,7,special,all-through,2,19,ASD,10,no,"23,000",,'].join('\n'), gias);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map((p) => `${p.line}: ${p.text}`);
    expect(lines).toEqual(expect.arrayContaining([
      '3: URN must be 6 digits, like 100000', '3: GIAS establishment type code must be one on the GIAS list (99 is not)',
      '3: Oldest age must be the same as or older than the youngest age', '3: Needs must be SEN2 need codes (XYZ not recognised)', '4: URN 900001 is also on line 2',
    ]));
  });
  it('round-trips an export', () => {
    const s = setting({ name: 'A "quoted", school', urn: '900002', needsDesignated: ['ASD', 'HI'], placeCostPence: 2_300_050, postcode: 'ZZ99 1AB' });
    const r = importSettingsCsv(exportSettingsCsv([s]), gias);
    expect(r.ok && r.settings[0]).toMatchObject({ name: s.name, urn: '900002', needsDesignated: ['ASD', 'HI'], placeCostPence: 2_300_050 });
  });
});

describe('the demonstration tariff: a 3% uplift on 1 January, costed by hand', () => {
  const dates = demoTariffDates('2025-11-29');
  const ms1 = DEMO_BANDS.find((b) => b.bandCode === 'MS-1')!;
  const bands: Band[] = [
    { laCode: '370', bandCode: 'MS-1', levelOfNeed: 'Moderate', provisionType: 'Mainstream', annualTopUpPence: ms1.annualTopUpPence, effectiveFrom: dates.from, effectiveTo: dates.endBefore },
    { laCode: '370', bandCode: 'MS-1', levelOfNeed: 'Moderate', provisionType: 'Mainstream', annualTopUpPence: uplifted(ms1.annualTopUpPence), effectiveFrom: dates.changeOn, effectiveTo: null },
  ];
  const fy = { from: '2025-04-01', to: '2026-03-31' };
  it('puts the change on 1 January inside the financial year', () => {
    expect(dates).toEqual({ from: '2025-04-01', changeOn: '2026-01-01', endBefore: '2025-12-31' });
    expect(uplifted(300_000)).toBe(309_000);
  });
  it('a whole year in mainstream: 275 days of £3,000 and 90 days of £3,090', () => {
    // 300,000 × 275 / 365 = 226,027.4 → 226,027p; 309,000 × 90 / 365 = 76,191.8 → 76,192p; total 302,219p = £3,022.19.
    const c = costPlacement({ startsOn: '2019-09-01', endsOn: null, placeCostPence: null, bandCode: 'MS-1', settingKind: 'mainstream' }, bands, fy);
    expect(c.segments.map((s) => [s.from, s.to, s.days, s.pence])).toEqual([['2025-04-01', '2025-12-31', 275, 226_027], ['2026-01-01', '2026-03-31', 90, 76_192]]);
    expect([c.placePence, c.topUpPence]).toEqual([0, 302_219]);
  });
  it('a placement that ends before the change is charged only the old tariff; one that starts after only the new', () => {
    // 1 Sep–31 Oct 2025: 61 days × 300,000 / 365 = 50,137.0 → 50,137p.
    expect(costPlacement({ startsOn: '2025-09-01', endsOn: '2025-10-31', placeCostPence: null, bandCode: 'MS-1', settingKind: 'mainstream' }, bands, fy).topUpPence).toBe(50_137);
    // 1 Feb–31 Mar 2026: 59 days × 309,000 / 365 = 49,947.9 → 49,948p.
    expect(costPlacement({ startsOn: '2026-02-01', endsOn: null, placeCostPence: null, bandCode: 'MS-1', settingKind: 'mainstream' }, bands, fy).topUpPence).toBe(49_948);
  });
  it('Section F across a rate change: 2 hours a week of a teaching assistant, £22 then £24 an hour', () => {
    // 2 × 39 = 78 hours a year. £22 × 78 = £1,716 a year to 31 Dec (275 days: 171,600 × 275 / 365 = 129,287.7 → 129,288p);
    // £24 × 78 = £1,872 a year from 1 Jan (90 days: 187,200 × 90 / 365 = 46,158.9 → 46,159p). Total 175,447p.
    const rates = [
      { laCode: null, delivererRole: 'Teaching assistant', hourlyRatePence: 2_200, effectiveFrom: '2025-04-01', effectiveTo: '2025-12-31' },
      { laCode: null, delivererRole: 'Teaching assistant', hourlyRatePence: 2_400, effectiveFrom: '2026-01-01', effectiveTo: null },
    ];
    const [item] = costSectionF([{ id: 'f2', what: 'Small-group literacy', deliveredBy: { role: 'teaching assistant', qualification: '' }, frequency: { times: 2, per: 'week' }, durationMinutes: 60, groupSize: 1, fundedBy: 'setting', needIds: [], outcomeIds: [] }], rates, fy);
    expect([item!.hoursPerYear, item!.pence]).toEqual([78, 175_447]);
  });
});
